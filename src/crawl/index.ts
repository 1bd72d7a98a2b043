export {
  type CrawlEvent,
  type CrawlOptions,
  type CrawlSummary,
  countOutcomes,
  crawlListing,
} from './crawl-listing.ts';
export {
  ingestLink,
  ingestResource,
  type LinkContext,
  type LinkOutcome,
  type LinkResult,
} from './ingest-link.ts';
export { findAttachments, findPageLinks, findReportLinks, type ReportLink, yearOf } from './links.ts';
