import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { buildDocx } from './_build.ts';

describe('DOCX', () => {
  it('goes through HTML, so table cells, merged cells and blank cells survive', async () => {
    const bytes = await buildDocx([
      '某县人民政府2024年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      [
        [{ text: '信息内容' }, { text: '本年制发件数' }, { text: '本年废止件数' }, { text: '现行有效件数' }],
        [{ text: '规章' }, { text: '0' }, { text: '' }, { text: '3' }],
        [{ text: '行政许可' }, { text: '2754', span: 3 }],
        [
          { text: '（三）不予公开', merge: 'restart' },
          { text: '1. 属于国家秘密' },
          { text: '0' },
          { text: '0' },
        ],
        [
          { text: '', merge: 'continue' },
          { text: '2. 其他法律行政法规禁止公开' },
          { text: '1' },
          { text: '1' },
        ],
      ],
    ]);
    // a file saved with the wrong name is still recognised by its bytes
    const r = await extractText(bytes, 'report.bin');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('docx');
    expect(r.value.text.trimEnd().split('\n')).toEqual([
      '某县人民政府2024年政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
      '规章\t0\t\t3',
      '行政许可\t2754\t\t',
      '（三）不予公开\t1. 属于国家秘密\t0\t0',
      '\t2. 其他法律行政法规禁止公开\t1\t1',
    ]);
  });

  it('a zip that is not a Word document is refused with UNSUPPORTED_FORMAT', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const r = await extractText(await zip.generateAsync({ type: 'uint8array' }), 'report.docx');
    expect(r.ok ? 'ok' : r.error.code).toBe('UNSUPPORTED_FORMAT');
  });

  it('a broken Word file gets DOCX_UNREADABLE', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document><w:body>');
    const r = await extractText(await zip.generateAsync({ type: 'uint8array' }), 'report.docx');
    expect(r.ok ? 'ok' : r.error.code).toBe('DOCX_UNREADABLE');
  });
});
