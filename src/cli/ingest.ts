import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { limitsFromEnv, readFileCapped } from '../ingest/index.ts';
import {
  type AddOutcome,
  addReports,
  closeParsePool,
  isSideFile,
  type ReportFile,
} from '../pipeline/index.ts';
import { openStore } from '../store/index.ts';
import { type CommandArgs, defineCommand, type OptionSpec } from './_args.ts';
import { ingestUrls, isUrlArgument } from './_links.ts';
import { defaultStorePath, STORE_OPTION } from './_store-path.ts';
import { forTerminal } from './_terminal.ts';

/** Files named on the command line; directories contribute every regular, non-hidden file but side files. */
async function expand(paths: readonly string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (!info) missing.push(p);
    else if (info.isDirectory()) {
      // every file is tried (formats are recognised by content); failures are listed, never skipped silently;
      // only a folder's README / manifest / data tables (isSideFile) are not reports
      const entries = await readdir(p, { withFileTypes: true });
      const names = entries
        .filter((e) => e.isFile() && !e.name.startsWith('.') && !isSideFile(e.name))
        .map((e) => e.name);
      files.push(...names.sort().map((n) => join(p, n)));
    } else files.push(p);
  }
  return { files, missing };
}

function drawProgress(done: number, total: number, file: string): void {
  const width = 24;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${forTerminal(basename(file).slice(0, 40))}\x1b[K`,
  );
  if (done === total) process.stderr.write('\n');
}

const VERB = { added: '新增', updated: '已更新（文件有变化，替换原记录）', unchanged: '未变化' } as const;

function summarise(results: readonly AddOutcome[]): string {
  const lines: string[] = [];
  const count = { added: 0, updated: 0, unchanged: 0, kept: 0, failed: 0 };
  for (const r of results) {
    if (r.ok) {
      count[r.outcome]++;
      const errors = r.warnings.filter((w) => w.severity === 'error').length;
      const change = r.changeText ? `；${r.changeText}` : '';
      lines.push(
        `${r.file}: ${VERB[r.outcome]} ${r.report.id}（警告 ${r.warnings.length} 条，其中错误 ${errors} 条${change}）`,
      );
    } else if (r.code === 'RECORD_KEPT') {
      count.kept++;
      lines.push(`${r.file}: 保留原记录 [${r.code}] ${r.message}`);
    } else {
      count.failed++;
      lines.push(`${r.file}: 失败 [${r.code}] ${r.message}`);
    }
  }
  const kept = count.kept > 0 ? `，保留原记录 ${count.kept}` : '';
  lines.push(
    `合计：新增 ${count.added}，更新 ${count.updated}，未变化 ${count.unchanged}，失败 ${count.failed}${kept}`,
  );
  // file names, agencies and messages come from the files: never raw control characters on a terminal
  return forTerminal(lines.join('\n'));
}

/** `ingest FILE|DIR… [--store PATH] [--json]`: parse, check and upsert into the store. */
const options = {
  store: STORE_OPTION,
  json: { type: 'boolean', help: '输出 JSON / print JSON' },
  replace: {
    type: 'boolean',
    help: '即使新记录单元格或表格更少、机关不同也替换原记录 / replace stored records even with fewer cells or tables',
  },
} satisfies Record<string, OptionSpec>;

export const command = defineCommand({
  name: 'ingest',
  args: 'FILE|DIR|URL…',
  summary: '解析、检查并存入数据库 / parse, check and store reports',
  minPositionals: 1,
  options,
  run: (args) => runBody(args).finally(closeParsePool),
});

async function runBody({ values, positionals }: CommandArgs<typeof options>): Promise<number> {
  const storePath = values.store ?? defaultStorePath();
  const store = await openStore(storePath);
  const { files, missing } = await expand(positionals.filter((p) => !isUrlArgument(p)));
  const inputs: ReportFile[] = [];
  const failed: AddOutcome[] = missing.map((p) => ({
    file: p,
    ok: false,
    code: 'FILE_NOT_FOUND',
    message: `找不到文件或目录 ${p}`,
  }));
  const limits = limitsFromEnv();
  for (const f of files) {
    // regular files only, never more than the byte limit: a bad file is reported, the rest go on
    const read = await readFileCapped(f, limits.maxFileBytes);
    if (read.ok) inputs.push({ file: basename(f), bytes: read.bytes });
    else failed.push({ file: f, ok: false, ...read.error });
  }
  const onProgress = process.stderr.isTTY && !values.json ? drawProgress : undefined;
  const results = [
    ...(await addReports(store, inputs, { onProgress, limits, replace: values.replace === true })),
    ...(await ingestUrls(positionals.filter(isUrlArgument), store)),
    ...failed,
  ];
  if (values.json) {
    const out = results.map((r) =>
      r.ok
        ? {
            file: r.file,
            outcome: r.outcome,
            id: r.report.id,
            warnings: r.warnings.length,
            ...(r.change ? { change: r.change } : {}),
          }
        : { file: r.file, outcome: 'failed', code: r.code, message: r.message },
    );
    process.stdout.write(`${JSON.stringify({ store: storePath, results: out })}\n`);
  } else {
    process.stdout.write(`${summarise(results)}\n数据库：${forTerminal(storePath)}\n`);
  }
  return results.some((r) => !r.ok) ? 1 : 0;
}
