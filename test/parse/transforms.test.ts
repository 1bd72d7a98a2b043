import { basename } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.ts';
import { goldFor, readSeed, seedFiles } from '../helpers.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const FULL_WIDTH_OFFSET = 0xff10 - 0x30;

/** Rewritings of a real report that must not change a single parsed value. */
const TRANSFORMS: [string, (text: string) => string][] = [
  ['traditional characters', (t) => toTraditional(t)],
  [
    'full-width digits',
    (t) => t.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + FULL_WIDTH_OFFSET)),
  ],
  ['CRLF line endings', (t) => t.replace(/\n/g, '\r\n')],
  ['ideographic spaces and trailing blanks', (t) => t.replace(/ /g, '\u3000').replace(/\n/g, '  \n')],
  ['a byte-order mark and a blank preamble', (t) => `\uFEFF\n\n${t}`],
];

const cases = seedFiles().flatMap((file) =>
  TRANSFORMS.map(([name, fn]) => [basename(file), name, file, fn] as const),
);

describe('real seeds survive rewriting', () => {
  it.each(cases)('%s — %s', (_seed, _name, file, transform) => {
    const gold = goldFor(file);
    const r = parseReport(transform(readSeed(file)), { file: basename(file), sha256: 'x' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const wrong = Object.entries(gold.values).filter(([id, want]) => r.report.values[id] !== want);
    expect(wrong).toEqual([]);
    expect(r.report.year).toBe(gold.year);
    expect(r.report.region?.name).toBe(gold.region);
  });

  it.each(
    seedFiles()
      .filter((f) => !/001_|002_/.test(f))
      .map((f) => [basename(f), f]),
  )('%s — tabs replaced by runs of spaces (no blank cells)', (_seed, file) => {
    const gold = goldFor(file);
    const r = parseReport(readSeed(file).replace(/\t+/g, '   '), { file: basename(file), sha256: 'x' });
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(Object.entries(gold.values).filter(([id, want]) => r.report.values[id] !== want)).toEqual([]);
  });
});
