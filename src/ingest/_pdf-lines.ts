import { collapseWhitespace } from './_text.ts';

/** One positioned text run of a PDF page (PDF user space: y grows upwards). */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  /** Advance width in points. */
  w: number;
  /** Font size in points. */
  size: number;
  /** Rendered height in points (a vertical stack of glyphs is taller than its font). */
  h: number;
}

/** A visual line: items sharing a baseline, in x order, cut into cells at wide gaps. */
export interface PdfLine {
  page: number;
  y: number;
  cells: PdfCell[];
}

export interface PdfCell {
  text: string;
  x0: number;
  x1: number;
  size: number;
}

/** Page footers such as `-3-`, `- 3 -`, `— 3 —`, `第 3 页`. */
const FOOTER = /^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?)$/;

/** Share of the smaller font size two baselines may differ by and still be one line. */
const SAME_LINE = 0.35;
/** A horizontal gap wider than this share of the font size starts a new table cell. */
const CELL_GAP = 0.95;
/** A gap wider than this share of the font size is kept as a space inside a cell. */
const WORD_GAP = 0.2;

export function isFooter(str: string): boolean {
  return FOOTER.test(str.trim());
}

/** Drops blank runs, page footers and vertically stacked group labels (one glyph per row). */
export function keepItem(item: PdfItem): boolean {
  const s = item.str.trim();
  if (!s || isFooter(s)) return false;
  const stacked = item.h > 1.8 * item.size && item.w <= 1.5 * item.size;
  return !stacked;
}

/** Share of the page height at top and bottom where a bare number is a page number. */
const MARGIN = 0.07;

/** A line holding only a bare page number (`3`) in the top or bottom margin of a page boxed `[x0, y0, x1, y1]`. */
export function isMarginPageNumber(line: PdfLine, view: readonly number[]): boolean {
  if (line.cells.length !== 1 || !/^\d{1,3}$/.test(line.cells[0]!.text)) return false;
  const [, y0 = 0, , y1 = 0] = view;
  const margin = MARGIN * (y1 - y0);
  return line.y < y0 + margin || line.y > y1 - margin;
}

/** Relative advance of a character: CJK and full-width forms are about twice as wide as Latin and digits. */
const measureAdvance = (ch: string) =>
  /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;

/** Splits a run at wide runs of spaces (some generators set a whole table row as one run), placing parts by advance. */
export function explodeItem(item: PdfItem): PdfItem[] {
  if (!/\S\s{2,}\S/.test(item.str)) return [item];
  const total = [...item.str].reduce((n, ch) => n + measureAdvance(ch), 0);
  const parts: PdfItem[] = [];
  for (const m of item.str.matchAll(/\S+(?:\s\S+)*/g)) {
    const lead = [...item.str.slice(0, m.index)].reduce((n, ch) => n + measureAdvance(ch), 0);
    const own = [...m[0]].reduce((n, ch) => n + measureAdvance(ch), 0);
    parts.push({ ...item, str: m[0], x: item.x + (item.w * lead) / total, w: (item.w * own) / total });
  }
  return parts.length > 0 ? parts : [item];
}

/** Groups items into visual lines, top to bottom. */
export function groupLines(items: readonly PdfItem[], page: number): PdfLine[] {
  const sorted = items.flatMap(explodeItem).sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: { y: number; minSize: number; items: PdfItem[] }[] = [];
  for (const item of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(g.y - item.y) <= SAME_LINE * Math.min(g.minSize, item.size)) {
      g.items.push(item);
      g.y = g.items.reduce((s, i) => s + i.y, 0) / g.items.length;
      g.minSize = Math.min(g.minSize, item.size);
    } else {
      groups.push({ y: item.y, minSize: item.size, items: [item] });
    }
  }
  return groups.map((g) => ({ page, y: g.y, cells: splitCells(g.items) }));
}

/** Joins runs of one line into cells: a small gap joins (CJK runs are split per glyph run), a wide one cuts. */
function splitCells(items: PdfItem[]): PdfCell[] {
  const byX = [...items].sort((a, b) => a.x - b.x);
  const cells: PdfCell[] = [];
  for (const item of byX) {
    const cell = cells.at(-1);
    const gap = cell ? item.x - cell.x1 : Number.POSITIVE_INFINITY;
    const size = Math.min(cell?.size ?? item.size, item.size);
    const text = item.str.replace(/\s+/g, ' ');
    if (cell && gap <= CELL_GAP * size) {
      const space = gap > WORD_GAP * size && !cell.text.endsWith(' ') && !text.startsWith(' ');
      cell.text += (space ? ' ' : '') + text;
      cell.x1 = Math.max(cell.x1, item.x + item.w);
      cell.size = Math.max(cell.size, item.size);
    } else {
      cells.push({ text, x0: item.x, x1: item.x + item.w, size: item.size });
    }
  }
  for (const c of cells) c.text = collapseWhitespace(c.text);
  return cells.filter((c) => c.text !== '');
}
