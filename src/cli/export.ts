import { writeFileSync } from 'node:fs';
import { answerQuestion, type ExportTable, exportAll, toCsv, toXlsx } from '../answer/index.ts';
import { openStore } from '../store/index.ts';
import { type CommandArgs, defineCommand, type OptionSpec } from './_args.ts';
import { defaultStorePath, STORE_OPTION } from './_store-path.ts';

const options = {
  format: { type: 'string', arg: 'csv|xlsx|json', help: '输出格式 / output format (default csv)' },
  all: { type: 'boolean', help: '导出全部记录，每个单位每年一行 / every record, one row per body and year' },
  out: { type: 'string', arg: 'FILE', help: '写入文件（xlsx 必须）/ write to a file (required for xlsx)' },
  store: STORE_OPTION,
} satisfies Record<string, OptionSpec>;

export const command = defineCommand({
  name: 'export',
  args: '["问题 / QUESTION" | --all]',
  summary: '导出答案的表格（CSV/XLSX/JSON）/ export a reply’s table, or every record',
  options,
  run,
});

async function run({ values, positionals }: CommandArgs<typeof options>): Promise<number> {
  const format = values.format ?? 'csv';
  if (!['csv', 'xlsx', 'json'].includes(format)) {
    process.stderr.write(`未知格式 “${format}” / unknown format (csv|xlsx|json)\n`);
    return 2;
  }
  const store = await openStore(values.store ?? defaultStorePath());
  let table: ExportTable;
  if (values.all) table = await exportAll(store);
  else {
    if (positionals.length === 0) {
      process.stderr.write('需要一个问题或 --all / a question or --all is required\n');
      return 2;
    }
    const answer = await answerQuestion(positionals.join(' '), store);
    if (!answer.table) {
      const rows = answer.answers.map((a) => [
        a.agency,
        a.year,
        a.field,
        a.value,
        a.unit,
        [a.source.title, a.source.table, a.source.row, a.source.col].filter(Boolean).join(' / '),
        '',
      ]);
      table = {
        title: answer.text.split('\n')[0] ?? '',
        columns: ['机关', '年份', '指标', '数值', '单位', '来源', '提示'],
        rows,
      };
    } else table = answer.table;
  }
  if (format === 'xlsx') {
    const bytes = await toXlsx(table);
    if (values.out) writeFileSync(values.out, bytes);
    else process.stdout.write(bytes);
    return 0;
  }
  const text = format === 'json' ? `${JSON.stringify(table)}\n` : toCsv(table);
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  return 0;
}
