import { basename } from 'node:path';
import { closeParsePool } from '../pipeline/index.ts';
import { type CommandArgs, defineCommand, type OptionSpec } from './_args.ts';
import { readReportFile } from './_read-report.ts';
import { forTerminal } from './_terminal.ts';

/** `parse FILE… [--json]`: prints `{ reports, errors }` or a readable summary per file. */
const options = {
  json: { type: 'boolean', help: '输出 JSON { reports, errors } / print JSON' },
} satisfies Record<string, OptionSpec>;

export const command = defineCommand({
  name: 'parse',
  args: 'FILE…',
  summary: '解析年报，打印记录 / parse reports and print the records',
  minPositionals: 1,
  options,
  run: (args) => runBody(args).finally(closeParsePool),
});

async function runBody({ values, positionals }: CommandArgs<typeof options>): Promise<number> {
  const reports = [];
  const errors = [];
  const warnings = [];
  for (const file of positionals) {
    const r = await readReportFile(file);
    if (r.ok) {
      reports.push(r.report);
      warnings.push(...r.warnings);
    } else {
      errors.push({ file: basename(file), code: r.error.code, message: r.error.message });
    }
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ reports, errors })}\n`);
  } else {
    const out: string[] = [];
    for (const r of reports) {
      const n = Object.values(r.values).filter((v) => v !== null).length;
      out.push(
        `✓ ${r.source.file}: ${r.title}（${r.agency}，${r.year}年，${r.region?.name ?? '地区未识别'}）— ${n}/200 格，空白 ${r.blanks.length} 格`,
      );
    }
    for (const w of warnings) out.push(`  ! [${w.rule}] ${w.message}`);
    for (const e of errors) out.push(`✗ ${e.file}: [${e.code}] ${e.message}`);
    // names and messages come from the file: never raw control characters on a terminal
    process.stdout.write(out.map((line) => `${forTerminal(line)}\n`).join(''));
  }
  return errors.length > 0 && reports.length === 0 ? 1 : 0;
}
