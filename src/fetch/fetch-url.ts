import { Agent, fetch as undiciFetch } from 'undici';
import { blockedRange, literalAddress } from './address-policy.ts';
import { FetchError, findErrorCode, findFetchError } from './fetch-error.ts';
import { createGuardedLookup, type LookupFunction } from './guarded-lookup.ts';
import { DEFAULT_FETCH_SETTINGS, type FetchSettings, USER_AGENT } from './settings.ts';

/** What a download gave: the body and what the server said about it (never trusted for the format). */
export interface FetchedResource {
  /** The URL asked for. */
  url: string;
  /** Where the body came from, after redirects. */
  finalUrl: string;
  status: number;
  /** Content-Type's media type, lower-case, if any. */
  mediaType: string | undefined;
  /** Content-Type's charset parameter, lower-case, if any. */
  charset: string | undefined;
  bytes: Uint8Array;
}

export interface FetcherOptions extends Partial<FetchSettings> {
  userAgent?: string;
  /** Redirects followed before FETCH_TOO_MANY_REDIRECTS (default 5). */
  maxRedirects?: number;
  /** Test hook: resolves host names in place of the system resolver (still guarded). */
  lookup?: LookupFunction;
}

export interface FetchCall {
  signal?: AbortSignal;
  /** Overrides the size cap for this call (robots.txt is read with a small one). */
  maxBytes?: number;
}

/** One connection pool with the guards built in; `close()` it when done. */
export interface Fetcher {
  readonly settings: Readonly<FetchSettings>;
  readonly userAgent: string;
  fetch(url: string, call?: FetchCall): Promise<FetchedResource>;
  close(): Promise<void>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Parses a URL and accepts http and https only (FETCH_BAD_URL, FETCH_BAD_SCHEME). */
export function checkScheme(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('FETCH_BAD_URL', raw, `“${raw}” 不是有效的网址`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'FETCH_BAD_SCHEME',
      raw,
      `${raw}：只支持 http 和 https 网址（不支持 ${url.protocol}）`,
    );
  }
  return url;
}

/** Checks a URL before any byte is sent: scheme, and a literal IP host against the address policy. */
function checkUrl(raw: string, settings: FetchSettings): URL {
  const url = checkScheme(raw);
  const literal = literalAddress(url.hostname);
  const range = literal ? blockedRange(literal, settings.allowPrivate) : undefined;
  if (range) {
    throw new FetchError(
      'FETCH_BLOCKED_ADDRESS',
      raw,
      `${raw} 指向非公网地址 ${literal}（${range}），拒绝访问`,
    );
  }
  return url;
}

function parseContentType(header: string | null): { mediaType?: string; charset?: string } {
  if (!header) return {};
  const [type, ...params] = header.split(';');
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(p)?.[1])
    .find(Boolean)
    ?.toLowerCase();
  return { mediaType: type?.trim().toLowerCase() || undefined, charset };
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  url: string,
  max: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > max) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError('FETCH_TOO_LARGE', url, `${url} 大于 ${mb(max)}（FETCH_MAX_MB），已停止下载`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Turns whatever undici threw into a coded FetchError naming the URL. */
function classify(err: unknown, url: string, deadline: AbortSignal, caller?: AbortSignal): FetchError {
  const own = findFetchError(err);
  if (own) {
    return own.url === url ? own : new FetchError(own.code, url, `${url}：${own.message}`, { cause: err });
  }
  if (caller?.aborted) return new FetchError('FETCH_CANCELLED', url, `${url} 的下载已取消`, { cause: err });
  const code = findErrorCode(err);
  if (deadline.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new FetchError('FETCH_TIMEOUT', url, `${url} 响应超时（FETCH_TIMEOUT_MS）`, { cause: err });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new FetchError('FETCH_TIMEOUT', url, `${url} 连接超时（FETCH_CONNECT_TIMEOUT_MS）`, {
      cause: err,
    });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new FetchError('FETCH_DNS', url, `${url}：找不到该域名（${code}）`, { cause: err });
  }
  const why = code ?? (err instanceof Error ? err.message : String(err));
  return new FetchError('FETCH_NETWORK', url, `${url} 下载失败（${why}）`, { cause: err });
}

/**
 * A fetcher for untrusted URLs: http/https only, redirects followed by hand (each hop checked
 * again), private/loopback/link-local addresses refused after DNS resolution, size capped
 * while streaming, connect and total timeouts, no cookies.
 */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const { userAgent = USER_AGENT, maxRedirects = 5, lookup, ...rest } = options;
  const settings: FetchSettings = { ...DEFAULT_FETCH_SETTINGS, ...rest };
  const agent = new Agent({
    connect: {
      timeout: settings.connectTimeoutMs,
      lookup: createGuardedLookup(settings.allowPrivate, lookup),
    },
    headersTimeout: settings.timeoutMs,
    bodyTimeout: settings.timeoutMs,
  });

  async function fetchOnce(start: string, call: FetchCall): Promise<FetchedResource> {
    const deadline = AbortSignal.timeout(settings.timeoutMs);
    const signal = call.signal ? AbortSignal.any([deadline, call.signal]) : deadline;
    const max = call.maxBytes ?? settings.maxBytes;
    let current = start;
    try {
      for (let hop = 0; ; hop++) {
        const url = checkUrl(current, settings);
        const res = await undiciFetch(url, {
          dispatcher: agent,
          redirect: 'manual',
          signal,
          headers: { 'user-agent': userAgent, accept: '*/*' },
        });
        const location = res.headers.get('location');
        if (REDIRECTS.has(res.status) && location) {
          await res.body?.cancel().catch(() => undefined);
          if (hop >= maxRedirects) {
            throw new FetchError('FETCH_TOO_MANY_REDIRECTS', start, `${start} 重定向超过 ${maxRedirects} 次`);
          }
          current = new URL(location, url).href;
          continue;
        }
        if (res.status < 200 || res.status > 299) {
          await res.body?.cancel().catch(() => undefined);
          throw new FetchError(
            `FETCH_HTTP_${res.status}`,
            current,
            `${current} 返回 HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
          );
        }
        const declared = Number(res.headers.get('content-length') ?? Number.NaN);
        if (declared > max) {
          await res.body?.cancel().catch(() => undefined);
          throw new FetchError(
            'FETCH_TOO_LARGE',
            current,
            `${current} 大于 ${mb(max)}（FETCH_MAX_MB），未下载`,
          );
        }
        const bytes = await readCapped(res.body as ReadableStream<Uint8Array> | null, current, max);
        const { mediaType, charset } = parseContentType(res.headers.get('content-type'));
        return { url: start, finalUrl: url.href, status: res.status, mediaType, charset, bytes };
      }
    } catch (err) {
      throw classify(err, current, deadline, call.signal);
    }
  }

  return {
    settings,
    userAgent,
    fetch: (url, call = {}) => fetchOnce(url, call),
    close: () => agent.close(),
  };
}
