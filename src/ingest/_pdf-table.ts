import type { PdfCell, PdfLine } from './_pdf-lines.ts';

/** A value cell: a number, or a dash/slash written for "none". */
const VALUE = /^(?:[-+]?\d[\d,]*(?:\.\d+)?%?|[-—–/／]|－)$/;
/** Rows further apart than this many font sizes do not lend each other columns. */
const NEIGHBOUR_SPAN = 5;

interface Row {
  line: PdfLine;
  labels: PdfCell[];
  values: PdfCell[];
}

/** One glyph of a label written vertically down the table's left edge (`三、`, `本`, `年` …). */
const VERTICAL_GLYPH = /^[\u3400-\u9fff][、，]?$/;

function toRow(line: PdfLine): Row {
  const [head, ...rest] = line.cells;
  if (head && rest.length > 0 && VERTICAL_GLYPH.test(head.text)) line = { ...line, cells: rest };
  const first = line.cells.findIndex((c) => VALUE.test(c.text));
  if (first < 0) return { line, labels: line.cells, values: [] };
  return { line, labels: line.cells.slice(0, first), values: line.cells.slice(first) };
}

const overlaps = (c: PdfCell, col: { x0: number; x1: number }) => {
  const slack = 0.5 * c.size;
  return c.x0 - slack <= col.x1 && c.x1 + slack >= col.x0;
};

/** Column slot of each value, left to right, or null when the values do not fit the columns. */
function placeValues(
  values: readonly PdfCell[],
  cols: readonly { x0: number; x1: number }[],
): number[] | null {
  const slots: number[] = [];
  let next = 0;
  for (const v of values) {
    while (next < cols.length && !overlaps(v, cols[next]!)) next++;
    if (next >= cols.length) return null;
    slots.push(next++);
  }
  return slots;
}

/** Columns a short row can borrow: a nearby fuller row's values, or the header line just above. */
function findColumns(rows: readonly Row[], i: number): { x0: number; x1: number }[][] {
  const row = rows[i]!;
  const span = NEIGHBOUR_SPAN * Math.max(...row.values.map((v) => v.size));
  const near = (r: Row) => r.line.page === row.line.page && Math.abs(r.line.y - row.line.y) <= span;
  const options: { x0: number; x1: number }[][] = [];
  for (let j = i - 1; j >= 0 && near(rows[j]!); j--) {
    const r = rows[j]!;
    if (r.values.length === 0 && r.labels.length >= 2) {
      options.push(r.labels.slice(1));
      break;
    }
    if (r.values.length > row.values.length) options.push(r.values);
  }
  for (let j = i + 1; j < rows.length && near(rows[j]!); j++) {
    const r = rows[j]!;
    if (r.values.length === 0 && r.labels.length >= 2) break;
    if (r.values.length > row.values.length) options.push(r.values);
  }
  return options.sort((a, b) => b.length - a.length);
}

/** Renders a row as tab-separated cells, with an empty cell for each blank column. */
function renderRow(rows: readonly Row[], i: number): string {
  const row = rows[i]!;
  const labels = row.labels.map((c) => c.text);
  if (row.values.length === 0) return labels.join('\t');
  for (const cols of findColumns(rows, i)) {
    if (cols.length <= row.values.length) continue;
    const slots = placeValues(row.values, cols);
    if (!slots) continue;
    const out: string[] = new Array(cols.length).fill('');
    slots.forEach((s, k) => {
      out[s] = row.values[k]!.text;
    });
    return [...labels, ...out].join('\t');
  }
  return [...labels, ...row.values.map((c) => c.text)].join('\t');
}

const isStrayGlyph = (r: Row) =>
  r.line.cells.length === 1 && r.values.length === 0 && /^[\u3400-\u9fff]$/.test(r.labels[0]!.text);

/** Lines as text: one line per visual line, table cells tab-separated, stray one-glyph lines beside tables dropped. */
export function renderLines(lines: readonly PdfLine[]): { text: string; page: number }[] {
  const rows = lines.map(toRow);
  const out: { text: string; page: number }[] = [];
  rows.forEach((row, i) => {
    if (isStrayGlyph(row)) {
      const beside = [rows[i - 1], rows[i + 1]].some((r) => r && r.line.cells.length > 1);
      const strayRun = [rows[i - 1], rows[i + 1]].some((r) => r && isStrayGlyph(r));
      if (beside || strayRun) return;
    }
    out.push({ text: renderRow(rows, i), page: row.line.page });
  });
  return out;
}
