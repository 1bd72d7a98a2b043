/** The guarded fetcher against a real HTTP server on 127.0.0.1. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockedRange,
  createFetcher,
  createPoliteClient,
  FetchError,
  type Fetcher,
  parseFetchSettings,
  parsePrivateAllowance,
} from '../../src/fetch/index.ts';
import { privateLookup, startServer, type TestServer } from '../crawl/_site.ts';

let server: TestServer;
let open: Fetcher;
let guarded: Fetcher;

beforeAll(async () => {
  server = await startServer();
  const r = server.routes;
  r.set('/ok.htm', { headers: { 'content-type': 'text/html; Charset="GB2312"' }, body: '<html>ok</html>' });
  r.set('/missing', { status: 404 });
  r.set('/broken', { status: 503 });
  r.set('/slow', { delayMs: 5000, body: 'late' });
  r.set('/declared-big', { headers: { 'content-length': String(5 * 1024 * 1024) }, body: '' });
  r.set('/streamed-big', { streamBytes: 3 * 1024 * 1024 });
  for (let i = 0; i < 7; i++) r.set(`/hop${i}`, { status: 302, headers: { location: `/hop${i + 1}` } });
  r.set('/hop7', { body: 'arrived' });
  r.set('/to-intranet', { status: 301, headers: { location: `http://intranet.test:${server.port}/ok.htm` } });
  r.set('/to-loopback', { status: 301, headers: { location: `http://127.0.0.2:${server.port}/ok.htm` } });
  r.set('/to-ftp', { status: 302, headers: { location: 'ftp://example.org/report.pdf' } });
  r.set('/cookie', { status: 302, headers: { location: '/ok.htm', 'set-cookie': 'sid=1; Path=/' } });
  const tight = { maxBytes: 1024 * 1024, timeoutMs: 2000, delayMs: 0 };
  open = createFetcher({ ...tight, allowPrivate: ['127.0.0.1'], lookup: privateLookup });
  guarded = createFetcher(tight);
});

afterAll(async () => {
  await open.close();
  await guarded.close();
  await server.close();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof FetchError ? e.code : `not a FetchError: ${String(e)}`),
  );

describe('createFetcher', () => {
  it('downloads a page and reports its media type and charset', async () => {
    const res = await open.fetch(`${server.origin}/ok.htm`);
    expect(res).toMatchObject({ status: 200, mediaType: 'text/html', charset: 'gb2312' });
    expect(new TextDecoder().decode(res.bytes)).toBe('<html>ok</html>');
  });

  it.each([
    ['ftp://example.org/report.pdf', 'FETCH_BAD_SCHEME'],
    ['file:///etc/passwd', 'FETCH_BAD_SCHEME'],
    ['javascript:alert(1)', 'FETCH_BAD_SCHEME'],
    ['not a url', 'FETCH_BAD_URL'],
    ['/missing', 'FETCH_HTTP_404'],
    ['/broken', 'FETCH_HTTP_503'],
    ['/slow', 'FETCH_TIMEOUT'],
    ['/declared-big', 'FETCH_TOO_LARGE'],
    ['/streamed-big', 'FETCH_TOO_LARGE'],
    ['/hop2', 'ok'], // five redirects
    ['/hop1', 'FETCH_TOO_MANY_REDIRECTS'], // six
    ['/to-intranet', 'FETCH_BLOCKED_ADDRESS'],
    ['/to-loopback', 'FETCH_BLOCKED_ADDRESS'],
    ['/to-ftp', 'FETCH_BAD_SCHEME'],
  ])('%s → %s', async (path, code) => {
    const url = path.startsWith('/') ? `${server.origin}${path}` : path;
    expect(await codeOf(open.fetch(url))).toBe(code);
  });

  it('names the URL in every error', async () => {
    const err = await open.fetch(`${server.origin}/missing`).catch((e: FetchError) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).url).toBe(`${server.origin}/missing`);
    expect((err as FetchError).message).toContain(`${server.origin}/missing`);
  });

  it('refuses loopback, private and link-local hosts by default, before any byte is sent', async () => {
    const before = server.hits.length;
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '169.254.169.254', '10.0.0.1', '192.168.1.1']) {
      expect(await codeOf(guarded.fetch(`http://${host}:${server.port}/ok.htm`))).toBe(
        'FETCH_BLOCKED_ADDRESS',
      );
    }
    expect(server.hits.length).toBe(before);
  });

  it('keeps no cookies across redirects', async () => {
    await open.fetch(`${server.origin}/cookie`);
    await open.fetch(`${server.origin}/ok.htm`);
    expect(server.hits.filter((h) => h.cookie)).toEqual([]);
  });
});

describe('address policy and settings', () => {
  it.each([
    ['8.8.8.8', false, undefined],
    ['127.0.0.1', false, 'loopback'],
    ['10.1.2.3', false, 'private'],
    ['172.16.0.1', false, 'private'],
    ['192.168.0.1', false, 'private'],
    ['169.254.169.254', false, 'linkLocal'],
    ['100.64.0.1', false, 'carrierGradeNat'],
    ['0.0.0.0', false, 'unspecified'],
    ['::1', false, 'loopback'],
    ['fe80::1', false, 'linkLocal'],
    ['fd00::1', false, 'uniqueLocal'],
    ['::ffff:10.0.0.1', false, 'private'],
    ['127.0.0.1', true, undefined],
    ['127.0.0.1', ['127.0.0.1'], undefined],
    ['127.0.0.2', ['127.0.0.1'], 'loopback'],
    ['10.9.9.9', ['10.0.0.0/8'], undefined],
  ] as const)('%s with %j → %s', (address, allow, range) => {
    expect(blockedRange(address, allow)).toBe(range);
  });

  it('reads the environment, naming a bad variable', () => {
    expect(
      parseFetchSettings({ FETCH_MAX_MB: '5', FETCH_DELAY_MS: '0', ALLOW_PRIVATE_FETCH: '1' }),
    ).toMatchObject({
      maxBytes: 5 * 1024 * 1024,
      delayMs: 0,
      allowPrivate: true,
    });
    expect(parseFetchSettings({})).toMatchObject({
      maxBytes: 20 * 1024 * 1024,
      delayMs: 1000,
      allowPrivate: false,
    });
    expect(() => parseFetchSettings({ FETCH_MAX_MB: 'lots' })).toThrow(/FETCH_MAX_MB/);
    expect(parsePrivateAllowance('127.0.0.1, 10.0.0.0/8')).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(() => parsePrivateAllowance('intranet')).toThrow(/ALLOW_PRIVATE_FETCH/);
  });
});

describe('createPoliteClient', () => {
  it('sends one request at a time per host, with the pause between them', async () => {
    server.routes.set('/a', { delayMs: 50, body: 'a' });
    const client = createPoliteClient(open, { delayMs: 200, robots: false });
    const from = server.hits.length;
    await Promise.all(['/a', '/a', '/a'].map((p) => client.get(`${server.origin}${p}`)));
    const hits = server.hits.slice(from);
    expect(hits).toHaveLength(3);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i]!.start - hits[i - 1]!.end).toBeGreaterThanOrEqual(190);
  });

  it('treats a missing robots.txt as no rules and a failing one as keep out', async () => {
    const client = createPoliteClient(open, { delayMs: 0 });
    expect(await codeOf(client.get(`${server.origin}/ok.htm`))).toBe('ok');
    server.routes.set('/robots.txt', { status: 500 });
    const other = createPoliteClient(open, { delayMs: 0 });
    expect(await codeOf(other.get(`${server.origin}/ok.htm`))).toBe('ROBOTS_UNREACHABLE');
    server.routes.delete('/robots.txt');
  });
});

describe('createPoliteClient on bad links', () => {
  it.each([
    ['node:internal/x', 'FETCH_BAD_SCHEME'],
    ['ftp://example.org/a.pdf', 'FETCH_BAD_SCHEME'],
    ['no url at all', 'FETCH_BAD_URL'],
  ])('%s → %s before robots.txt is asked', async (url, code) => {
    const before = server.hits.length;
    expect(await codeOf(createPoliteClient(open).get(url))).toBe(code);
    expect(server.hits.length).toBe(before);
  });
});
