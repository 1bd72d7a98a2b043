import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import { PDF_NAMES, readPdf, readPdfGold } from './_build.ts';

describe('PDF → extractText → parseReport equals the hand-made gold', () => {
  it.each(PDF_NAMES)('%s: all 200 fields (nulls included), agency and year', async (name) => {
    const bytes = readPdf(name);
    const extracted = await extractText(bytes, `${name}.pdf`);
    if (!extracted.ok) throw new Error(extracted.error.code);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const parsed = parseReport(extracted.value.text, { file: `${name}.pdf`, sha256 });
    if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
    const gold = readPdfGold(name);
    expect(Object.keys(gold.values)).toHaveLength(200);
    const wrong = Object.entries(gold.values).flatMap(([field, want]) => {
      const got = parsed.report.values[field];
      return got === want ? [] : [{ field, want, got }];
    });
    expect(wrong).toEqual([]);
    expect(parsed.report.agency).toBe(gold.agency);
    expect(parsed.report.year).toBe(gold.year);
  });
});
