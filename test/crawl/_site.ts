/**
 * A government website in miniature on 127.0.0.1, built from the bundled seed reports: a paged
 * annual-report listing (createPageHTML and 下一页 paging, one page in GBK), report pages in UTF-8
 * and GBK (charset by header or by <meta>), a page whose full text is a PDF attachment, a
 * redirect, a 404, a slow page, an oversized file, a robots.txt forbidding /private/, and a link
 * to a host that resolves to a private address.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import iconv from 'iconv-lite';
import { parseFile } from '../../src/pipeline/index.ts';
import { FIXTURES_DIR, readSeed, seedFiles } from '../helpers.ts';

export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  /** Waits this long before answering. */
  delayMs?: number;
  /** Streams this many bytes (chunked, no Content-Length) instead of `body`. */
  streamBytes?: number;
}

export interface Hit {
  path: string;
  userAgent: string | undefined;
  cookie: string | undefined;
  start: number;
  end: number;
}

export interface TestServer {
  origin: string;
  port: number;
  routes: Map<string, Route>;
  hits: Hit[];
  close(): Promise<void>;
}

/** A plain HTTP server on 127.0.0.1 answering from a route table (unknown paths: 404). */
export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Route>();
  const hits: Hit[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const hit: Hit = {
      path: req.url ?? '/',
      userAgent: req.headers['user-agent'],
      cookie: req.headers.cookie,
      start: Date.now(),
      end: 0,
    };
    hits.push(hit);
    res.on('close', () => {
      hit.end = Date.now();
    });
    const route = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
    const answer = () => {
      if (!route) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>404</h1>');
      if (route.streamBytes !== undefined) {
        res.writeHead(route.status ?? 200, route.headers);
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        chunk.write('%PDF-1.4\n');
        let sent = 0;
        const pump = () => {
          while (sent < route.streamBytes! && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      res.writeHead(route.status ?? 200, route.headers).end(route.body ?? '');
    };
    if (route?.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    routes,
    hits,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A report's text as a CMS article page: tab-separated lines become table rows, other lines paragraphs. */
export function renderReportPage(text: string, title: string, meta?: string): string {
  const body: string[] = [];
  let table: string[] = [];
  const flush = () => {
    if (table.length) body.push(`<table border="1">${table.join('')}</table>`);
    table = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      table.push(
        `<tr>${line
          .split('\t')
          .map((c) => `<td>${escapeText(c)}</td>`)
          .join('')}</tr>`,
      );
      continue;
    }
    flush();
    if (line.trim()) body.push(`<p>${escapeText(line)}</p>`);
  }
  flush();
  return [
    '<!DOCTYPE html><html><head>',
    meta ? `<meta http-equiv="Content-Type" content="text/html; charset=${meta}">` : '',
    `<title>${escapeText(title)}</title></head><body>`,
    '<div class="nav"><a href="/">首页</a> <a href="/xxgk/">信息公开</a></div>',
    `<div class="content"><h1>${escapeText(title)}</h1>${body.join('\n')}</div>`,
    '</body></html>',
  ].join('\n');
}

function listingPage(links: { href: string; text: string }[], extra: string, meta = 'utf-8'): string {
  const items = links.map(
    (l) =>
      `<li><a href="${l.href}" title="${escapeText(l.text)}">${escapeText(l.text)}</a><span>2025-01-15</span></li>`,
  );
  return [
    `<!DOCTYPE html><html><head><meta charset="${meta}"><title>政府信息公开年报</title></head><body>`,
    '<div class="nav"><a href="/">首页</a> <a href="/xxgk/zcwj/">政策文件</a> <a href="/xxgk/tzgg/2024年度工作通知.htm">2024年度工作通知</a></div>',
    `<ul class="list">${items.join('\n')}</ul>`,
    extra,
    '</body></html>',
  ].join('\n');
}

/** One report the site serves where the crawler may fetch it, and what ingesting those same bytes gives. */
export interface ServedReport {
  url: string;
  id: string;
  title: string;
}

export interface ReportSite {
  server: TestServer;
  listing: string;
  allowed: ServedReport[];
  forbidden: ServedReport;
  /** Link → the failure code the crawler must report for it. */
  failures: Record<string, string>;
  /** The host that resolves to a private address (see `privateLookup`). */
  intranetHost: string;
}

/** Test DNS: `intranet.test` resolves to a private address; everything else as usual. */
export const privateLookup = (
  hostname: string,
  options: { all?: boolean },
  callback: (
    err: NodeJS.ErrnoException | null,
    address: string | { address: string; family: number }[],
    family?: number,
  ) => void,
) => {
  const addresses = [{ address: hostname === 'intranet.test' ? '10.20.30.40' : '127.0.0.1', family: 4 }];
  if (options.all) callback(null, addresses);
  else callback(null, addresses[0]!.address, 4);
};

const MB = 1024 * 1024;

/** Builds and starts the site. Reports are those seed pages that ingest on their own (so the crawl is what is tested). */
export async function startReportSite(): Promise<ReportSite> {
  const server = await startServer();
  const { origin, routes } = server;
  const base = '/xxgk/zfxxgknb';
  const usable: { text: string; title: string; id: string }[] = [];
  for (const file of seedFiles()) {
    if (usable.length === 4) break;
    const text = readSeed(file);
    const parsed = await parseFile({
      file: basename(file),
      bytes: new TextEncoder().encode(renderReportPage(text, 'x', 'utf-8')),
    });
    if (!parsed.ok || usable.some((u) => u.id === parsed.report.id)) continue;
    const title = `${parsed.report.agency}${parsed.report.year}年政府信息公开工作年度报告`;
    usable.push({ text, title, id: parsed.report.id });
  }
  if (usable.length < 4)
    throw new Error(`site needs 4 seed reports that ingest as HTML, found ${usable.length}`);
  const [utf8, gbkHeader, gbkMeta, forbidden] = usable as [
    (typeof usable)[0],
    (typeof usable)[0],
    (typeof usable)[0],
    (typeof usable)[0],
  ];
  const html = (charset = 'utf-8') => ({ 'content-type': `text/html; charset=${charset}` });

  routes.set('/robots.txt', {
    body: 'User-agent: *\nDisallow: /private/\n',
    headers: { 'content-type': 'text/plain' },
  });
  // UTF-8 page, charset in <meta>
  routes.set(`${base}/202401/t20240115_1001.htm`, {
    headers: html(),
    body: renderReportPage(utf8.text, utf8.title, 'utf-8'),
  });
  // GBK page, charset only in the HTTP header
  routes.set(`${base}/202401/t20240116_1002.htm`, {
    headers: html('GBK'),
    body: iconv.encode(renderReportPage(gbkHeader.text, gbkHeader.title), 'gbk'),
  });
  // GBK page behind a redirect, charset only in <meta>
  routes.set('/old/report-1003.htm', {
    status: 301,
    headers: { location: `${base}/202401/t20240117_1003.htm`, 'set-cookie': 'sid=abc; Path=/' },
  });
  routes.set(`${base}/202401/t20240117_1003.htm`, {
    headers: { 'content-type': 'text/html' },
    body: iconv.encode(renderReportPage(gbkMeta.text, gbkMeta.title, 'gb2312'), 'gbk'),
  });
  // a short notice page whose full text is a PDF attachment
  const pdf = new Uint8Array(readFileSync(join(FIXTURES_DIR, 'pdf', 'hongzequ_2024.pdf')));
  const pdfParsed = await parseFile({ file: 'hongzequ_2024.pdf', bytes: pdf });
  if (!pdfParsed.ok) throw new Error('the PDF fixture no longer parses');
  const pdfTitle = `${pdfParsed.report.agency}${pdfParsed.report.year}年政府信息公开工作年度报告`;
  routes.set(`${base}/202402/t20240201_1004.htm`, {
    headers: html(),
    body: `<html><head><meta charset="utf-8"><title>${pdfTitle}</title></head><body><h1>${pdfTitle}</h1><p>现将本年度报告全文发布如下。</p><p>附件：<a href="/uploadfiles/202402/P020240201.pdf">${pdfTitle}.pdf</a></p></body></html>`,
  });
  routes.set('/uploadfiles/202402/P020240201.pdf', {
    headers: { 'content-type': 'application/octet-stream' },
    body: pdf,
  });
  // forbidden by robots.txt (a fine report otherwise)
  routes.set('/private/t20240301_1005.htm', {
    headers: html(),
    body: renderReportPage(forbidden.text, forbidden.title, 'utf-8'),
  });
  // slow, oversized (streamed without Content-Length)
  routes.set('/slow/t20240302_1006.htm', { delayMs: 6000, headers: html(), body: '<html></html>' });
  routes.set('/uploadfiles/big.pdf', { headers: { 'content-type': 'application/pdf' }, streamBytes: 3 * MB });

  const intranetHost = 'intranet.test';
  const links = {
    utf8: `${origin}${base}/202401/t20240115_1001.htm`,
    gbkHeader: `${origin}${base}/202401/t20240116_1002.htm`,
    redirect: `${origin}/old/report-1003.htm`,
    pdf: `${origin}${base}/202402/t20240201_1004.htm`,
    forbidden: `${origin}/private/t20240301_1005.htm`,
    missing: `${origin}${base}/202301/t20230101_404.htm`,
    slow: `${origin}/slow/t20240302_1006.htm`,
    big: `${origin}/uploadfiles/big.pdf`,
    intranet: `http://${intranetHost}:${server.port}/t20240303_1007.htm`,
  };
  const name = (n: number) => `某单位${2000 + n}年政府信息公开工作年度报告`;
  // page 1 (index.html): createPageHTML paging and a 下一页 link
  routes.set(`${base}/index.html`, {
    headers: html(),
    body: listingPage(
      [
        { href: './202401/t20240115_1001.htm', text: utf8.title },
        { href: `${base}/202401/t20240116_1002.htm`, text: gbkHeader.title },
        { href: '/old/report-1003.htm', text: gbkMeta.title },
      ],
      '<div class="page"><a href="index_1.html">下一页</a><script>var countPage = 3; createPageHTML(countPage, 0, "index", "html");</script></div>',
    ),
  });
  // page 2: the rest, in GBK
  routes.set(`${base}/index_1.html`, {
    headers: { 'content-type': 'text/html' },
    body: iconv.encode(
      listingPage(
        [
          { href: './202402/t20240201_1004.htm', text: pdfTitle },
          { href: links.forbidden, text: forbidden.title },
          { href: links.missing, text: name(23) },
          { href: links.slow, text: name(22) },
        ],
        '<div class="page"><a href="index.html">上一页</a> <a href="index_2.html">下一页</a></div>',
        'gbk',
      ),
      'gbk',
    ),
  });
  // page 3: older reports, numbered paging back to page 1
  routes.set(`${base}/index_2.html`, {
    headers: html(),
    body: listingPage(
      [
        { href: links.big, text: name(21) },
        { href: links.intranet, text: name(20) },
      ],
      '<div class="page"><a href="index.html">1</a> <a href="index_1.html">2</a></div>',
    ),
  });
  return {
    server,
    listing: `${origin}${base}/index.html`,
    allowed: [
      { url: links.utf8, id: utf8.id, title: utf8.title },
      { url: links.gbkHeader, id: gbkHeader.id, title: gbkHeader.title },
      { url: links.redirect, id: gbkMeta.id, title: gbkMeta.title },
      { url: links.pdf, id: pdfParsed.report.id, title: pdfTitle },
    ],
    forbidden: { url: links.forbidden, id: forbidden.id, title: forbidden.title },
    failures: {
      [links.forbidden]: 'ROBOTS_DISALLOWED',
      [links.missing]: 'FETCH_HTTP_404',
      [links.slow]: 'FETCH_TIMEOUT',
      [links.big]: 'FETCH_TOO_LARGE',
      [links.intranet]: 'FETCH_BLOCKED_ADDRESS',
    },
    intranetHost,
  };
}
