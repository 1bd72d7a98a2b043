import { type CheerioAPI, load } from 'cheerio';

/** A link on a listing page that names an annual disclosure report. */
export interface ReportLink {
  url: string;
  /** Link text or title, whichever named the report. */
  text: string;
  /** The report's year, from the text. */
  year: number;
}

/** 政府信息公开工作年度报告, 信息公开年度报告, 政务公开年报 … */
const REPORT_TITLE = /(?:信息|政务)公开.{0,12}?(?:年度?报告|年报|工作报告)/s;
/** Chinese digit → value, for years written 二〇二一. */
const chineseDigit = (c: string) => Math.max(0, '〇一二三四五六七八九'.indexOf(c.replace(/[○零]/, '〇')));
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)|([〇○零一二三四五六七八九]{4})\s*年/;
const ATTACHMENT = /\.(?:pdf|docx?|wps)$/i;
const NEXT_PAGE = /^(?:下一页|下页|后一页|后页|next(?:\s*page)?|›|»|>)$/i;

/** The year a report title names (Arabic or Chinese digits), or undefined. */
export function yearOf(text: string): number | undefined {
  const m = YEAR.exec(text);
  if (!m) return undefined;
  const digits = m[1] ?? [...m[2]!].map(chineseDigit).join('');
  const year = Number(digits);
  return year >= 1990 && year <= 2100 ? year : undefined;
}

