import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/parse/narrative-text.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe('joinLines reads each line from the lines written one after another (source buffer)', () => {
  it.each([
    [['收到\ud800申请'], '收到\ud800申请'],
    [['前文', '\udc00后文'], '前文\udc00后文'],
    // a grouping comma is judged within its line: the next line's digits do not count
    [['共3,', '164件'], '共3，164件'],
    [['共3,164件'], '共3164件'],
    [['共 3 ,164件'], '共3164件'],
    [['共3,1645件'], '共3，1645件'],
    // one space between Latin words, none at a line's edge
    [['PDF  file 下载'], 'PDF file下载'],
    [['PDF ', ' file'], 'PDFfile'],
    // a line NFKC changes is read from its own place, the lines after it from theirs
    [['１２件，', '收到３件', '办结2件'], '12件，收到3件办结2件'],
    [['', '  ', '收到(3)件;'], '收到（3）件；'],
  ])('%j → %j', (input, want) => {
    expect(joinLines(lines(...input)).text).toBe(want);
  });

  it('a long text grows the buffers and keeps every line', () => {
    const many = Array.from({ length: 3000 }, (_, i) => `第${i}行，共${i}件`);
    const { text, lineOf } = joinLines(lines(...many));
    expect(text).toBe(many.join('').replaceAll(',', '，'));
    expect(lineOf(text.indexOf('第2999行'))).toBe(3000);
  });
});
