import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/parse/metadata.ts';
import { REPORTS_DIR, ROOT } from '../helpers.ts';

/**
 * The bundled reports against data/sources.tsv. The manifest is data about the files
 * (from the crawl archive's own manifest and the fixtures' sources): the parser never reads it,
 * this test compares what the parser reads from each text with it.
 */
interface Row {
  file: string;
  agency: string;
  year: number;
  published: string | null;
  url: string | null;
}

const lines = readFileSync(join(ROOT, 'data', 'sources.tsv'), 'utf8')
  .trimEnd()
  .split('\n');
const head = lines[0]!.split('\t');
const rows: Row[] = lines.slice(1).map((l) => {
  const cell = Object.fromEntries(l.split('\t').map((v, i) => [head[i], v]));
  return {
    file: cell.file!,
    agency: cell.agency!,
    year: Number(cell.year),
    published: cell.published || null,
    url: cell.url || null,
  };
});
const corpus = rows.filter((r) => r.file.startsWith('ptzhsyq'));

describe('the bundled reports and their manifest', () => {
  it('lists every bundled report once; data/reports holds nothing else', () => {
    const files = readdirSync(REPORTS_DIR);
    expect(rows.map((r) => r.file).sort()).toEqual(files.sort());
    expect(rows).toHaveLength(83);
    expect(corpus).toHaveLength(75);
    expect(new Set(corpus.map((r) => r.agency)).size).toBe(18);
  });

  it.each(corpus.map((r) => [r.file, r] as const))('%s: agency, year, publish date and URL', (file, want) => {
    const got = readMetadata(readFileSync(join(REPORTS_DIR, file), 'utf8'));
    expect({
      agency: got?.agency,
      year: got?.title.year,
      published: got?.published,
      url: got?.url,
      kind: got?.kind,
      region: got?.region,
    }).toEqual({
      agency: want.agency,
      year: want.year,
      published: want.published,
      url: want.url,
      kind: 'dept',
      region: { name: '平潭县', code: '350128', province: '福建省', city: '福州市' },
    });
  });

  it('the seeds keep their agency and year, with no URL or page date', () => {
    for (const want of rows.filter((r) => /^\d{3}_/.test(r.file))) {
      const got = readMetadata(readFileSync(join(REPORTS_DIR, want.file), 'utf8'));
      expect([got?.agency, got?.title.year, got?.url, got?.published], want.file).toEqual([
        want.agency,
        want.year,
        null,
        null,
      ]);
    }
  });
});
