import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackExport } from '../../src/bot/callback-data.ts';
import { createTestBot, type TestBot } from '../support/test-bot.ts';
import { callbackQuery, privateText, user } from '../support/updates.ts';

let t: TestBot;
beforeAll(async () => {
  t = await createTestBot();
});
afterAll(() => t.dispose());

type Keyboard = { inline_keyboard: { text: string; callback_data: string }[][] };

describe('export buttons under comparisons, rankings and trends', () => {
  it('sends the ranking as CSV and XLSX, sources and warnings in columns', async () => {
    const u = user(9001, 'zh-hans');
    await t.send(privateText(u, '哪里行政许可最多'));
    const offer = t.take('sendMessage', 'sendPhoto').find((c) => c.payload.text === '下载表格：');
    const buttons = (offer!.payload.reply_markup as Keyboard).inline_keyboard[0]!;
    expect(buttons.map((b) => b.text)).toEqual(['CSV', 'XLSX']);
    expect(unpackExport(buttons[0]!.callback_data)?.format).toBe('csv');

    await t.send(callbackQuery(u, buttons[0]!.callback_data, 9001));
    const [csv] = t.take('sendDocument');
    expect(csv).toBeDefined();
    await t.send(callbackQuery(u, buttons[1]!.callback_data, 9001));
    const [xlsx] = t.take('sendDocument');
    expect(xlsx).toBeDefined();
  });

  it('offers no buttons for a single figure', async () => {
    await t.send(privateText(user(9002, 'zh-hans'), '化隆2024年行政处罚多少'));
    expect(t.take('sendMessage').some((c) => c.payload.text === '下载表格：')).toBe(false);
  });
});

describe('the tables themselves', () => {
  it('CSV quotes commas and carries a BOM; XLSX is a workbook with the rows', async () => {
    const { toCsv, toXlsx } = await import('../../src/answer/index.ts');
    const table = {
      title: 't',
      columns: ['机关', '来源'],
      rows: [
        ['化隆县人民政府', '表二, 行政处罚'],
        ['x', null],
      ],
    };
    expect(toCsv(table)).toBe('\uFEFF机关,来源\r\n化隆县人民政府,"表二, 行政处罚"\r\nx,\r\n');
    const zip = await JSZip.loadAsync(await toXlsx(table));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? sheet;
    expect(strings).toContain('化隆县人民政府');
    expect(strings).toContain('表二, 行政处罚');
  });
});
