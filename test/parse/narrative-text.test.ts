import { describe, expect, it } from 'vitest';
import { joinLines } from '../../src/parse/narrative-text.ts';

const lines = (...texts: string[]) => texts.map((text, i) => ({ text, line: i + 1 }));

describe('joinLines: prose normalisation (all lines edited at once, no edit across a line end)', () => {
  it.each([
    ['3,164件', '3164件'],
    ['3 ,164件', '3164件'],
    ['3, 164件', '3，164件'],
    ['1,234,567元', '1234567元'],
    ['12,3456件', '12，3456件'],
    ['１２，３４５件', '12345件'],
    ['共 12 件 ( 含 3 件 )', '共12件（含3件）'],
    ['a  b\tc 中 d', 'a b c中d'],
    ['问:答;好!吗?査', '问：答；好！吗？查'],
    ['全角\u3000空格\u00a0与，逗号…', '全角空格与，逗号...'],
    ['省略号…不变', '省略号…不变'],
    ['孤\ud800立,代理项\udc00', '孤\ud800立，代理项\udc00'],
    ['tab\tand\fform feed, ok', 'tab and form feed，ok'],
  ])('%j → %j', (raw, want) => {
    expect(joinLines(lines(raw)).text).toBe(want);
  });

  it('a grouping comma, a space between words and a look-behind never join two lines', () => {
    // 3 / ,164: the comma starts its own line, so it is punctuation, not grouping
    expect(joinLines(lines('共3', ',164件', 'abc', 'def')).text).toBe('共3，164件abcdef');
  });

  it('NFKC only on a line that needs it: … stays in a line of stable characters', () => {
    expect(joinLines(lines('甲…', '乙，…')).text).toBe('甲…乙，...');
  });

  it('a line holding a line feed is edited as if it were a space', () => {
    const { text, lineOf } = joinLines(lines('共 3\n,164 件。', 'ab\ncd'));
    expect(text).toBe('共3164件。\nab cd');
    expect(lineOf(text.indexOf('ab'))).toBe(2);
  });

  it('paragraphs: a closing mark or a heading starts a new one; empty lines are skipped', () => {
    const { text, lineOf } = joinLines(
      lines('一、概述', '本机关', '   ', '全年收到申请', '12件。', '（二）其他'),
    );
    expect(text).toBe('一、概述\n本机关全年收到申请12件。\n（二）其他');
    expect(lineOf(text.indexOf('12件'))).toBe(5);
    expect(lineOf(text.indexOf('（二）'))).toBe(6);
  });
});
