import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parse/index.ts';
import { ReportSchema } from '../../src/schema/index.ts';
import { readSeed, seedFiles } from '../helpers.ts';

const SOURCE = { file: 'mutant.txt', sha256: '0'.repeat(64) };
const seeds = seedFiles().map(readSeed);
const CODES = ['EMPTY_FILE', 'BINARY_FILE', 'NOT_A_REPORT', 'NO_TABLES', 'UNREADABLE_ENCODING'];

/** Parses and asserts the contract: a valid Report or a coded error with a message, never a throw. */
function parseChecked(text: string): void {
  const r = parseReport(text, SOURCE);
  if (r.ok) {
    expect(ReportSchema.safeParse(r.report).success).toBe(true);
    for (const w of r.warnings) expect(w.report).toBe(r.report.id);
  } else {
    expect(CODES).toContain(r.error.code);
    expect(r.error.message.length).toBeGreaterThan(5);
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop'), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('dup'), at: fc.nat(), n: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('shuffle'), at: fc.nat(), n: fc.integer({ min: 2, max: 30 }) }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat(), n: fc.constant(0) }),
  fc.record({ kind: fc.constant('bytes'), at: fc.nat(), n: fc.integer({ min: 1, max: 200 }) }),
);

type Mutation = { kind: string; at: number; n: number };

function mutate(text: string, muts: Mutation[], noise: string): string {
  let lines = text.split('\n');
  for (const m of muts) {
    const at = m.at % Math.max(lines.length, 1);
    if (m.kind === 'drop') lines.splice(at, m.n);
    else if (m.kind === 'dup') lines.splice(at, 0, ...lines.slice(at, at + m.n));
    else if (m.kind === 'shuffle') {
      const part = lines.slice(at, at + m.n).reverse();
      lines.splice(at, part.length, ...part);
    } else if (m.kind === 'truncate') lines = lines.slice(0, at);
    else lines.splice(at, 0, noise.slice(0, m.n));
  }
  return lines.join('\n');
}

describe('parseReport on mutated and hostile input', () => {
  it('never throws and always yields a valid Report or a coded error (1,000 mutants)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: seeds.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        fc.string({ unit: 'binary', minLength: 0, maxLength: 200 }),
        (seed, muts, noise) => {
          const started = performance.now();
          parseChecked(mutate(seeds[seed]!, muts, noise));
          // a bound against runaway search, not a speed target (that is `npm run bench`)
          expect(performance.now() - started).toBeLessThan(5000);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['empty', '', 'EMPTY_FILE'],
    ['whitespace only', '  \n\t\n ', 'EMPTY_FILE'],
    ['binary', String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7) % 32)), 'BINARY_FILE'],
    ['mojibake', `${'\uFFFD'.repeat(500)}年度报告`, 'UNREADABLE_ENCODING'],
    ['prose without a report', '今天天气很好。\n我们去公园散步。', 'NOT_A_REPORT'],
    [
      'title without tables',
      '某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n我们做了很多工作。',
      'NO_TABLES',
    ],
  ])('rejects %s with %s', (_name, text, code) => {
    const r = parseReport(text, SOURCE);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe(code);
  });

  it('handles a 5 MB file without runaway work', () => {
    const big = seeds[0]!.repeat(Math.ceil(5_000_000 / seeds[0]!.length));
    const started = performance.now();
    parseChecked(big);
    // a bound against quadratic blow-up (about 0.5 s idle), not a speed target
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('handles random bytes decoded as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 5000 }), (bytes) => {
        parseChecked(new TextDecoder().decode(bytes));
      }),
      { numRuns: 200 },
    );
  });
});
