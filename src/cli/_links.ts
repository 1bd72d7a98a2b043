import { ingestLink, type LinkOutcome } from '../crawl/index.ts';
import { createFetcher, createPoliteClient, parseFetchSettings } from '../fetch/index.ts';
import { limitsFromEnv } from '../ingest/index.ts';
import type { AddOutcome } from '../pipeline/index.ts';
import type { Store } from '../store/index.ts';

/** A command-line argument that is a URL rather than a path (any scheme; only http/https are fetched). */
export function isUrlArgument(arg: string): boolean {
  return /^[a-z][a-z\d+.-]*:\/\//i.test(arg);
}

/**
 * Downloads and ingests links a person named (no robots.txt: one page asked for by a person is
 * not a crawl), one request at a time. A listing page is reported with a pointer to `cli crawl`.
 */
export async function ingestUrls(urls: readonly string[], store: Store): Promise<AddOutcome[]> {
  if (urls.length === 0) return [];
  const fetcher = createFetcher(parseFetchSettings(process.env));
  const client = createPoliteClient(fetcher, { robots: false });
  const limits = limitsFromEnv();
  const results: LinkOutcome[] = [];
  try {
    for (const url of urls) {
      const result = await ingestLink(url, { client, store, limits });
      if (result.kind === 'report') results.push({ ...result.outcome, file: url });
      else {
        results.push({
          url,
          file: url,
          ok: false,
          code: 'LISTING_PAGE',
          message: `${url} 是年报列表页（找到 ${result.links.length} 个年报链接），不是一份年报；请用 cli crawl ${url} 抓取其中的年报`,
        });
      }
    }
  } finally {
    await fetcher.close();
  }
  return results;
}
