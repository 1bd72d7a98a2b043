import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';

/** Every rule id written as a string literal ('A-04', "PW-05") in the .ts files under a src folder. */
function emittedIds(dir: string, pattern: RegExp): string[] {
  const ids = new Set<string>();
  for (const name of readdirSync(join(ROOT, 'src', dir), { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts')) continue;
    const text = readFileSync(join(ROOT, 'src', dir, name), 'utf8');
    for (const m of text.matchAll(pattern)) ids.add(m[1]!);
  }
  return [...ids].sort();
}

/** Ids that have a row of their own in a catalogue table (`| A-04 | …`). */
function catalogued(doc: string): Set<string> {
  const text = readFileSync(join(ROOT, 'docs', doc), 'utf8');
  return new Set([...text.matchAll(/^\| ((?:[A-Z]|PW)-\d\d) \|/gm)].map((m) => m[1]!));
}

describe('the rule catalogues in docs/ cover what the code emits', () => {
  it('docs/rules.md has a row for every rule id in src/check', () => {
    const ids = emittedIds('check', /['"`]([ABCFMNPX]-\d\d)['"`]/g);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    const documented = catalogued('rules.md');
    expect(ids.filter((id) => !documented.has(id))).toEqual([]);
  });

  it('docs/parse-warnings.md has a row for every PW id in src/parse, and rules.md for its F-05 and A-06', () => {
    const pw = emittedIds('parse', /['"`](PW-\d\d)['"`]/g);
    expect(pw.length).toBeGreaterThanOrEqual(6);
    const documented = catalogued('parse-warnings.md');
    expect(pw.filter((id) => !documented.has(id))).toEqual([]);
    const others = emittedIds('parse', /['"`]([ABCFMNPX]-\d\d)['"`]/g);
    const rules = catalogued('rules.md');
    expect(others.filter((id) => !rules.has(id))).toEqual([]);
  });
});
