import robotsParserModule from 'robots-parser';
import { FetchError } from './fetch-error.ts';
import type { Fetcher } from './fetch-url.ts';
import type { HostGate } from './host-gate.ts';

/** robots.txt files are read up to this size (RFC 9309 asks crawlers to parse at least 500 KiB). */
const ROBOTS_MAX_BYTES = 512 * 1024;

// the package is CommonJS (`module.exports = fn`) but its types declare an ES default export
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

const PASSED_THROUGH = new Set([
  'FETCH_CANCELLED',
  'FETCH_BLOCKED_ADDRESS',
  'FETCH_BAD_SCHEME',
  'FETCH_BAD_URL',
  'FETCH_DNS',
]);

type Rules = ReturnType<typeof robotsParser> | 'allow-all';

/** robots.txt per origin, fetched once through the same gate as every other request. */
export interface RobotsCache {
  /** Throws ROBOTS_DISALLOWED (or ROBOTS_UNREACHABLE) when this crawler may not fetch `url`. */
  check(url: string, signal?: AbortSignal): Promise<void>;
}

/**
 * RFC 9309: a 4xx robots.txt means no rules; a server or network error means the whole site is
 * off limits for now. Crawl-delay raises the host's pause.
 */
export function createRobotsCache(fetcher: Fetcher, gate: HostGate): RobotsCache {
  const rules = new Map<string, Promise<Rules>>();
  async function load(origin: string, signal?: AbortSignal): Promise<Rules> {
    const robotsUrl = `${origin}/robots.txt`;
    try {
      const res = await gate.run(
        robotsUrl,
        () => fetcher.fetch(robotsUrl, { signal, maxBytes: ROBOTS_MAX_BYTES }),
        signal,
      );
      const parsed = robotsParser(res.finalUrl, new TextDecoder().decode(res.bytes));
      const delay = parsed.getCrawlDelay(fetcher.userAgent);
      if (delay) gate.setDelay(new URL(origin).host, Math.min(delay, 60) * 1000);
      return parsed;
    } catch (err) {
      const code = err instanceof FetchError ? err.code : undefined;
      if (code && /^FETCH_HTTP_4\d\d$/.test(code)) return 'allow-all';
      // a refused, unknown or cancelled host says more than "robots.txt unreachable"
      if (code && PASSED_THROUGH.has(code)) throw err;
      throw new FetchError(
        'ROBOTS_UNREACHABLE',
        robotsUrl,
        `无法读取 ${robotsUrl}（${code ?? String(err)}），按 robots.txt 规范暂不抓取该网站`,
        { cause: err },
      );
    }
  }
  return {
    async check(url, signal) {
      const { origin } = new URL(url);
      let entry = rules.get(origin);
      if (!entry) {
        entry = load(origin, signal);
        rules.set(origin, entry);
      }
      const robots = await entry;
      if (robots !== 'allow-all' && robots.isDisallowed(url, fetcher.userAgent)) {
        throw new FetchError('ROBOTS_DISALLOWED', url, `${url} 被该网站的 robots.txt 禁止抓取，已跳过`);
      }
    },
  };
}
