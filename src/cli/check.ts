import { checkReport, describeSkipped, findPrevious } from '../check/index.ts';
import { closeParsePool } from '../pipeline/index.ts';
import type { Report, Severity, Warning } from '../schema/index.ts';
import { openStore } from '../store/index.ts';
import { type CommandArgs, defineCommand, type OptionSpec } from './_args.ts';
import { readReportFile } from './_read-report.ts';
import { defaultStorePath, STORE_OPTION } from './_store-path.ts';

interface Checked {
  report: Report;
  warnings: Warning[];
  skipped: string | null;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Checks one report against the pool; parser (PW) warnings are passed through in front. */
function checkOne(report: Report, parseWarnings: readonly Warning[], pool: readonly Report[]): Checked {
  const previous = findPrevious(report, pool);
  const ctx = { previous, others: pool };
  return {
    report,
    warnings: [...parseWarnings, ...checkReport(report, ctx)],
    skipped: describeSkipped(report, ctx),
  };
}

function formatChecked(c: Checked): string {
  const out = [`■ ${c.report.id}（${c.report.source.file}）`];
  if (c.warnings.length === 0) out.push('  未发现问题');
  for (const severity of ['error', 'warning', 'info'] as const) {
    const ws = c.warnings.filter((w) => w.severity === severity);
    if (ws.length === 0) continue;
    out.push(`  ${SEVERITY_ZH[severity]}（${ws.length}）`);
    for (const w of ws) out.push(`    [${w.rule}] ${w.message}`);
  }
  if (c.skipped) out.push(`  注：${c.skipped}`);
  return out.join('\n');
}

const options = {
  store: STORE_OPTION,
  json: { type: 'boolean', help: '输出 JSON { warnings } / print JSON' },
} satisfies Record<string, OptionSpec>;

/** `check [FILE…] [--store PATH] [--json]`: files are parsed and checked (the store as context); no files = the whole store. */
export const command = defineCommand({
  name: 'check',
  args: '[FILE…]',
  summary: '一致性检查（无文件时检查整个数据库）/ check reports (no file: the whole store)',
  options,
  run: (args) => runBody(args).finally(closeParsePool),
});

async function runBody({ values, positionals }: CommandArgs<typeof options>): Promise<number> {
  const useStore = values.store !== undefined || positionals.length === 0;
  const store = useStore ? await openStore(values.store ?? defaultStorePath()) : undefined;
  // stored records are lean: their prose is read back for the rules that need it
  const stored = store
    ? await Promise.all((await store.list()).map(async (s) => ({ ...s, report: await store.hydrate(s) })))
    : [];
  const results: Checked[] = [];
  let failed = 0;
  if (positionals.length === 0) {
    const pool = stored.map((s) => s.report);
    for (const s of stored)
      results.push(
        checkOne(
          s.report,
          s.warnings.filter((w) => w.rule.startsWith('PW-')),
          pool,
        ),
      );
  } else {
    const files: { report: Report; warnings: Warning[] }[] = [];
    for (const file of positionals) {
      const r = await readReportFile(file);
      if (r.ok) files.push(r);
      else {
        failed++;
        process.stderr.write(`✗ ${file}: [${r.error.code}] ${r.error.message}\n`);
      }
    }
    const pool = [...stored.map((s) => s.report), ...files.map((f) => f.report)];
    for (const f of files) results.push(checkOne(f.report, f.warnings, pool));
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ warnings: results.flatMap((r) => r.warnings) })}\n`);
  } else {
    process.stdout.write(
      results.length ? `${results.map(formatChecked).join('\n\n')}\n` : '没有可检查的报告\n',
    );
  }
  return failed > 0 && results.length === 0 ? 1 : 0;
}
