import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractText } from '../../src/ingest/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import { goldFor, readSeed, seedFiles } from '../helpers.ts';
import { buildDocx, encodeGbk } from './_build.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Runs of tab-separated lines become tables; other lines paragraphs. */
function blocks(text: string): ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] {
  const out: ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] = [];
  for (const line of text.split(/\r?\n/)) {
    const last = out.at(-1);
    if (line.includes('\t')) {
      if (last?.kind === 'table') last.rows.push(line.split('\t'));
      else out.push({ kind: 'table', rows: [line.split('\t')] });
    } else if (line.trim()) out.push({ kind: 'p', text: line.trim() });
  }
  return out;
}

function toHtml(text: string, charset: string): string {
  const body = blocks(text)
    .map((b) =>
      b.kind === 'p'
        ? `<p>${esc(b.text)}</p>`
        : `<table border="1">${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')}</table>`,
    )
    .join('\n');
  return `<html><head><meta charset="${charset}"></head><body>\n${body}\n</body></html>`;
}

function toMarkdown(text: string): string {
  return blocks(text)
    .map((b) => {
      if (b.kind === 'p') return b.text;
      const width = Math.max(...b.rows.map((r) => r.length));
      const row = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
      return [row(b.rows[0]!), row(Array(width).fill('---')), ...b.rows.slice(1).map(row)].join('\n');
    })
    .join('\n\n');
}

function toDocx(text: string): Promise<Uint8Array> {
  return buildDocx(
    blocks(text).map((b) =>
      b.kind === 'p' ? esc(b.text) : b.rows.map((r) => r.map((c) => ({ text: esc(c) }))),
    ),
  );
}

const FORMATS: [string, (text: string) => Promise<Uint8Array> | Uint8Array][] = [
  ['HTML (UTF-8)', (t) => new TextEncoder().encode(toHtml(t, 'utf-8'))],
  ['HTML (GBK)', (t) => encodeGbk(toHtml(t, 'gbk'))],
  ['markdown', (t) => new TextEncoder().encode(toMarkdown(t))],
  ['GBK text', (t) => encodeGbk(t)],
  ['DOCX', toDocx],
];

const cases = seedFiles().flatMap((file) =>
  FORMATS.map(([format, build]) => [basename(file), format, file, build] as const),
);

describe('seed reports re-encoded in other formats parse to the same gold', () => {
  it.each(cases)('%s as %s', async (_name, _format, file, build) => {
    const bytes = await build(readSeed(file));
    const extracted = await extractText(bytes, 'upload');
    if (!extracted.ok) throw new Error(extracted.error.code);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const parsed = parseReport(extracted.value.text, { file: 'upload', sha256 });
    if (!parsed.ok) throw new Error(`${parsed.error.code}: ${parsed.error.message}`);
    const gold = goldFor(file);
    const wrong = Object.entries(gold.values).flatMap(([field, want]) => {
      const got = parsed.report.values[field];
      return got === want ? [] : [{ field, want, got }];
    });
    expect(wrong).toEqual([]);
  });
});
