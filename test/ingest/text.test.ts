import { describe, expect, it } from 'vitest';
import { detectKind, extractText } from '../../src/ingest/index.ts';
import { buildTextlessPdf, encodeGbk } from './_build.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function extracted(bytes: Uint8Array, name = 'report.txt') {
  const r = await extractText(bytes, name);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('markdown', () => {
  it('turns table rows into tab-separated cells and drops separator rows and heading marks', async () => {
    const md = [
      '## 二、主动公开政府信息情况',
      '',
      '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '|:---|---:|:-:|---|',
      '| 规章 | 0 | 0 | 0 |',
      '| **行政规范性文件** | 54 |  | 202 |',
      '',
      '受理申请 **23** 件。',
    ].join('\n');
    const v = await extracted(utf8(md), 'report.md');
    expect(v.format).toBe('md');
    expect(v.text.split('\n')).toEqual([
      '二、主动公开政府信息情况',
      '',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t0\t0',
      '行政规范性文件\t54\t\t202',
      '',
      '受理申请 23 件。',
    ]);
  });

  it('reads rows printed with one outer pipe, as saved pages give them', async () => {
    // the shape of a township page saved to text (下湿壕镇 2022): `规章 | 0 | 0 | 0 |`
    const page = [
      '第二十条第(一)项 | |||',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 0 | 0 | 0 |',
      '行政处罚 | 6 | ||',
      '| 行政强制 | 2',
      '正文里的竖线|不是表格',
    ].join('\n');
    const v = await extracted(utf8(page));
    expect(v.format).toBe('md');
    expect(v.text.split('\n')).toEqual([
      '第二十条第(一)项\t\t\t',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t0\t0',
      '行政处罚\t6\t\t',
      '行政强制\t2',
      '正文里的竖线|不是表格',
    ]);
  });

  it('is recognised by content under a .txt name', async () => {
    const v = await extracted(utf8('| 行政许可 | 2754 |\n| 行政处罚 | 114 |\n'));
    expect(v.format).toBe('md');
    expect(v.text).toBe('行政许可\t2754\n行政处罚\t114\n');
  });
});

describe('plain text', () => {
  it('keeps tab-separated text as it is', async () => {
    const text = '规章\t5\t0\t0\n行政许可\t2754\t\t\n';
    expect(await extracted(utf8(text))).toEqual({ format: 'txt', text });
  });

  it('decodes GBK text', async () => {
    const v = await extracted(encodeGbk('民和县人民政府\n行政许可\t2754\n'));
    expect(v.text).toBe('民和县人民政府\n行政许可\t2754\n');
  });

  it.each([
    ['empty', new Uint8Array(0), 'EMPTY_FILE'],
    ['binary', new Uint8Array([1, 2, 3, 0, 5, 6]), 'BINARY_FILE'],
    [
      'old Word (.doc)',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'UNSUPPORTED_FORMAT',
    ],
  ])('refuses an %s file with a code', async (_name, bytes, code) => {
    const r = await extractText(bytes, 'x.txt');
    expect(r.ok ? 'ok' : r.error.code).toBe(code);
  });
});

describe('detection by content', () => {
  it.each([
    ['PDF', buildTextlessPdf(), 'pdf'],
    ['PDF after a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...buildTextlessPdf()]), 'pdf'],
    ['HTML page', utf8('<!DOCTYPE html>\n<html><body>x</body></html>'), 'html'],
    ['HTML fragment with a table', utf8('<table><tr><td>1</td></tr></table>'), 'html'],
    ['text mentioning html', utf8('报告正文，不是 html 页面'), 'text'],
  ])('%s → %s', (_name, bytes, kind) => {
    expect(detectKind(bytes)).toBe(kind);
  });
});
