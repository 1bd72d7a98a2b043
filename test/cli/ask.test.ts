import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { loadTestReports } from '../answer/_store.ts';
import { ROOT } from '../helpers.ts';

let storePath: string;

beforeAll(async () => {
  storePath = join(mkdtempSync(join(tmpdir(), 'nianbao-ask-')), 'store.json');
  await (await openStore(storePath)).upsertMany(loadTestReports());
});

function ask(args: string[], input?: string): string {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  return execFileSync(tsx, [join(ROOT, 'src', 'cli', 'main.ts'), 'ask', ...args, '--store', storePath], {
    input,
    encoding: 'utf8',
    env: { ...process.env, STORE_PATH: '' },
  });
}

describe('cli ask', () => {
  it('prints one JSON object for a question', () => {
    const out = JSON.parse(ask(['化隆2024年行政处罚多少', '--json']));
    expect(Object.keys(out)).toEqual(['intent', 'answers', 'warnings', 'text']);
    expect(out.intent).toBe('lookup');
    expect(out.answers.map((a: { report: string; value: number }) => [a.report, a.value])).toEqual([
      ['化隆县人民政府-2024', 114],
    ]);
  });

  it('reads questions from stdin and prints JSONL in order', () => {
    const lines = ask(['--json'], '民和 2023 行政许可\n湟中 2023 行政处罚\n互助 2022 收费\n')
      .trim()
      .split('\n');
    expect(lines.map((l) => JSON.parse(l).answers[0].value)).toEqual([3972, 36084, 202]);
  });

  it('answers a text too long to be a question at once, as the bot does', () => {
    const out = JSON.parse(ask([`${'化隆行政处罚'.repeat(60)}`, '--json']));
    expect(out).toEqual({
      intent: 'unknown',
      answers: [],
      warnings: [],
      text: '这条消息有 360 个字，不像一个问题。请用一句话提问（256 字以内），例如“某县2024年行政处罚多少”。',
    });
  });

  it('prints the reply text without --json', () => {
    expect(ask(['平罗 2023 行政规范性文件 现行有效'])).toContain(
      '平罗县人民政府办公室2023年行政规范性文件现行有效：5 件',
    );
  });
});
