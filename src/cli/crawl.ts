import cliProgress from 'cli-progress';
import { type CrawlEvent, type CrawlSummary, countOutcomes, crawlListing } from '../crawl/index.ts';
import { createFetcher, createPoliteClient, parseFetchSettings } from '../fetch/index.ts';
import { limitsFromEnv } from '../ingest/index.ts';
import { closeParsePool } from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import { type CommandArgs, defineCommand, type OptionSpec } from './_args.ts';
import { defaultStorePath, STORE_OPTION } from './_store-path.ts';

const options = {
  max: { type: 'string', arg: 'N', help: '最多抓取 N 份年报 / fetch at most N reports' },
  delay: {
    type: 'string',
    arg: 'MS',
    help: '同一网站两次请求的间隔（默认 FETCH_DELAY_MS 或 1000）/ pause between requests to one host',
  },
  since: { type: 'string', arg: 'YEAR', help: '只要该年及以后的年报 / only reports of YEAR or later' },
  store: STORE_OPTION,
  json: { type: 'boolean', help: '输出 JSON / print JSON' },
} satisfies Record<string, OptionSpec>;

export const command = defineCommand({
  name: 'crawl',
  args: 'URL',
  summary: '抓取网站的年报栏目并入库 / crawl a site’s annual-report listing into the store',
  minPositionals: 1,
  options,
  run: (args) => runBody(args).finally(closeParsePool),
});

/** A whole number ≥ min from an option, or an error line. */
function readInt(name: string, raw: string | undefined, min: number): number | string | undefined {
  if (raw === undefined) return undefined;
  return /^\d+$/.test(raw) && Number(raw) >= min ? Number(raw) : `--${name} ${raw}：需要不小于 ${min} 的整数`;
}

const VERB = { added: '新增', updated: '已更新', unchanged: '未变化' } as const;

/** One line per event: a bar on a terminal, plain lines otherwise (logs, pipes). */
function createReporter(tty: boolean): { onEvent: (e: CrawlEvent) => void; stop: () => void } {
  const bar = tty
    ? new cliProgress.SingleBar(
        { format: '[{bar}] {value}/{total} {status}', stream: process.stderr, hideCursor: true },
        cliProgress.Presets.legacy,
      )
    : undefined;
  let started = false;
  return {
    onEvent(e) {
      if (e.type === 'listing') {
        if (!bar) process.stderr.write(`列表页 ${e.pages}：${e.url}（已找到 ${e.found} 个年报链接）\n`);
        return;
      }
      const r = e.result;
      const status = r.ok ? `${VERB[r.outcome]} ${r.report.id}` : `失败 [${r.code}]`;
      if (!bar) return void process.stderr.write(`[${e.done}/${e.total}] ${status} ${r.url}\n`);
      if (!started) bar.start(e.total, 0, { status: '' });
      started = true;
      bar.update(e.done, { status: status.slice(0, 40) });
    },
    stop: () => bar?.stop(),
  };
}

function summarise(summary: CrawlSummary, url: string): string {
  const count = countOutcomes(summary);
  const lines = [...summary.listingFailures, ...summary.results].flatMap((r) =>
    r.ok ? [] : [`失败 [${r.code}] ${r.message}`],
  );
  if (summary.cancelled) lines.push('已中断；再次运行同一命令会跳过已入库且未变化的年报。');
  if (summary.found.length === 0 && summary.listingFailures.length === 0) {
    lines.push(`${url} 上没有找到政府信息公开年度报告的链接。`);
  }
  lines.push(
    `合计：找到 ${summary.found.length}，新增 ${count.added}，更新 ${count.updated}，未变化 ${count.unchanged}，失败 ${count.failed}`,
  );
  return lines.join('\n');
}

/** `crawl URL [--max N] [--delay MS] [--since YEAR] [--store PATH] [--json]`. */
async function runBody({ values, positionals }: CommandArgs<typeof options>): Promise<number> {
  const max = readInt('max', values.max, 1);
  const delay = readInt('delay', values.delay, 0);
  const since = readInt('since', values.since, 1990);
  const bad = [max, delay, since].filter((v) => typeof v === 'string');
  if (bad.length > 0) {
    process.stderr.write(`${bad.join('\n')}\n`);
    return 2;
  }
  const [start] = positionals as [string];
  const storePath = values.store ?? defaultStorePath();
  const store = await openStore(storePath);
  const settings = parseFetchSettings(process.env);
  const fetcher = createFetcher(settings);
  const client = createPoliteClient(fetcher, { delayMs: (delay as number | undefined) ?? settings.delayMs });
  const reporter = createReporter(Boolean(process.stderr.isTTY) && !values.json);
  // Ctrl-C stops between requests; what was stored stays, and the next run resumes
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  let summary: CrawlSummary;
  try {
    summary = await crawlListing(
      start,
      { client, store, signal: controller.signal, onEvent: reporter.onEvent, limits: limitsFromEnv() },
      { max: max as number | undefined, since: since as number | undefined },
    );
  } finally {
    reporter.stop();
    process.off('SIGINT', interrupt);
    await fetcher.close();
  }
  if (values.json) {
    const results = [...summary.listingFailures, ...summary.results].map((r) =>
      r.ok
        ? { url: r.url, outcome: r.outcome, id: r.report.id, file: r.file }
        : { url: r.url, outcome: 'failed', code: r.code, message: r.message },
    );
    const counts = countOutcomes(summary);
    process.stdout.write(
      `${JSON.stringify({ store: storePath, found: summary.found.length, ...counts, cancelled: summary.cancelled, results })}\n`,
    );
  } else {
    process.stdout.write(`${summarise(summary, start)}\n数据库：${storePath}\n`);
  }
  if (summary.cancelled) return 130;
  // failures of some links are normal on a real site; nothing readable at all is not
  const held = summary.results.some((r) => r.ok);
  return held || (summary.found.length === 0 && summary.listingFailures.length === 0) ? 0 : 1;
}
