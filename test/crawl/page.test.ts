/** Which charset a downloaded page is read in: its <meta>, else the HTTP header, unless the bytes say otherwise. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bytesForIngest } from '../../src/crawl/_page.ts';
import type { FetchedResource } from '../../src/fetch/index.ts';
import { extractText } from '../../src/ingest/index.ts';

const TEXT = '某县人民政府2023年政府信息公开工作年度报告，行政处罚';
/** Big5 holds traditional characters only. */
const TRAD = '某縣人民政府2023年政府資訊公開工作年度報告';

function page(bytes: Uint8Array, charset?: string): FetchedResource {
  return { url: 'http://x/', finalUrl: 'http://x/', status: 200, mediaType: 'text/html', charset, bytes };
}
const html = (meta = '', text = TEXT) =>
  `<html><head>${meta}<title>t</title></head><body><p>${text}</p></body></html>`;

describe('bytesForIngest', () => {
  it.each([
    ['GBK bytes, charset only in the header', iconv.encode(html(), 'gbk'), 'gbk'],
    ['GB18030 bytes, header says gb2312', iconv.encode(html(), 'gb18030'), 'gb2312'],
    ['Big5 bytes, charset only in the header', iconv.encode(html('', TRAD), 'big5'), 'big5', TRAD],
    [
      'GBK bytes, <meta> says gb2312, header says utf-8',
      iconv.encode(html('<meta charset="gb2312">'), 'gbk'),
      'utf-8',
    ],
    ['UTF-8 bytes, header wrongly says GBK', new TextEncoder().encode(html()), 'gbk'],
    ['UTF-8 bytes, no charset anywhere', new TextEncoder().encode(html()), undefined],
  ] as [string, Uint8Array, string | undefined, string?][])(
    '%s',
    async (_name, bytes, charset, text = TEXT) => {
      const extracted = await extractText(bytesForIngest(page(new Uint8Array(bytes), charset)), 'p.htm');
      expect(extracted.ok && extracted.value.text).toContain(text);
    },
  );

  it('keeps a PDF byte for byte whatever the header says', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n');
    expect(bytesForIngest(page(bytes, 'gbk'))).toBe(bytes);
  });
});
