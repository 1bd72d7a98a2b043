import { FetchError } from './fetch-error.ts';
import { checkScheme, type FetchedResource, type Fetcher } from './fetch-url.ts';
import { createHostGate } from './host-gate.ts';
import { createRobotsCache } from './robots.ts';

/** Fetches like a well-behaved crawler: robots.txt first, one request at a time per host, a pause between. */
export interface PoliteClient {
  get(url: string, signal?: AbortSignal): Promise<FetchedResource>;
}

export interface PoliteOptions {
  /** Pause between two requests to one host, ms (default: the fetcher's `delayMs`). */
  delayMs?: number;
  /** Honour robots.txt (default true); a user's own single link need not ask. */
  robots?: boolean;
}

export function createPoliteClient(fetcher: Fetcher, options: PoliteOptions = {}): PoliteClient {
  const gate = createHostGate(options.delayMs ?? fetcher.settings.delayMs);
  const robots = options.robots === false ? undefined : createRobotsCache(fetcher, gate);
  return {
    async get(url, signal) {
      try {
        checkScheme(url);
        await robots?.check(url, signal).catch((err: unknown) => {
          // name the page asked for, not only its site's robots.txt
          if (err instanceof FetchError && err.url !== url) {
            throw new FetchError(err.code, url, `${url}：${err.message}`, { cause: err });
          }
          throw err;
        });
        return await gate.run(url, () => fetcher.fetch(url, { signal }), signal);
      } catch (err) {
        if (err instanceof FetchError) throw err;
        if (signal?.aborted)
          throw new FetchError('FETCH_CANCELLED', url, `${url} 的下载已取消`, { cause: err });
        if (err instanceof TypeError) throw new FetchError('FETCH_BAD_URL', url, `“${url}” 不是有效的网址`);
        throw err;
      }
    },
  };
}
