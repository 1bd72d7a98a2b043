/** The CLI's file front door: limits from the environment, bad files in a batch, `--`, no raw control characters. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, limitsFromEnv, readFileCapped } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';
import { ROOT, seedFiles } from '../helpers.ts';

const seedText = readFileSync(seedFiles()[3]!, 'utf8');
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
/** tsx's loader by path, so that the CLI also starts from a directory outside the project. */
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

function cli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['--import', TSX, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('limits settings', () => {
  it('reads each limit from its environment variable, in its unit, over the defaults', () => {
    const limits = limitsFromEnv({
      INGEST_MAX_FILE_MB: '5',
      INGEST_MAX_PDF_PAGES: '40',
      INGEST_TIMEOUT_MS: '',
    });
    expect(limits.maxFileBytes).toBe(5 * 2 ** 20);
    expect(limits.maxPdfPages).toBe(40);
    expect(limits.timeoutMs).toBe(DEFAULT_LIMITS.timeoutMs);
    expect(limits.maxHtmlDepth).toBe(256);
  });

  it('names the variable of a value that is not a positive number', () => {
    expect(() => limitsFromEnv({ INGEST_MAX_HTML_DEPTH: 'deep' })).toThrow(/INGEST_MAX_HTML_DEPTH=deep/);
    expect(() => limitsFromEnv({ INGEST_MAX_SPAN: '-1' })).toThrow(/INGEST_MAX_SPAN/);
  });

  it('reads at most the byte limit, and only regular files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-read-'));
    const path = join(dir, 'r.txt');
    writeFileSync(path, 'x'.repeat(1000));
    expect(await readFileCapped(path, 1000)).toMatchObject({ ok: true });
    expect(await readFileCapped(path, 999)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(await readFileCapped(dir)).toMatchObject({ ok: false, error: { code: 'NOT_A_FILE' } });
    expect(await readFileCapped(join(dir, 'missing.txt'))).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_FOUND' },
    });
  });
});

describe('cli ingest with hostile files', () => {
  it('stores the good file of a batch and reports each bad one with its code; INGEST_* settings apply', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-batch-'));
    const store = join(dir, 'store.json');
    writeFileSync(join(dir, 'good.txt'), seedText);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'big.txt'), seedText.repeat(3));
    spawnSync('mkfifo', [join(dir, 'pipe.txt')]);
    const r = cli(
      [
        'ingest',
        '--store',
        store,
        '--json',
        ...['good.txt', 'empty.txt', 'big.txt', 'pipe.txt'].map((f) => join(dir, f)),
        '/dev/zero',
      ],
      ROOT,
      { INGEST_MAX_FILE_MB: String((Buffer.byteLength(seedText) * 2) / 2 ** 20) },
    );
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { results: { file: string; outcome: string; code?: string }[] };
    expect(out.results.map((x) => [x.file.replace(`${dir}/`, ''), x.code ?? x.outcome])).toEqual([
      ['good.txt', 'added'],
      ['empty.txt', 'EMPTY_FILE'],
      ['big.txt', 'FILE_TOO_LARGE'],
      ['pipe.txt', 'NOT_A_FILE'],
      ['/dev/zero', 'NOT_A_FILE'],
    ]);
  }, 60_000);

  it('after `--` a file named --store=… is a file, never an option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-dashdash-'));
    const store = join(dir, 'store.json');
    writeFileSync(join(dir, 'a.txt'), seedText);
    writeFileSync(join(dir, '--store=evil.json'), '');
    // what `cli ingest --store store.json -- *` runs after the shell expands the glob
    const r = cli(['ingest', '--store', store, '--', '--store=evil.json', 'a.txt'], dir);
    expect(r.stdout).toContain('--store=evil.json: 失败 [EMPTY_FILE]');
    expect(existsSync(join(dir, 'evil.json'))).toBe(false);
    expect(existsSync(store)).toBe(true);
  }, 60_000);

  it('never writes control characters from a file to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-ansi-'));
    const store = join(dir, 'store.json');
    writeFileSync(join(dir, 'ansi.txt'), seedText.replaceAll('化隆县', '化\x1b[31m隆县\u202e'));
    writeFileSync(join(dir, 'bad\x1b[2J\x07name.txt'), '');
    const parsed = cli(['parse', join(dir, 'ansi.txt'), join(dir, 'bad\x1b[2J\x07name.txt')]);
    const ingested = cli([
      'ingest',
      '--store',
      store,
      join(dir, 'ansi.txt'),
      join(dir, 'bad\x1b[2J\x07name.txt'),
    ]);
    for (const out of [parsed.stdout, ingested.stdout]) {
      expect(out).toContain('化隆县人民政府');
      expect(out).toContain('bad\\u{1b}[2J\\u{7}name.txt');
      expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    }
    expect((await openStore(store)).all().map((s) => s.report.agency)).toEqual(['化隆县人民政府']);
  }, 90_000);
});
