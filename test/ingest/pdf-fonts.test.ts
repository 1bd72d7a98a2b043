import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hideMappedFontPrograms } from '../../src/ingest/_pdf-fonts.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));
const count = (bytes: Uint8Array, re: RegExp) => Buffer.from(bytes).toString('latin1').match(re)?.length ?? 0;

describe('font programs hidden from pdf.js when ToUnicode maps the text', () => {
  it.each(['hongzequ_2023.pdf', 'hongzequ_2024.pdf', 'huaianshi_2024.pdf'])(
    '%s: every descriptor of a ToUnicode font loses its program key, nothing moves, the input is kept',
    (name) => {
      const bytes = fixture(name);
      const before = Buffer.from(bytes).toString('latin1');
      const out = hideMappedFontPrograms(bytes);
      expect(out.length).toBe(bytes.length);
      expect(Buffer.from(bytes).toString('latin1')).toBe(before);
      const programs = count(bytes, /\/FontFile[23]?[\s/<>[\]]/g);
      expect(programs).toBeGreaterThan(0);
      expect(count(out, /\/FontFile[23]?[\s/<>[\]]/g)).toBe(0);
      expect(count(out, /\/FontFilX[23]?[\s/<>[\]]/g)).toBe(programs);
    },
  );

  it('a font without ToUnicode keeps its program', () => {
    const text = Buffer.from(fixture('hongzequ_2023.pdf'))
      .toString('latin1')
      .replaceAll('/ToUnicode', '/ToUnicodX');
    const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
    expect(hideMappedFontPrograms(bytes)).toEqual(bytes);
  });

  it('a file with object streams is left whole (a font inside one could not be followed)', () => {
    const bytes = new Uint8Array(
      Buffer.concat([
        Buffer.from(fixture('hongzequ_2024.pdf')),
        Buffer.from('\n99 0 obj << /Type /ObjStm >> endobj\n'),
      ]),
    );
    expect(hideMappedFontPrograms(bytes)).toEqual(bytes);
  });
});
