import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { encodeGbk } from './_build.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function htmlLines(
  bytes: Uint8Array,
): Promise<{ lines: string[]; borderless?: boolean; format: string }> {
  const r = await extractText(bytes, 'report.html');
  if (!r.ok) throw new Error(r.error.code);
  return {
    lines: r.value.text.trimEnd().split('\n'),
    borderless: r.value.borderless,
    format: r.value.format,
  };
}

/** Table 三's head and two group rows, as such pages nest them: rowspan on the group label, colspan on row one. */
const APPLY_TABLE = `
<table border="1">
  <tr><td colspan="3" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
      <td colspan="7">申请人情况</td></tr>
  <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
  <tr><td>x</td><td></td><td></td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
  <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>22</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>23</td></tr>
  <tr><td rowspan="3">三、本年度办理结果</td><td rowspan="2">（三）不予公开</td><td>1. 属于国家秘密</td>
      <td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
  <tr><td>2. 其他法律行政法规禁止公开</td><td>1</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
  <tr><td colspan="2">（七）总计</td><td>22</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td><td>23</td></tr>
</table>`;

describe('HTML tables', () => {
  it('expands rowspan and colspan into a grid: text in the first slot, empty strings in the slots it covers', async () => {
    const { lines, format } = await htmlLines(
      utf8(`<html><body><p>三、收到和处理政府信息公开申请情况</p>${APPLY_TABLE}</body></html>`),
    );
    expect(format).toBe('html');
    expect(lines).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t',
      '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
      'x\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
      '一、本年新收政府信息公开申请数量\t\t\t22\t0\t0\t0\t0\t1\t23',
      '三、本年度办理结果\t（三）不予公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0',
      '\t\t2. 其他法律行政法规禁止公开\t1\t\t0\t0\t0\t0\t1',
      '\t（七）总计\t\t22\t0\t0\t0\t0\t1\t23',
    ]);
  });

  it.each([
    ['gbk', '<meta charset="gbk">'],
    ['gb2312 (http-equiv)', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'],
    ['GBK page without any charset', ''],
    ['GBK page mislabelled utf-8', '<meta charset="utf-8">'],
  ])('decodes a %s page by its meta charset', async (_name, meta) => {
    const page = `<html><head>${meta}<title>年报</title></head><body><p>化隆县 2024 年政府信息公开工作年度报告</p>
      <table><tr><td>行政许可</td><td>2754</td></tr></table></body></html>`;
    const { lines } = await htmlLines(encodeGbk(page));
    expect(lines).toEqual(['化隆县 2024 年政府信息公开工作年度报告', '行政许可\t2754']);
  });

  it('reads Word-exported markup: conditional comments, <o:p>, spans, source line breaks inside CJK text', async () => {
    const page = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>x</o:Author></o:DocumentProperties></xml><![endif]-->
<style>p.MsoNormal {margin:0cm}</style></head>
<body lang=ZH-CN><div class=WordSection1>
<p class=MsoNormal><b><span style='font-family:黑体'>二、主动公开政府信息
情况<o:p></o:p></span></b></p>
<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>
 <tr><td style='border:solid windowtext 1.0pt'><p class=MsoNormal><span>规章<o:p></o:p></span></p></td>
  <td style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>5<o:p></o:p></span></p></td>
  <td style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>0<o:p></o:p></span></p></td>
  <td style='border:solid windowtext 1.0pt'><p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p></td></tr>
 <tr><td><p>行政规范性</p><p>文件</p></td><td>54</td><td>0</td><td>202</td></tr>
 <tr><td>a</td><td>1</td><td>1</td><td>1</td></tr>
 <tr><td>b</td><td>1</td><td>1</td><td>1</td></tr>
</table></div></body></html>`;
    const { lines, borderless } = await htmlLines(utf8(page));
    expect(lines.slice(0, 3)).toEqual([
      '二、主动公开政府信息情况',
      '规章\t5\t0\t',
      '行政规范性文件\t54\t0\t202',
    ]);
    expect(borderless).toBe(false); // border=0 on the table, but every cell draws its own
  });

  it('reads a layout table that wraps the page as blocks, and the data table inside it as a grid', async () => {
    const page = `<body><table width="980"><tr><td><a href="/">首页</a></td></tr>
      <tr><td><p>二、主动公开政府信息情况</p>
        <table border="1"><tr><td>规章</td><td>5</td><td>0</td><td>0</td></tr></table>
        <p>三、收到和处理政府信息公开申请情况</p></td></tr></table></body>`;
    const { lines } = await htmlLines(utf8(page));
    expect(lines).toEqual([
      '首页',
      '二、主动公开政府信息情况',
      '规章\t5\t0\t0',
      '三、收到和处理政府信息公开申请情况',
    ]);
  });

  it('reads a table split into several, keeping rows in order', async () => {
    const page = `<body><table><tr><td>（一）予以公开</td><td>4</td></tr></table>
      <p style="page-break-before:always"></p><table><tr><td>（二）部分公开</td><td>1</td></tr></table></body>`;
    const { lines } = await htmlLines(utf8(page));
    expect(lines).toEqual(['（一）予以公开\t4', '（二）部分公开\t1']);
  });

  it.each([
    ['border="0"', '<table border="0">', 4, true],
    ['border:none', '<table style="border: none">', 4, true],
    ['border="1"', '<table border="1">', 4, false],
    ['border="0" with 3 rows only', '<table border="0">', 3, false],
  ])('flags a borderless table (F-08): %s', async (_name, open, rows, expected) => {
    const body = Array.from({ length: rows }, (_, i) => `<tr><td>r${i}</td><td>${i}</td></tr>`).join('');
    const { borderless } = await htmlLines(utf8(`<html><body>${open}${body}</table></body></html>`));
    expect(borderless).toBe(expected);
  });

  it('keeps block text as lines and skips scripts and styles', async () => {
    const page = `<!DOCTYPE html><html><head><script>var a = "x";</script></head><body>
      <h1>某县人民政府</h1><div>一、总体情况<br>（一）主动公开情况。全年发布 <b>120</b> 条。</div>
      <script>track()</script><ul><li>甲</li><li>乙</li></ul></body></html>`;
    const { lines } = await htmlLines(utf8(page));
    expect(lines).toEqual([
      '某县人民政府',
      '一、总体情况',
      '（一）主动公开情况。全年发布 120 条。',
      '甲',
      '乙',
    ]);
  });
});
