import { describe, expect, it } from 'vitest';
import { normaliseText, stripControls } from '../../src/parse/normalise.ts';

describe('normaliseText', () => {
  it.each([
    ['full-width digits and commas', '收到申请１２３件，办结３，１６４件', '收到申请123件,办结3,164件'],
    ['line endings', '第一行\r\n第二行\r第三行', '第一行\n第二行\n第三行'],
    [
      'unusual spaces (zero-width ones are controls: stripped)',
      '甲\u3000乙\u00a0丙\u2003丁\u200b戊\ufeff己',
      '甲 乙 丙 丁戊己',
    ],
    ['curly quotes and the double prime', '“公开”‘申请’〝号〞12″', '"公开"\'申请\'"号"12′′'],
    ['variant glyphs', '査詢戶籍説明內容', '查詢户籍说明内容'],
    ['Kangxi radicals and circled numbers', '⼀、①', '一、1'],
    ['万, 余 and 多 are left alone', '共1.2万余件，五十多件', '共1.2万余件,五十多件'],
  ])('%s', (_, raw, want) => {
    expect(normaliseText(raw)).toBe(want);
  });

  it('a traditional-script text is converted, then edited like any other', () => {
    const out = normaliseText('本機關收到政府資訊公開申請１２件，“辦結”\u3000１０件。\r\n');
    expect(out).toBe('本机关收到政府资讯公开申请12件,"办结" 10件。\n');
  });
});

describe('normaliseText: the traditional-script sample', () => {
  it('a hint inside the first 6,000 characters converts the text; one after them does not', () => {
    const pad = '甲'.repeat(5990);
    expect(normaliseText(`${pad}“這個”\r\n`)).toBe(`${pad}"这个"\n`);
    expect(normaliseText(`${pad}${'乙'.repeat(20)}“這個”\r\n`)).toBe(`${pad}${'乙'.repeat(20)}"這個"\n`);
  });
});

describe('stripControls', () => {
  it.each([
    ['ANSI colour', '\x1b[31m红色\x1b[0m', '红色'],
    ['a control between digits stays visible', '11\x004件', '11\ufffd4件'],
    ['bidi override and zero-width joiner', '甲\u202e乙\u200d丙', '甲乙丙'],
    ['tab, line feed and carriage return are kept', 'a\tb\nc\rd', 'a\tb\nc\rd'],
  ])('%s', (_, raw, want) => {
    expect(stripControls(raw)).toBe(want);
  });
});
