/** Link finding on listing and report pages, in the shapes real government CMSs produce. */
import { describe, expect, it } from 'vitest';
import { findAttachments, findPageLinks, findReportLinks, yearOf } from '../../src/crawl/index.ts';

const BASE = 'https://www.example.gov.cn/zwgk/zfxxgknb/index.html';

describe('findReportLinks', () => {
  it.each([
    ['某区财政局2021年度政府信息公开工作年度报告', 2021],
    ['2019年政府信息公开年报', 2019],
    ['政府信息公开工作年度报告（2023年）', 2023],
    ['二〇二二年政府信息公开工作年度报告', 2022],
    ['某县人民政府2024年政务公开年报', 2024],
    ['某局信息公开年度报告 2020', 2020],
    ['某县人民政府办公室2023年度政府信息公开工作报告', 2023],
  ])('%s → %i', (text, year) => {
    const [link] = findReportLinks(`<a href="./202201/t1.htm">${text}</a>`, BASE);
    expect(link).toEqual({ url: 'https://www.example.gov.cn/zwgk/zfxxgknb/202201/t1.htm', text, year });
  });

  it.each([
    ['2024年度工作通知'],
    ['政府信息公开工作年度报告'],
    ['2023年政府工作报告'],
    ['政府信息公开指南（2024年版）'],
  ])('ignores %s', (text) => {
    expect(findReportLinks(`<a href="/x.htm">${text}</a>`, BASE)).toEqual([]);
  });

  it('reads list records a CMS ships as CDATA in a <script type="text/xml"> datastore', () => {
    const html = `<div id="1234"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/jpage.jsp">下一组</a>]]></nextgroup><recordset>
      <record><![CDATA[<li><a href="/art/2024/1/20/art_1_99.html" title="某市民政局2023年政府信息公开工作年度报告">某市民政局2023年…</a></li>]]></record>
      <record><![CDATA[<li><a href="/art/2023/1/18/art_1_98.html" title="某市民政局2022年政府信息公开工作年度报告">某市民政局2022年…</a></li>]]></record>
      </recordset></datastore></script></div>`;
    expect(findReportLinks(html, BASE).map((l) => [l.url, l.year])).toEqual([
      ['https://www.example.gov.cn/art/2024/1/20/art_1_99.html', 2023],
      ['https://www.example.gov.cn/art/2023/1/18/art_1_98.html', 2022],
    ]);
  });

  it('reads a truncated link text from its title, and keeps each URL once', () => {
    const html = `<a href="a.htm" title="某某委员会2022年政府信息公开工作年度报告">某某委员会2022年政府信息...</a>
      <a href="a.htm">某某委员会2022年政府信息公开工作年度报告</a><a href="javascript:void(0)">2021年政府信息公开年报</a>`;
    expect(findReportLinks(html, BASE).map((l) => [l.url, l.year])).toEqual([
      ['https://www.example.gov.cn/zwgk/zfxxgknb/a.htm', 2022],
    ]);
  });
});

describe('findPageLinks', () => {
  it('expands createPageHTML, with numbers or script variables', () => {
    const html =
      '<script>var countPage = 3;//共多少页\ncreatePageHTML(countPage, 0, "index", "html");</script>';
    expect(findPageLinks(html, BASE)).toEqual([
      'https://www.example.gov.cn/zwgk/zfxxgknb/index_1.html',
      'https://www.example.gov.cn/zwgk/zfxxgknb/index_2.html',
    ]);
    const divFirst = "<script>createPageHTML('page_div', 2, 1, 'list', 'shtml', 35);</script>";
    expect(findPageLinks(divFirst, BASE)).toEqual([
      'https://www.example.gov.cn/zwgk/zfxxgknb/list.shtml',
      'https://www.example.gov.cn/zwgk/zfxxgknb/list_1.shtml',
    ]);
  });

  it('follows numbered links that page by query string', () => {
    const html = '<a href="list.jsp?channel=12&amp;page=2">2</a><a href="list.jsp?channel=12&amp;id=7">7</a>';
    expect(findPageLinks(html, BASE)).toEqual([
      'https://www.example.gov.cn/zwgk/zfxxgknb/list.jsp?channel=12&page=2',
    ]);
  });

  it('follows 下一页 and numbered page links on the same site only', () => {
    const html = `<a href="page_2.html">下一页</a><a href="page_3.html">3</a><a href="https://other.example.com/index_1.html">下一页</a>
      <a href="/zwgk/tzgg/index.html">通知公告</a><a href="javascript:next()">下一页</a>`;
    expect(findPageLinks(html, BASE)).toEqual([
      'https://www.example.gov.cn/zwgk/zfxxgknb/page_2.html',
      'https://www.example.gov.cn/zwgk/zfxxgknb/page_3.html',
    ]);
  });
});

describe('findAttachments', () => {
  it('finds linked and embedded PDF/DOC(X) files, including a pdf.js viewer’s ?file=', () => {
    const html = `<p>附件：<a href="./P020240115.pdf">年报.pdf</a> <a href="/files/年报.docx">年报.docx</a></p>
      <iframe src="/pdfjs/web/viewer.html?file=/uploadfiles/r.pdf"></iframe><a href="t1.htm">上一篇</a>`;
    expect(findAttachments(html, 'https://www.example.gov.cn/a/b/t1.htm')).toEqual([
      'https://www.example.gov.cn/a/b/P020240115.pdf',
      'https://www.example.gov.cn/files/%E5%B9%B4%E6%8A%A5.docx',
      'https://www.example.gov.cn/uploadfiles/r.pdf',
    ]);
  });

  it('reads years only in range', () => {
    expect(yearOf('1888年')).toBeUndefined();
    expect(yearOf('第12345号 2021年')).toBe(2021);
  });
});

describe('findAttachments order', () => {
  it('puts the file named as the report before a sidebar form', () => {
    const html = `<div class="side"><a href="/files/申请表.doc">政府信息公开申请表</a></div>
      <div class="content"><p>附件：<a href="/files/P0201.pdf">P0201.pdf</a></p></div>
      <p><a href="/files/nb.docx">某县2023年政府信息公开工作年度报告</a></p>`;
    expect(findAttachments(html, 'https://www.example.gov.cn/a/t1.htm')).toEqual([
      'https://www.example.gov.cn/files/nb.docx',
      'https://www.example.gov.cn/files/P0201.pdf',
      'https://www.example.gov.cn/files/%E7%94%B3%E8%AF%B7%E8%A1%A8.doc',
    ]);
  });
});
