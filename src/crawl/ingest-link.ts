import { createHash } from 'node:crypto';
import { load } from 'cheerio';
import { FetchError, type FetchedResource, type PoliteClient } from '../fetch/index.ts';
import type { IngestLimits } from '../ingest/index.ts';
import {
  type AddOutcome,
  addReports,
  type ParsedFile,
  parseInWorker,
  type ReportFile,
} from '../pipeline/index.ts';
import type { Store } from '../store/index.ts';
import { bytesForIngest, fileNameOf, htmlOf } from './_page.ts';
import { findAttachments, findReportLinks, type ReportLink } from './links.ts';

/** Attachments tried per report page; a report has one full text, rarely a second format. */
const MAX_ATTACHMENTS = 3;

/** What became of one link: the pipeline's outcome, with the URL. */
export type LinkOutcome = AddOutcome & { url: string };

export interface LinkContext {
  client: PoliteClient;
  store: Store;
  signal?: AbortSignal;
  /** Limits on each downloaded file's parsing (default DEFAULT_LIMITS; the apps pass theirs). */
  limits?: IngestLimits;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function failure(url: string, err: unknown): LinkOutcome {
  if (err instanceof FetchError) return { url, file: url, ok: false, code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  // a coded error from below (a store write, say) keeps its code
  const code = (err as { code?: unknown } | undefined)?.code;
  return {
    url,
    file: url,
    ok: false,
    code: typeof code === 'string' ? code : 'LINK_FAILED',
    message: `${url}：${message}`,
  };
}

/** The stored record downloaded from `url` whose file has one of these hashes (resuming a crawl). */
async function findHeld(store: Store, url: string, hashes: readonly string[]) {
  const row = store.catalogue().find((r) => r.url === url && hashes.includes(r.sha256));
  return row ? (await store.find({ ids: [row.id] }))[0] : undefined;
}

/** Cells a parsed report holds; the candidate with most holds the tables. */
const cellCount = (p: ParsedFile) =>
  p.ok ? Object.values(p.report.values).filter((v) => v !== null).length : -1;

/**
 * Ingests a downloaded report page: the page itself and any attachment it links (附件 PDF/DOCX),
 * keeping whichever holds the most table cells; the record cites `url`. A page and file already
 * held from this URL (same content hash) are not parsed again.
 */
export async function ingestResource(page: FetchedResource, ctx: LinkContext): Promise<LinkOutcome> {
  const { url } = page;
  const candidates: ReportFile[] = [{ file: fileNameOf(page.finalUrl), bytes: bytesForIngest(page), url }];
  const html = htmlOf(page);
  const attachmentErrors: LinkOutcome[] = [];
  if (html) {
    for (const link of findAttachments(load(html), page.finalUrl).slice(0, MAX_ATTACHMENTS)) {
      try {
        const res = await ctx.client.get(link, ctx.signal);
        candidates.push({ file: fileNameOf(res.finalUrl), bytes: bytesForIngest(res), url });
      } catch (err) {
        if (err instanceof FetchError && err.code === 'FETCH_CANCELLED') throw err;
        attachmentErrors.push(failure(link, err));
      }
    }
  }
  const held = await findHeld(
    ctx.store,
    url,
    candidates.map((c) => sha256(c.bytes)),
  );
  if (held) return { url, file: held.report.source.file, ok: true, outcome: 'unchanged', ...held };
  if (candidates.length === 1 && attachmentErrors.length === 0) {
    const [only] = await addReports(ctx.store, candidates, { limits: ctx.limits, signal: ctx.signal });
    return { url, ...only! };
  }
  const parsed: ParsedFile[] = [];
  for (const c of candidates) parsed.push(await parseInWorker(c, ctx.limits, ctx.signal));
  let best = 0;
  parsed.forEach((p, i) => {
    if (cellCount(p) > cellCount(parsed[best]!)) best = i;
  });
  const chosen = parsed[best]!;
  if (!chosen.ok) {
    const notes = [...parsed.slice(1), ...attachmentErrors].map((p) =>
      p.ok ? '' : `；附件 ${p.file}：[${p.code}]`,
    );
    return { url, ...chosen, message: `${url}：${chosen.message}${notes.join('')}` };
  }
  const [result] = await addReports(ctx.store, [candidates[best]!], {
    limits: ctx.limits,
    signal: ctx.signal,
  });
  return { url, ...result! };
}

/** A link is a report page, or a listing of reports (to crawl), or a failure. */
export type LinkResult =
  | { kind: 'report'; outcome: LinkOutcome }
  | { kind: 'listing'; page: FetchedResource; links: ReportLink[] };

/**
 * Downloads one link a person gave and ingests it; a page that is not itself a report but
 * lists annual reports comes back as a listing for the caller to crawl.
 */
export async function ingestLink(url: string, ctx: LinkContext): Promise<LinkResult> {
  let page: FetchedResource;
  try {
    page = await ctx.client.get(url, ctx.signal);
  } catch (err) {
    return { kind: 'report', outcome: failure(url, err) };
  }
  const html = htmlOf(page);
  const self = new Set([page.url, page.finalUrl]);
  const links = html ? findReportLinks(html, page.finalUrl).filter((l) => !self.has(l.url)) : [];
  // a page listing several reports is a listing unless it reads as a report itself (attachments aside)
  if (
    links.length > 1 &&
    !(
      await parseInWorker(
        { file: fileNameOf(page.finalUrl), bytes: bytesForIngest(page) },
        ctx.limits,
        ctx.signal,
      )
    ).ok
  ) {
    return { kind: 'listing', page, links };
  }
  const outcome = await ingestResource(page, ctx).catch((err: unknown) => failure(url, err));
  if (!outcome.ok && links.length > 0) return { kind: 'listing', page, links };
  return { kind: 'report', outcome };
}
