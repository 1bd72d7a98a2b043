/** `cli crawl` and `cli ingest URL` as a user runs them, against the test site on 127.0.0.1. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.ts';
import { type ReportSite, startReportSite } from './_site.ts';

const run = promisify(execFile);
let site: ReportSite;
let dir: string;

beforeAll(async () => {
  site = await startReportSite();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-cli-'));
}, 30_000);

afterAll(async () => {
  await site.server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs the CLI; resolves with exit code and output whatever the code. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const { ALLOW_PRIVATE_FETCH: _a, ...base } = process.env;
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['src/cli/main.ts', ...args],
      {
        cwd: ROOT,
        env: { ...base, FETCH_TIMEOUT_MS: '2000', FETCH_MAX_MB: '1', ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('cli crawl', () => {
  it('crawls the listing, then adds nothing on a second run', async () => {
    const store = join(dir, 'crawl.json');
    const env = { ALLOW_PRIVATE_FETCH: '127.0.0.1' };
    const first = await cli(['crawl', site.listing, '--delay', '0', '--store', store, '--json'], env);
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout) as {
      found: number;
      added: number;
      failed: number;
      results: { url: string; outcome: string; code?: string; id?: string }[];
    };
    expect(out).toMatchObject({ found: 9, added: 4, updated: 0, unchanged: 0, failed: 5 });
    expect(out.results.filter((r) => r.outcome === 'added').map((r) => r.id)).toEqual(
      site.allowed.map((r) => r.id),
    );
    // without a test resolver, intranet.test does not resolve at all
    const expected = { ...site.failures, [Object.keys(site.failures).at(-1)!]: 'FETCH_DNS' };
    expect(Object.fromEntries(out.results.flatMap((r) => (r.code ? [[r.url, r.code]] : [])))).toEqual(
      expected,
    );
    expect(first.stderr).toContain('[9/9]');

    const second = await cli(['crawl', site.listing, '--delay', '0', '--store', store], env);
    expect(second.stdout).toContain('合计：找到 9，新增 0，更新 0，未变化 4，失败 5');
    expect(second.stdout).toMatch(/失败 \[ROBOTS_DISALLOWED\] .*\/private\//);
  }, 60_000);
});

describe('cli ingest URL', () => {
  it('ingests a report page and its attachment, and points a listing to crawl', async () => {
    const store = join(dir, 'ingest.json');
    const pdfPage = site.allowed[3]!;
    const { code, stdout } = await cli(['ingest', pdfPage.url, site.listing, '--store', store, '--json'], {
      ALLOW_PRIVATE_FETCH: '1',
    });
    expect(code).toBe(1);
    const { results } = JSON.parse(stdout) as {
      results: { file: string; outcome: string; id?: string; code?: string }[];
    };
    expect(results).toEqual([
      { file: pdfPage.url, outcome: 'added', id: pdfPage.id, warnings: expect.any(Number) },
      {
        file: site.listing,
        outcome: 'failed',
        code: 'LISTING_PAGE',
        message: expect.stringContaining('cli crawl'),
      },
    ]);
  }, 30_000);

  it('refuses a host that resolves to a loopback address unless ALLOW_PRIVATE_FETCH is set', async () => {
    const url = `http://localhost:${site.server.port}/xxgk/zfxxgknb/index.html`;
    const before = site.server.hits.length;
    const { code, stdout } = await cli([
      'ingest',
      url,
      'ftp://example.org/a.pdf',
      '--store',
      join(dir, 'x.json'),
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${url}: 失败 [FETCH_BLOCKED_ADDRESS]`);
    expect(stdout).toContain('失败 [FETCH_BAD_SCHEME]');
    expect(site.server.hits.length).toBe(before);
  }, 30_000);
});
