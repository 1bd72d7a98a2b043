/**
 * Every input of issue 15's probe table, end to end as the CLI reads a file (capped read, worker
 * pool): a coded error naming the file and the limit, or the correct record, within 10 s and
 * under 500 MB RSS. The files are built and parsed in a child process so that its peak RSS is
 * this work's alone; the calling thread's worst event-loop delay is reported too.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { readPdfGold } from './_build.ts';

interface CaseResult {
  name: string;
  code?: string;
  message?: string;
  agency?: string;
  filled?: number;
  penalty?: number | null;
  rules?: string[];
  ms: number;
  rssMb?: number;
  lagMs?: number;
}

const results = new Map<string, CaseResult>();

beforeAll(async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'test', 'ingest', '_hostile-runner.ts')],
    { cwd: ROOT, maxBuffer: 16 * 2 ** 20, timeout: 170_000 },
  );
  for (const line of stdout.trim().split('\n')) {
    const r = JSON.parse(line) as CaseResult;
    results.set(r.name, r);
  }
  // the measured numbers, for the record
  console.table(
    [...results.values()].map(({ name, code, ms, rssMb, lagMs }) => ({ name, code, ms, rssMb, lagMs })),
  );
}, 180_000);

const REFUSED: [string, string, RegExp][] = [
  ['html-div-100k-unclosed', 'HTML_TOO_DEEP', /div\.html.*256 层.*INGEST_MAX_HTML_DEPTH/],
  ['html-div-100k-closed', 'HTML_TOO_DEEP', /div-closed\.html.*INGEST_MAX_HTML_DEPTH/],
  ['html-table-3k', 'HTML_TOO_DEEP', /t3k\.html/],
  ['html-table-10k', 'HTML_TOO_DEEP', /t10k\.html/],
  ['html-span-bomb-400', 'TABLE_TOO_LARGE', /span400\.html.*50000 格.*INGEST_MAX_TABLE_CELLS/],
  ['html-span-bomb-4000', 'TABLE_TOO_LARGE', /span4000\.html.*INGEST_MAX_SPAN=100/],
  ['docx-zip-bomb-200mb', 'INFLATE_LIMIT', /bomb200\.docx.*24 MB.*INGEST_MAX_DOCX_INFLATED_MB/],
  ['docx-zip-bomb-50mb', 'INFLATE_LIMIT', /bomb50\.docx.*INGEST_MAX_DOCX_INFLATED_MB/],
  ['docx-zip-bomb-lying-directory', 'INFLATE_LIMIT', /bomb-lie\.docx.*大于其声明的大小/],
  ['pdf-flate-bomb-3gb', 'INFLATE_LIMIT', /flate\.pdf.*INGEST_MAX_PDF_INFLATED_MB/],
  ['pdf-20000-pages', 'PDF_TOO_MANY_PAGES', /pages\.pdf.*20000 页.*INGEST_MAX_PDF_PAGES/],
  ['dev-zero', 'NOT_A_FILE', /zero.*不是普通文件/],
  ['dev-urandom', 'NOT_A_FILE', /urandom.*不是普通文件/],
  ['fifo', 'NOT_A_FILE', /pipe\.txt.*不是普通文件/],
  ['huge-sparse-file', 'FILE_TOO_LARGE', /huge\.txt.*20 MB.*INGEST_MAX_FILE_MB/],
  ['parse-timeout', 'PARSE_TIMEOUT', /hongzequ_2024\.pdf.*超过 5 毫秒.*INGEST_TIMEOUT_MS/],
  ['worker-out-of-memory', 'PARSE_OUT_OF_MEMORY', /big\.html.*24 MB.*INGEST_WORKER_HEAP_MB/],
];

describe('hostile files (issue 15 probe table)', () => {
  it.each(REFUSED)('%s → %s naming the file and the limit, < 10 s, < 500 MB', (name, code, message) => {
    const r = results.get(name);
    expect(r, `no result for ${name}`).toBeDefined();
    expect(r!.code).toBe(code);
    expect(r!.message).toMatch(message);
    expect(r!.ms).toBeLessThan(10_000);
    expect(r!.rssMb).toBeLessThan(500);
  });

  it.each([
    ['ansi-in-agency', []],
    ['utf8-cut-mid-character', ['PW-12']],
    ['utf16-with-bom', []],
    ['utf32-with-bom', []],
  ])('%s → the correct record (clean agency, all 200 cells, 行政处罚 114)', (name, extraRules) => {
    const r = results.get(name)!;
    expect(r.code).toBe('OK');
    expect(r.agency).toBe('化隆县人民政府');
    expect(r.filled).toBe(200);
    expect(r.penalty).toBe(114);
    expect(r.rules).toEqual([...extraRules, 'PW-02', 'PW-03']);
    expect(r.ms).toBeLessThan(10_000);
    expect(r.rssMb).toBeLessThan(500);
  });

  it('nul-in-number-cell → 行政处罚 is null with a PW-06 warning, never 0 or 114', () => {
    const r = results.get('nul-in-number-cell')!;
    expect(r.code).toBe('OK');
    expect(r.penalty).toBeNull();
    expect(r.filled).toBe(199);
    expect(r.rules).toEqual(['PW-06', 'PW-02', 'PW-03']);
  });

  it('after a timeout and an out-of-memory worker, the pool still parses a real PDF', () => {
    const gold = readPdfGold('hongzequ_2024');
    const r = results.get('real-pdf-after-the-above')!;
    expect(r.code).toBe('OK');
    expect(r.agency).toBe(gold.agency);
    expect(r.filled).toBe(Object.values(gold.values).filter((v) => v !== null).length);
  });

  it('the calling thread stays responsive while workers refuse hostile files (event-loop delay < 1 s)', () => {
    const lags = [...results.values()].flatMap((r) => (r.lagMs === undefined ? [] : [r.lagMs]));
    expect(lags.length).toBeGreaterThan(15);
    expect(Math.max(...lags)).toBeLessThan(1000);
  });
});
