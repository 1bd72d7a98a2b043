import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/check/index.ts';
import { extractText } from '../../src/ingest/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import type { Warning } from '../../src/schema/index.ts';
import { REPORTS_DIR, ROOT } from '../helpers.ts';

/**
 * Warnings on real reports read by eye against their text (test/fixtures/real, and the seeds):
 * the ones a careful reader confirms are raised, the misfires they once had are not.
 */
async function checkFile(path: string): Promise<Warning[]> {
  const bytes = new Uint8Array(readFileSync(path));
  const name = path.split('/').at(-1)!;
  const text = await extractText(bytes, name);
  if (!text.ok) throw new Error(text.error.message);
  const r = parseReport(text.value.text, { file: name, sha256: name });
  if (!r.ok) throw new Error(r.error.message);
  return checkReport(r.report);
}

const REAL = join(ROOT, 'test', 'fixtures', 'real');
const FILES: Record<string, string> = {
  kewei: join(REAL, 'shanghai-kewei-2024.md'),
  office2019: join(REAL, 'shanghai-office-2019.html'),
  office2025: join(REAL, 'shanghai-office-2025.md'),
  fgj: join(REAL, 'shuyang-fgj-2023.html'),
  shuyang: join(REAL, 'shuyang-gov-2025.txt'),
  hualong: join(REPORTS_DIR, '003_5d77362307499405.txt'),
};

describe('real reports: warnings a reader confirms', async () => {
  const checked = Object.fromEntries(
    await Promise.all(Object.entries(FILES).map(async ([k, f]) => [k, await checkFile(f)] as const)),
  );
  const rows = (key: string, rule: string) =>
    checked[key]!.filter((w) => w.rule === rule).map((w) => [w.severity, w.message]);

  it.each([
    // 其中自然人申请741件 = 自然人 新收 705 + 上年结转 36: the prose counts the carry-over, as its 749 does
    [
      'shuyang',
      'N-01',
      [
        ['warning', '正文称新收政府信息公开申请749件，表三为713件（与新收与上年结转之和一致，可能口径不同）'],
        ['warning', '正文称自然人申请741件，表三为705件（与新收与上年结转之和（自然人）一致，可能口径不同）'],
      ],
    ],
    // 转下一年度办理答复的有1件; the converter left the 总计 cell of 结转下年度 blank
    [
      'kewei',
      'N-05',
      [
        [
          'warning',
          '正文称结转下年度1件，表三为0件（其中1格为空白，按0计）（与结转下年度继续办理（自然人）一致，可能口径不同）',
        ],
      ],
    ],
    // 予以公开及部分公开258件, while the 予以公开 and 部分公开 rows hold 272 + 3 (总计 cells blank)
    [
      'office2019',
      'N-04',
      [
        [
          'error',
          '正文称予以公开及部分公开258件，表三为0件（其中2格为空白，按0计）（自然人与法人或其他组织各栏合计275件）',
        ],
        [
          'warning',
          '正文称不予公开35件，表三为0件（其中8格为空白，按0计）（与自然人与法人或其他组织各栏之和（总计栏空白）一致，可能口径不同）',
        ],
        [
          'error',
          '正文称无法提供265件，表三为0件（其中3格为空白，按0计）（自然人与法人或其他组织各栏合计337件）',
        ],
        [
          'warning',
          '正文称不予处理158件，表三为0件（其中5格为空白，按0计）（与自然人与法人或其他组织各栏之和（总计栏空白）一致，可能口径不同）',
        ],
      ],
    ],
    // 六 is 无其他需要报告的事项。 followed by the signature block
    ['hualong', 'M-11', [['info', '第六部分“其他需要报告的事项”仅写“无”']]],
    // part 五 has no heading of its own there (（一）主要问题 / （二）改进情况)
    ['kewei', 'M-04', [['error', '报告缺少第五部分“存在的主要问题及改进情况”']]],
    // 本机关未收取信息公开处理费 / 政府信息公开未发生收费情况 state the fee
    ['office2025', 'M-06', []],
    ['fgj', 'M-06', []],
    // the 2019 trial table 二 has no 本年废止 column and no fee amount
    ['office2019', 'F-04', []],
  ])('%s %s', (key, rule, expected) => {
    expect(rows(key, rule)).toEqual(expected);
  });
});
