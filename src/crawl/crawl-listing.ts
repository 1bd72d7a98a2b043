import { load } from 'cheerio';
import { FetchError, type FetchedResource } from '../fetch/index.ts';
import { htmlOf } from './_page.ts';
import { failure, ingestResource, type LinkContext, type LinkOutcome } from './ingest-link.ts';
import { findPageLinks, findReportLinks, type ReportLink } from './links.ts';

export interface CrawlOptions {
  /** Reports fetched at most (newest first, as listings order them). */
  max?: number;
  /** Only reports of this year or later. */
  since?: number;
  /** Listing pages read at most (default 100). */
  maxPages?: number;
  /** The first listing page, when the caller has already downloaded it. */
  firstPage?: FetchedResource;
}

export type CrawlEvent =
  | { type: 'listing'; url: string; pages: number; found: number }
  | { type: 'report'; done: number; total: number; result: LinkOutcome };

export interface CrawlSummary {
  /** Report links found (after --since and --max). */
  found: ReportLink[];
  results: LinkOutcome[];
  /** Listing pages that could not be read. */
  listingFailures: LinkOutcome[];
  cancelled: boolean;
}

const isCancel = (err: unknown) => err instanceof FetchError && err.code === 'FETCH_CANCELLED';

/** Reads a listing and its further pages (same site), collecting report links once each. */
async function collectLinks(
  start: string,
  ctx: LinkContext & { onEvent?: (e: CrawlEvent) => void },
  options: CrawlOptions,
  summary: CrawlSummary,
): Promise<ReportLink[]> {
  const links = new Map<string, ReportLink>();
  const queue = [start];
  const seen = new Set(queue);
  const enough = () => options.max !== undefined && wanted(links, options).length >= options.max;
  for (let read = 0; queue.length > 0 && read < (options.maxPages ?? 100) && !enough(); read++) {
    const url = queue.shift()!;
    let page: FetchedResource;
    try {
      page = url === start && options.firstPage ? options.firstPage : await ctx.client.get(url, ctx.signal);
    } catch (err) {
      if (isCancel(err)) throw err;
      summary.listingFailures.push(failure(url, err));
      continue;
    }
    const html = htmlOf(page);
    if (!html) continue;
    const $ = load(html);
    for (const link of findReportLinks($, page.finalUrl)) if (!links.has(link.url)) links.set(link.url, link);
    for (const next of findPageLinks($, page.finalUrl)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
    ctx.onEvent?.({ type: 'listing', url, pages: read + 1, found: links.size });
  }
  return wanted(links, options);
}

function wanted(links: Map<string, ReportLink>, options: CrawlOptions): ReportLink[] {
  const kept = [...links.values()].filter((l) => options.since === undefined || l.year >= options.since);
  return options.max === undefined ? kept : kept.slice(0, options.max);
}

/**
 * Crawls a site's annual-report listing: every page of it, then each report link (page and
 * attachment) into the store. Requests go through the context's polite client; a cancelled
 * signal stops between requests and the summary says so.
 */
export async function crawlListing(
  start: string,
  ctx: LinkContext & { onEvent?: (e: CrawlEvent) => void },
  options: CrawlOptions = {},
): Promise<CrawlSummary> {
  const summary: CrawlSummary = { found: [], results: [], listingFailures: [], cancelled: false };
  try {
    summary.found = await collectLinks(start, ctx, options, summary);
    for (const [i, link] of summary.found.entries()) {
      if (ctx.signal?.aborted) throw new FetchError('FETCH_CANCELLED', link.url, '已取消');
      let result: LinkOutcome;
      try {
        result = await ingestResource(await ctx.client.get(link.url, ctx.signal), ctx);
      } catch (err) {
        if (isCancel(err)) throw err;
        result = failure(link.url, err);
      }
      summary.results.push(result);
      ctx.onEvent?.({ type: 'report', done: i + 1, total: summary.found.length, result });
    }
  } catch (err) {
    if (!isCancel(err)) throw err;
    summary.cancelled = true;
  }
  return summary;
}

/** Counts for the summary line. */
export function countOutcomes(
  summary: CrawlSummary,
): Record<'added' | 'updated' | 'unchanged' | 'failed', number> {
  const count = { added: 0, updated: 0, unchanged: 0, failed: summary.listingFailures.length };
  for (const r of summary.results) {
    if (r.ok) count[r.outcome]++;
    else count.failed++;
  }
  return count;
}
