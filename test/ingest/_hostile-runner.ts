/**
 * Child-process runner for the hostile-file test: builds each hostile file on disk, reads and
 * parses it the way the CLI does (capped read, worker pool), and prints one JSON line per case
 * with its result code, time, the peak RSS of this process while it ran (workers included) and
 * the worst event-loop delay of the calling thread.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportFile } from '../../src/cli/_read-report.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../../src/ingest/index.ts';
import { closeParsePool } from '../../src/pipeline/index.ts';
import * as h from './_hostile.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-hostile-'));
const seed = readFileSync(
  join(import.meta.dirname, '..', '..', 'data', 'reports', '003_5d77362307499405.txt'),
);
const seedText = seed.toString('utf8');

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

function utf32be(text: string): Buffer {
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(4 + cps.length * 4);
  out.writeUInt32BE(0x0000feff, 0);
  cps.forEach((cp, i) => {
    out.writeUInt32BE(cp, 4 + i * 4);
  });
  return out;
}

/** The seed cut inside its last multi-byte character. */
function cutMidCharacter(): Buffer {
  const bytes = Buffer.from(`${seedText.trimEnd()}报`);
  return bytes.subarray(0, bytes.length - 1);
}

async function bigSparseFile(): Promise<string> {
  const path = file('huge.txt', '');
  await truncate(path, DEFAULT_LIMITS.maxFileBytes * 5);
  return path;
}

function fifo(): string {
  const path = join(dir, 'pipe.txt');
  execFileSync('mkfifo', [path]);
  return path;
}

const pdfFixture = join(import.meta.dirname, '..', 'fixtures', 'pdf', 'hongzequ_2024.pdf');
const bigTable = `<html><body><table>${'<tr><td>行政处罚</td><td>114</td></tr>'.repeat(15_000)}</table>`;

/** Cases run under other limits than the defaults. */
const LIMITS: Record<string, Partial<IngestLimits>> = {
  // well under the time any PDF takes (a 5-page report: tens of ms warm), so the deadline is what ends it
  'parse-timeout': { timeoutMs: 5 },
  'worker-out-of-memory': { workerHeapMb: 24 },
};

const cases: Record<string, () => string | Promise<string>> = {
  'html-div-100k-unclosed': () => file('div.html', h.deepDivs(100_000)),
  'html-div-100k-closed': () => file('div-closed.html', h.deepDivs(100_000, true)),
  'html-table-3k': () => file('t3k.html', h.nestedTables(3000)),
  'html-table-10k': () => file('t10k.html', h.nestedTables(10_000)),
  'html-span-bomb-400': () => file('span400.html', h.spanBomb(400, 400)),
  'html-span-bomb-4000': () => file('span4000.html', h.spanBomb(4000, 4000)),
  'docx-zip-bomb-200mb': () => file('bomb200.docx', h.docxBomb(200)),
  'docx-zip-bomb-50mb': () => file('bomb50.docx', h.docxBomb(50)),
  'docx-zip-bomb-lying-directory': () => file('bomb-lie.docx', h.docxBomb(200, true)),
  'pdf-flate-bomb-3gb': () => file('flate.pdf', h.flateBombPdf(3000)),
  'pdf-20000-pages': () => file('pages.pdf', h.manyPagesPdf(20_000)),
  'dev-zero': () => '/dev/zero',
  'dev-urandom': () => '/dev/urandom',
  fifo,
  'huge-sparse-file': bigSparseFile,
  'ansi-in-agency': () => file('ansi.txt', seedText.replaceAll('化隆县', '化\x1b[31m隆县')),
  'utf8-cut-mid-character': () => file('cut.txt', cutMidCharacter()),
  'utf16-with-bom': () => file('utf16.txt', utf16le(seedText)),
  'utf32-with-bom': () => file('utf32.txt', utf32be(seedText)),
  'nul-in-number-cell': () => file('nul.txt', seedText.replace('行政处罚\t114', '行政处罚\t11\u00004')),
  'parse-timeout': () => pdfFixture,
  'worker-out-of-memory': () => file('big.html', bigTable),
  'real-pdf-after-the-above': () => pdfFixture,
};

// a cold worker first loads the parser: timed apart, so each case measures its own file
const warm = performance.now();
await readReportFile(file('warm-up.txt', seed));
process.stdout.write(
  `${JSON.stringify({ name: 'worker-cold-start', ms: Math.round(performance.now() - warm) })}\n`,
);

const only = process.argv.slice(2);
for (const [name, make] of Object.entries(cases)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const path = await make();
  // a case with another worker heap gets a pool of its own: started (cold) before timing
  if (LIMITS[name]?.workerHeapMb)
    await readReportFile(join(dir, 'warm-up.txt'), { ...DEFAULT_LIMITS, ...LIMITS[name] });
  let peak = process.memoryUsage().rss;
  let lag = 0;
  let last = performance.now();
  const sampler = setInterval(() => {
    const now = performance.now();
    lag = Math.max(lag, now - last - 10);
    last = now;
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const start = performance.now();
  const r = await readReportFile(path, { ...DEFAULT_LIMITS, ...LIMITS[name] });
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const out = r.ok
    ? {
        name,
        code: 'OK',
        agency: r.report.agency,
        filled: Object.values(r.report.values).filter((v) => v !== null).length,
        penalty: r.report.values['active.penalty'],
        rules: r.warnings.map((w) => w.rule),
      }
    : { name, code: r.error.code, message: r.error.message };
  process.stdout.write(
    `${JSON.stringify({ ...out, ms: Math.round(ms), rssMb: Math.round(peak / 2 ** 20), lagMs: Math.round(lag) })}\n`,
  );
}
await closeParsePool();
