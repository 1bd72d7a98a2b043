import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { FIXTURES_DIR } from '../helpers.ts';

const read = (name: string) => readFileSync(join(FIXTURES_DIR, 'real', name));

describe('Word 97–2003 (.doc)', () => {
  it('lays each table row out on its own line, cells tab-separated, blanks kept', async () => {
    // recognised by its bytes, whatever the name
    const r = await extractText(read('shuyang-fgj-2023.doc'), 'report.bin');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.format).toBe('doc');
    const lines = r.value.text.split('\n');
    expect(lines).toContain('规范性文件\t8\t0\t18');
    // table 三: the row-end mark and the next row's merged label cell are not cells of this row
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t26\t\t\t\t\t\t26');
    expect(lines).toContain('三、本年度办理结果\t（一）予以公开\t26\t\t\t\t\t\t26');
    // a paragraph break inside a heading cell (商业\n企业) is joined back
    expect(lines.some((l) => l.includes('商业企业\t科研机构'))).toBe(true);
    // table 四: its one row of figures, apart from the headings above it
    expect(lines).toContain(['0', '0', '0', '1', '1', ...Array(10).fill('0')].join('\t'));
  });

  it('keeps the blank cells at the end of table 四', async () => {
    const r = await extractText(read('shanghai-office-2019.doc'), 'x.doc');
    expect(r.ok && r.value.text.split('\n')).toContain('5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t');
  });

  it('refuses a broken OLE file with UNSUPPORTED_FORMAT naming it', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(600)]);
    const r = await extractText(bytes, 'report.doc');
    expect(r.ok ? 'ok' : r.error.code).toBe('UNSUPPORTED_FORMAT');
    expect(r.ok ? '' : r.error.message).toMatch(/^report\.doc /);
  });
});
