import { describe, expect, it } from 'vitest';
import { normalisePlain, normaliseText, stripControls } from '../../src/parse/normalise.ts';

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

describe('normalisePlain', () => {
  // parseReport skips its unreadable-text check for a plain text: none of those characters is plain
  it.each(['\ufffd', '\x0b', '\x00', '\x1f', '\u200b'])('gives up at %j', (c) => {
    expect(normalisePlain(`甲${c}乙`)).toBeNull();
  });
});

describe('normaliseText: line endings at the end of the sample', () => {
  it.each([5998, 5999, 6000])('a CRLF at %i is one line end', (at) => {
    const pad = '甲'.repeat(at);
    expect(normaliseText(`${pad}\r\n乙\r丙`)).toBe(`${pad}\n乙\n丙`);
    // the general path (a control at the end sends the text there) agrees
    expect(normaliseText(`${pad}\r\n乙\r丙\x01`)).toBe(`${pad}\n乙\n丙`);
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

describe('normaliseText: the one-scan path for plain text', () => {
  // a control character sends a text down the general path (strip, NFKC, edits); one at the very end
  // is stripped without a trace, so the two paths can be compared on the same text
  const general = (s: string) => normaliseText(`${s}\x01`);
  const blocks: [number, number][] = [
    [0x09, 0x0d],
    [0x20, 0x7e],
    [0xa0, 0x36f],
    [0x1100, 0x11ff],
    [0x2000, 0x27bf],
    [0x2e80, 0x2fdf],
    [0x3000, 0x30ff],
    [0x3130, 0x318f],
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xac00, 0xac40],
    [0xf900, 0xfaff],
    [0xfe30, 0xfe4f],
    [0xff00, 0xffef],
  ];

  it('gives what the general path gives, for every character of the common blocks', () => {
    const differ: string[] = [];
    for (const [first, last] of blocks) {
      for (let c = first; c <= last; c++) {
        const s = `a${String.fromCharCode(c)}中`;
        if (normaliseText(s) !== general(s)) differ.push(c.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });

  it('gives what the general path gives for characters that compose with their neighbours', () => {
    // e + combining acute, half-width katakana + voiced mark, Hangul jamo, compatibility jamo
    for (const s of ['cafe\u0301', 'ｶﾞ', '\u1100\u1161\u11a8', 'ㄱㅏ', '①②，１２', '⼀⼆', '\u2126\u212b'])
      expect(normaliseText(s)).toBe(general(s));
  });

  it('gives what the general path gives for random mixtures (seeded)', () => {
    let seed = 20261130;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const sizes = blocks.map(([a, b]) => b - a + 1);
    const total = sizes.reduce((a, b) => a + b, 0);
    const pick = () => {
      let k = Math.floor(next() * total);
      for (const [i, [first]] of blocks.entries()) {
        if (k < sizes[i]!) return String.fromCharCode(first + k);
        k -= sizes[i]!;
      }
      return '';
    };
    for (let n = 0; n < 3000; n++) {
      const s = Array.from({ length: 1 + Math.floor(next() * 12) }, pick).join('');
      expect(normaliseText(s), JSON.stringify(s)).toBe(general(s));
    }
  });
});
