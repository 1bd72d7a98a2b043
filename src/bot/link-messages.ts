/** Wording of link ingestion and crawls in the bot, per language; values are escaped by the caller. */
import type { Lang } from './messages.ts';

export interface CrawlProgress {
  url: string;
  pages: number;
  found: number;
  done: number;
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export interface LinkMessages {
  linkFailed: (url: string, code: string, message: string) => string;
  tooManyLinks: (max: number) => string;
  crawlStarted: (url: string) => string;
  crawlProgress: (p: CrawlProgress) => string;
  crawlDone: (p: CrawlProgress, cancelled: boolean) => string;
  crawlFailuresHeader: string;
  cancelButton: string;
  cancelling: string;
  crawlNotRunning: string;
  crawlBusy: string;
}

const zh: LinkMessages = {
  linkFailed: (url, code, message) => `无法读取 ${url}（${code}）：${message}`,
  tooManyLinks: (max) => `一次最多处理 ${max} 个链接，其余的请另发。`,
  crawlStarted: (url) => `这是年报列表页，开始抓取：${url}`,
  crawlProgress: (p) =>
    `正在抓取 ${p.url}\n列表 ${p.pages} 页，找到 ${p.found} 份年报；已处理 ${p.done}：新增 ${p.added}，更新 ${p.updated}，未变化 ${p.unchanged}，失败 ${p.failed}`,
  crawlDone: (p, cancelled) =>
    `${cancelled ? '抓取已取消' : '抓取完成'}：${p.url}\n找到 ${p.found}，新增 ${p.added}，更新 ${p.updated}，未变化 ${p.unchanged}，失败 ${p.failed}`,
  crawlFailuresHeader: '失败的链接：',
  cancelButton: '取消抓取',
  cancelling: '正在取消……',
  crawlNotRunning: '这次抓取已经结束。',
  crawlBusy: '这个聊天里已有一个抓取在进行，请等它结束或先取消。',
};

const en: LinkMessages = {
  linkFailed: (url, code, message) => `Could not read ${url} (${code}): ${message}`,
  tooManyLinks: (max) => `At most ${max} links at a time; please send the rest separately.`,
  crawlStarted: (url) => `This is a listing of reports; crawling ${url}`,
  crawlProgress: (p) =>
    `Crawling ${p.url}\n${p.pages} listing pages, ${p.found} reports found; ${p.done} done: ${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged, ${p.failed} failed`,
  crawlDone: (p, cancelled) =>
    `${cancelled ? 'Crawl cancelled' : 'Crawl finished'}: ${p.url}\n${p.found} found, ${p.added} added, ${p.updated} updated, ${p.unchanged} unchanged, ${p.failed} failed`,
  crawlFailuresHeader: 'Failed links:',
  cancelButton: 'Cancel crawl',
  cancelling: 'Cancelling…',
  crawlNotRunning: 'This crawl has already ended.',
  crawlBusy: 'A crawl is already running in this chat; wait for it or cancel it first.',
};

export function getLinkMessages(lang: Lang): LinkMessages {
  return lang === 'en' ? en : zh;
}