const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** An href resolved against the page, http(s) only; undefined for javascript:, mailto:, anchors. */
function resolve(href: string | undefined, base: string): string | undefined {
  if (!href || /^\s*(?:javascript|mailto|tel|data):/i.test(href) || href.trim().startsWith('#'))
    return undefined;
  try {
    const url = new URL(href.trim(), base);
    url.hash = '';
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Links whose text or title names a disclosure annual report with a year, in page order, once each. */
export function findReportLinks(html: string | CheerioAPI, base: string): ReportLink[] {
  const out = new Map<string, ReportLink>();
  for (const $ of withScriptRecords(typeof html === 'string' ? load(html) : html))
    readReportLinks($, base, out);
  return [...out.values()];
}

/**
 * The page, then the list records some CMSs (e.g. Hanweb) ship inside a
 * `<script type="text/xml">` datastore as CDATA, each read as HTML of its own.
 */
function withScriptRecords($: CheerioAPI): CheerioAPI[] {
  const records = $('script')
    .map((_, s) => $(s).text())
    .get()
    .flatMap((text) => [...text.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]!))
    .filter((chunk) => /<a\s/i.test(chunk));
  return records.length > 0 ? [$, load(records.join('\n'))] : [$];
}

function readReportLinks($: CheerioAPI, base: string, out: Map<string, ReportLink>): void {
  $('a[href]').each((_, a) => {
    const url = resolve($(a).attr('href'), base);
    if (!url || out.has(url)) return;
    for (const text of [squash($(a).attr('title')), squash($(a).text())]) {
      const year = REPORT_TITLE.test(text) ? yearOf(text) : undefined;
      if (year) {
        out.set(url, { url, text, year });
        return;
      }
    }
  });
}

/** How likely a file link is the report's full text: named as a report, then 附件/全文/下载, then anything else. */
function attachmentRank(text: string): number {
  if (REPORT_TITLE.test(text) || /年度报告|年报/.test(text)) return 0;
  return /附件|全文|下载|attachment/i.test(text) ? 1 : 2;
}

/**
 * Files a report page offers as its full text (附件 PDF/DOC/DOCX, embedded viewers), those named
 * as the report first (a sidebar's 申请表.doc last), then in page order.
 */
export function findAttachments(html: string | CheerioAPI, base: string): string[] {
  const $ = typeof html === 'string' ? load(html) : html;
  const found = new Map<string, number>();
  const add = (raw: string | undefined, text: string) => {
    const url = resolve(raw, base);
    if (!url || found.has(url)) return;
    const { pathname, searchParams } = new URL(url);
    // pdf.js viewers carry the document in ?file=
    const inner = searchParams.get('file');
    const name = decodeURIComponent(pathname.split('/').pop() ?? '');
    if (ATTACHMENT.test(pathname)) found.set(url, attachmentRank(`${text} ${name}`));
    else if (inner && ATTACHMENT.test(inner.split('?')[0]!)) add(new URL(inner, url).href, text);
  };
  $('a[href]').each((_, el) => {
    const a = $(el);
    // the words just before a link (附件：) count as its text
    add(
      a.attr('href'),
      `${squash(a.attr('title'))} ${squash(a.text())} ${squash(a.parent().text()).slice(0, 80)}`,
    );
  });
  $('iframe[src], embed[src]').each((_, el) => add($(el).attr('src'), '全文'));
  $('object[data]').each((_, el) => add($(el).attr('data'), '全文'));
  return [...found.entries()].sort((a, b) => a[1] - b[1]).map(([url]) => url);
}

/** Numbers (or identifiers set by `var x = n`) passed to a paging script. */
function scriptNumber(arg: string, scripts: string): number | undefined {
  const bare = arg.trim().replace(/^["']|["']$/g, '');
  if (/^\d+$/.test(bare)) return Number(bare);
  if (!/^[A-Za-z_$][\w$]*$/.test(bare)) return undefined;
  const m = new RegExp(`\\b${bare.replace(/\$/g, '\\$')}\\s*=\\s*["']?(\\d+)`).exec(scripts);
  return m ? Number(m[1]) : undefined;
}

/**
 * Pages generated by the common CMS script `createPageHTML([div,] count, current, prefix, ext[, total])`:
 * prefix.ext, prefix_1.ext … prefix_{count-1}.ext beside the current page.
 */
function scriptPages($: CheerioAPI, base: string): string[] {
  const scripts = $('script')
    .map((_, s) => $(s).text())
    .get()
    .join('\n');
  const pages: string[] = [];
  for (const call of scripts.matchAll(/createPageHTML\s*\(([^)]*)\)/g)) {
    const args = call[1]!.split(',');
    const numbers = args.map((a) => scriptNumber(a, scripts));
    const first = numbers.findIndex((n) => n !== undefined);
    const strings = args.map((a) => /^\s*["']([\w.-]+)["']\s*$/.exec(a)?.[1]);
    const count = numbers[first];
    const tail = strings.slice(first + 2).filter((s): s is string => s !== undefined);
    if (first < 0 || count === undefined || tail.length < 2) continue;
    const [prefix, ext] = tail as [string, string];
    for (let i = 0; i < Math.min(count, 500); i++) {
      const url = resolve(i === 0 ? `${prefix}.${ext}` : `${prefix}_${i}.${ext}`, base);
      if (url) pages.push(url);
    }
  }
  return pages;
}

/** Other pages of the same listing: 下一页 links, numbered page links and script-built paging; same origin only. */
export function findPageLinks(html: string | CheerioAPI, base: string): string[] {
  const $ = typeof html === 'string' ? load(html) : html;
  const origin = new URL(base).origin;
  const pages = new Set<string>();
  $('a[href]').each((_, a) => {
    const text = squash($(a).text()) || squash($(a).attr('title'));
    const url = resolve($(a).attr('href'), base);
    if (!url) return;
    const { pathname, search } = new URL(url);
    const numbered =
      /^\d{1,3}$/.test(text) &&
      (/(?:index|page|list)[_-]?\d*\.s?html?$/i.test(pathname) ||
        /[?&](?:page|pageNo|pageNum|pageIndex|currentPage|curPage|p)=\d+/i.test(search));
    if (NEXT_PAGE.test(text) || numbered) pages.add(url);
  });
  for (const url of scriptPages($, base)) pages.add(url);
  return [...pages].filter((u) => new URL(u).origin === origin && u !== new URL(base).href);
}
