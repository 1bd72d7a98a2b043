import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENTS, RULE_MESSAGES_EN } from '../../src/answer/index.ts';
import { ROOT } from '../helpers.ts';

describe('the intent registry', () => {
  it('is one explicit, ordered list', () => {
    expect(INTENTS.map((i) => i.id)).toEqual([
      'help',
      'clarify',
      'check_rank',
      'section',
      'check',
      'count',
      'list',
      'meta',
      'prose',
      'unheld',
      'derived',
      'compare',
      'rank',
      'list',
      'region',
      'trend',
      'lookup',
      'clarify',
      'help',
      'unknown',
    ]);
  });

  it('ends with a catch-all, and every module answers', () => {
    expect(INTENTS.at(-1)!.match({} as never)).toBe(true);
    for (const i of INTENTS) expect(typeof i.answer).toBe('function');
  });
});

describe('English rule messages', () => {
  it('every rule id the checker and parser emit has an English message', () => {
    const ids = new Set<string>();
    for (const dir of ['src/check', 'src/parse', 'src/pipeline']) {
      for (const f of readdirSync(join(ROOT, dir))) {
        if (!f.endsWith('.ts')) continue;
        for (const m of readFileSync(join(ROOT, dir, f), 'utf8').matchAll(/'((?:[ABCFMNPX]|PW)-\d{2})'/g))
          ids.add(m[1]!);
      }
    }
    expect(ids.size).toBeGreaterThan(50);
    expect([...ids].filter((id) => !RULE_MESSAGES_EN[id])).toEqual([]);
  });
});
