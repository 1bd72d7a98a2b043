/** A whole crawl against a real HTTP server on 127.0.0.1: real fetcher, parser, checker and store. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import { countOutcomes, crawlListing, ingestLink } from '../../src/crawl/index.ts';
import { createFetcher, createPoliteClient, type Fetcher, USER_AGENT } from '../../src/fetch/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { privateLookup, type ReportSite, startReportSite } from './_site.ts';

let site: ReportSite;
let dir: string;
let store: Store;
let fetcher: Fetcher;

beforeAll(async () => {
  site = await startReportSite();
  dir = await mkdtemp(join(tmpdir(), 'nianbao-crawl-'));
  store = await openStore(join(dir, 'store.json'));
  fetcher = createFetcher({
    allowPrivate: ['127.0.0.1'],
    lookup: privateLookup,
    maxBytes: 1024 * 1024,
    timeoutMs: 2000,
    delayMs: 0,
  });
}, 30_000);

afterAll(async () => {
  await fetcher.close();
  await site.server.close();
  await rm(dir, { recursive: true, force: true });
});

const crawl = () => crawlListing(site.listing, { client: createPoliteClient(fetcher), store });

describe('crawl a paged annual-report listing', () => {
  it('ingests exactly the allowed reports, each citing its link, and reports every failure with its code', async () => {
    const summary = await crawl();
    expect(summary.found.map((l) => l.url).sort()).toEqual(
      [...site.allowed.map((r) => r.url), ...Object.keys(site.failures)].sort(),
    );
    const added = summary.results.filter((r) => r.ok);
    expect(added.map((r) => r.ok && r.outcome)).toEqual(site.allowed.map(() => 'added'));
    expect((await store.list()).map((e) => [e.report.id, e.report.source.url]).sort()).toEqual(
      site.allowed.map((r) => [r.id, r.url]).sort(),
    );
    expect((await store.find({ ids: [site.forbidden.id] }))[0]).toBeUndefined();
    const failed = Object.fromEntries(summary.results.flatMap((r) => (r.ok ? [] : [[r.url, r.code]])));
    expect(failed).toEqual(site.failures);
    for (const r of summary.results) if (!r.ok) expect(r.message).toContain(r.url);
    expect(countOutcomes(summary)).toEqual({ added: 4, updated: 0, unchanged: 0, failed: 5 });
  }, 30_000);

  it('keeps the PDF attachment (it holds the tables), cited by the page that links it', async () => {
    const pdfPage = site.allowed[3]!;
    const held = (await store.find({ ids: [pdfPage.id] }))[0]!;
    expect(held.report.source.file).toBe('P020240201.pdf');
    expect(held.report.source.url).toBe(pdfPage.url);
    expect(held.report.values['apply.new_received.total']).toBeTypeOf('number');
  });

  it('answers cite the link a figure came from', async () => {
    const answer = await answerQuestion('洪泽2024年行政处罚多少', store);
    expect(answer.text).toContain('2776');
    expect(answer.text).toContain(site.allowed[3]!.url);
  });

  it('reads GBK pages whether the charset is in the header or in <meta>', async () => {
    for (const r of site.allowed.slice(1, 3))
      expect((await store.find({ ids: [r.id] }))[0]?.report.title).toContain('政府信息公开');
  });

  it('asks robots.txt once, sends an honest User-Agent and no cookies, and never touches the forbidden path', () => {
    const hits = site.server.hits;
    expect(hits.filter((h) => h.path === '/robots.txt')).toHaveLength(1);
    expect(hits.every((h) => h.userAgent === USER_AGENT)).toBe(true);
    expect(hits.some((h) => h.cookie)).toBe(false);
    expect(hits.some((h) => h.path.startsWith('/private/'))).toBe(false);
  });

  it('adds nothing on a second run (same URLs, same content)', async () => {
    const before = store.revision;
    const summary = await crawl();
    expect(countOutcomes(summary)).toEqual({ added: 0, updated: 0, unchanged: 4, failed: 5 });
    expect(store.revision).toBe(before);
  }, 30_000);

  it('honours --since and --max', async () => {
    const client = createPoliteClient(fetcher);
    const since = await crawlListing(site.listing, { client, store }, { since: 2023 });
    expect(since.found.every((l) => l.year >= 2023)).toBe(true);
    expect(since.found.length).toBeLessThan(9);
    const max = await crawlListing(site.listing, { client, store }, { max: 2 });
    expect(max.found).toHaveLength(2);
    expect(max.results).toHaveLength(2);
  }, 30_000);

  it('stops when cancelled and says so', async () => {
    const controller = new AbortController();
    const summary = await crawlListing(site.listing, {
      client: createPoliteClient(fetcher),
      store,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'report' && e.done === 1) controller.abort();
      },
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.results).toHaveLength(1);
  }, 30_000);
});

describe('a single link', () => {
  it('tells a listing from a report page', async () => {
    const client = createPoliteClient(fetcher, { robots: false });
    const listing = await ingestLink(site.listing, { client, store });
    expect(listing.kind).toBe('listing');
    const report = await ingestLink(site.allowed[0]!.url, { client, store });
    expect(report).toMatchObject({ kind: 'report', outcome: { ok: true, outcome: 'unchanged' } });
    const missing = await ingestLink(`${site.server.origin}/nothing-here.htm`, { client, store });
    expect(missing).toMatchObject({ kind: 'report', outcome: { ok: false, code: 'FETCH_HTTP_404' } });
  });

  it('replaces a record when the page at its link changed', async () => {
    const client = createPoliteClient(fetcher, { robots: false });
    const page = site.allowed[0]!;
    const route = site.server.routes.get(new URL(page.url).pathname)!;
    const before = (await store.find({ ids: [page.id] }))[0]!.report.source.sha256;
    route.body = String(route.body).replace('</body>', '<p>（本页于发布后更正了一处文字。）</p></body>');
    const result = await ingestLink(page.url, { client, store });
    expect(result).toMatchObject({ kind: 'report', outcome: { ok: true, outcome: 'updated' } });
    expect((await store.find({ ids: [page.id] }))[0]!.report.source.sha256).not.toBe(before);
    expect((await store.find({ ids: [page.id] }))[0]!.report.source.url).toBe(page.url);
  });
});
