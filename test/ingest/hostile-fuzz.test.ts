/**
 * Property test of the file front door: hostile files of every format (nesting depth, span
 * bombs, zip and flate bombs, many pages, oversized input, NUL bytes, mixed encodings) go
 * through the real worker pool; each ends within its budget with a coded error or a valid
 * record, and the process's RSS stays bounded.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type IngestLimits } from '../../src/ingest/index.ts';
import { closeParsePool, parseInWorker } from '../../src/pipeline/index.ts';
import { ReportSchema } from '../../src/schema/index.ts';
import { seedFiles } from '../helpers.ts';
import { buildDocx } from './_build.ts';
import * as h from './_hostile.ts';

const LIMITS: IngestLimits = { ...DEFAULT_LIMITS, timeoutMs: 5000 };
/**
 * Budget of one file: its deadline, plus the start of a fresh worker when the one before was
 * terminated (loading the parser takes seconds on a busy machine; it is not the file's time).
 */
const BUDGET_MS = LIMITS.timeoutMs + 10_000;
/** Peak RSS of this whole test process (vitest, workers and all). */
const RSS_BOUND_MB = 900;

const LIMIT_CODES = new Set([
  'FILE_TOO_LARGE',
  'INFLATE_LIMIT',
  'PDF_TOO_MANY_PAGES',
  'HTML_TOO_DEEP',
  'HTML_TOO_MANY_ELEMENTS',
  'TABLE_TOO_LARGE',
  'PARSE_TIMEOUT',
  'PARSE_OUT_OF_MEMORY',
]);

const seed = readFileSync(seedFiles()[3]!);
const enc = new TextEncoder();

interface Hostile {
  kind: string;
  bytes: Uint8Array;
}

const html = fc
  .record({
    depth: fc.integer({ min: 1, max: 20_000 }),
    closed: fc.boolean(),
    spanCells: fc.integer({ min: 0, max: 3000 }),
    span: fc.integer({ min: 1, max: 1_000_000 }),
    nul: fc.boolean(),
    charset: fc.constantFrom('utf-8', 'gbk', 'shift_jis', 'bogus'),
  })
  .map(({ depth, closed, spanCells, span, nul, charset }): Hostile => {
    const td = `<td colspan="${span}" rowspan="${span}">1${nul ? '\0' : ''}4</td>`;
    const body = `${'<div>'.repeat(depth)}<table><tr>${td.repeat(spanCells)}</tr></table>${closed ? '</div>'.repeat(depth) : ''}`;
    return {
      kind: `html depth=${depth} spans=${spanCells}x${span} ${charset}`,
      bytes: enc.encode(`<html><head><meta charset="${charset}"></head><body>${body}</body></html>`),
    };
  });

const docx = fc.oneof(
  fc
    .record({ mb: fc.integer({ min: 1, max: 400 }), lie: fc.boolean() })
    .map(({ mb, lie }): Hostile => ({ kind: `docx bomb ${mb} MB lie=${lie}`, bytes: h.docxBomb(mb, lie) })),
  fc.integer({ min: 1, max: 5000 }).map((n) => ({ kind: `docx table ${n} spans`, n })),
);

const pdf = fc.oneof(
  fc
    .integer({ min: 1, max: 30_000 })
    .map((pages): Hostile => ({ kind: `pdf ${pages} pages`, bytes: h.manyPagesPdf(pages) })),
  fc
    .integer({ min: 1, max: 4000 })
    .map((mb): Hostile => ({ kind: `pdf flate ${mb} MB`, bytes: h.flateBombPdf(mb) })),
);

const text = fc.oneof(
  fc.uint8Array({ maxLength: 65_536 }).map((bytes): Hostile => ({ kind: 'random bytes', bytes })),
  fc
    .record({ at: fc.nat(), junk: fc.constantFrom('\0', '\x1b[31m', '\u202e', '\u200b', '\x85', '\ufffd') })
    .map(({ at, junk }): Hostile => {
      const s = seed.toString('utf8');
      const i = at % s.length;
      return {
        kind: `seed with ${JSON.stringify(junk)}`,
        bytes: enc.encode(s.slice(0, i) + junk + s.slice(i)),
      };
    }),
  fc.nat().map((cut): Hostile => ({ kind: 'seed cut short', bytes: seed.subarray(0, cut % seed.length) })),
  fc.constantFrom('utf-16le', 'utf-16be').map((e): Hostile => {
    const s = seed.toString('utf8');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
    return { kind: e, bytes: e === 'utf-16le' ? le : Buffer.from(le).swap16() };
  }),
  fc.integer({ min: 1, max: 3 }).map(
    (extraMb): Hostile => ({
      kind: `oversized ${extraMb} MB over`,
      bytes: new Uint8Array(LIMITS.maxFileBytes + extraMb * 2 ** 20).fill(0x31),
    }),
  ),
);

let peakRss = 0;
const counts = new Map<string, number>();
let sampler: NodeJS.Timeout;

beforeAll(async () => {
  sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  // start the worker before timing files
  await parseInWorker({ file: 'warm.txt', bytes: seed }, LIMITS);
}, 60_000);

afterAll(async () => {
  clearInterval(sampler);
  await closeParsePool();
});

async function materialise(g: Hostile | { kind: string; n: number }): Promise<Hostile> {
  if ('bytes' in g) return g;
  const cells = Array.from({ length: g.n }, () => ({ text: '1', span: 63, merge: 'restart' as const }));
  return { kind: g.kind, bytes: await buildDocx(['标题', [cells, cells]]) };
}

describe('hostile files of every format (property)', () => {
  it('end within the budget with a coded error naming the file or a valid record; RSS bounded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(html, docx, pdf, text), async (generated) => {
        const file = await materialise(generated);
        const start = performance.now();
        const r = await parseInWorker({ file: 'hostile.bin', bytes: file.bytes }, LIMITS);
        const ms = performance.now() - start;
        expect(ms, file.kind).toBeLessThan(BUDGET_MS);
        if (r.ok) {
          expect(ReportSchema.safeParse(r.report).success, file.kind).toBe(true);
        } else {
          expect(r.file).toBe('hostile.bin');
          expect(r.code, file.kind).toMatch(/^[A-Z][A-Z0-9_]+$/);
          // a limit's message names the file and the limit
          if (LIMIT_CODES.has(r.code)) {
            expect(r.message, file.kind).toMatch(new RegExp(`^hostile\\.bin 超出处理限制 \\[${r.code}\\]：`));
          }
        }
        expect(peakRss / 2 ** 20, file.kind).toBeLessThan(RSS_BOUND_MB);
        if (ms > 3000) console.log('slow', file.kind, r.ok ? 'OK' : r.code, Math.round(ms));
        counts.set(r.ok ? 'OK' : r.code, (counts.get(r.ok ? 'OK' : r.code) ?? 0) + 1);
      }),
      { numRuns: 30, seed: 15 },
    );
    console.log('outcomes', Object.fromEntries(counts), 'peak RSS MB', Math.round(peakRss / 2 ** 20));
  }, 240_000);
});
