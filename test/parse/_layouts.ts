/** The layouts real extractors print the three tables in, rendered from one gold record. */
import { LEGAL_HEAD, Tables, widthOf, wrap } from './_layout-render.ts';

export interface Parts {
  active: string[];
  apply: string[];
  legal: string[];
}

const show = (c: number | '') => String(c);
const PAGE_BREAK = ['- 3 -', '', '第 3 页 共 6 页'];

/* ---------- tab-separated grids (Word/HTML table converters) ---------- */

export type LegalShape = 'one-line' | 'labelled' | 'subtotal' | 'one-per-line';

function legalRows(t: Tables, shape: LegalShape, sep: string): string[] {
  const v = t.legal.map(show);
  const head = [
    ['行政复议', '', '', '', '', '行政诉讼'].join(sep),
    [...LEGAL_HEAD, '未经复议直接起诉', '', '', '', '', '复议后起诉'].join(sep),
    ['', '', '', '', '', ...LEGAL_HEAD, ...LEGAL_HEAD].join(sep),
  ];
  switch (shape) {
    case 'one-line':
      return [...head, v.join(sep)];
    case 'labelled':
      return [
        ['', ...LEGAL_HEAD].join(sep),
        ['行政复议', ...v.slice(0, 5)].join(sep),
        ['未经复议直接起诉', ...v.slice(5, 10)].join(sep),
        ['复议后起诉', ...v.slice(10)].join(sep),
      ];
    case 'subtotal': {
      const n = (c: number | '') => (c === '' ? 0 : c);
      const sum = n(t.legal[9]!) + n(t.legal[14]!);
      return [
        ...head.slice(0, 2).map((h) => `${h}${sep}合计`),
        head[2]!,
        [...v, sum === 0 && t.opts.blankZeros === 'all' ? '' : String(sum)].join(sep),
      ];
    }
    case 'one-per-line':
      return [...head, ...v.filter((c) => c !== '')];
  }
}

function tabActive(t: Tables, sep = '\t'): string[] {
  return t.active.flatMap((g) => [
    [g.group, '', '', ''].join(sep),
    ['信息内容', ...g.head, ...new Array(3 - g.head.length).fill('')].join(sep),
    ...g.rows.map((r) => [r.label, ...r.cells.map(show)].join(sep)),
  ]);
}

/** Label cells of a table 三 row, in 1, 2 or 3 label columns. */
function labelCells(row: Tables['apply'][number], cols: 1 | 2 | 3): string[] {
  if (cols === 1) return [Tables.fullLabel(row)];
  const inResults = row.id !== 'new_received' && row.id !== 'carried_in' && row.id !== 'carried_out';
  if (!inResults) return [row.label, ...new Array(cols - 1).fill('')];
  if (cols === 2) return [row.top ?? row.group ?? '', row.label];
  const grouped = row.group !== undefined || /^\d/.test(row.label);
  return grouped ? [row.top ?? '', row.group ?? '', row.label] : [row.top ?? '', row.label, ''];
}

export interface TabOptions {
  labelCols: 1 | 2 | 3;
  legal?: LegalShape;
  pageBreak?: boolean;
}

export function tabLayout(t: Tables, o: TabOptions): Parts {
  const pad = new Array(o.labelCols).fill('');
  const head = [[...pad, '申请人情况'].join('\t'), [...pad, ...t.applyHead()].join('\t')];
  const apply = [...head];
  for (const row of t.apply) {
    if (o.pageBreak && row.id === 'np_petition') apply.push(...PAGE_BREAK, ...head);
    apply.push([...labelCells(row, o.labelCols), ...row.cells.map(show)].join('\t'));
  }
  return { active: tabActive(t), apply, legal: legalRows(t, o.legal ?? 'one-line', '\t') };
}

/* ---------- markdown tables ---------- */

export interface MarkdownOptions {
  outerPipes: boolean;
  bold: boolean;
  labelCols: 1 | 2;
}

function mdRow(cells: string[], o: MarkdownOptions): string {
  const inner = cells.map((c) => (c === '' ? ' ' : c)).join(' | ');
  return o.outerPipes ? `| ${inner} |` : inner;
}

function mdTable(rows: string[][], o: MarkdownOptions): string[] {
  const sep = rows[0]!.map(() => '---');
  return ['', mdRow(rows[0]!, o), mdRow(sep, o), ...rows.slice(1).map((r) => mdRow(r, o)), ''];
}

export function markdownLayout(t: Tables, o: MarkdownOptions): Parts {
  const b = (s: string) => (o.bold && s ? `**${s}**` : s);
  const active = t.active.flatMap((g) => [
    b(g.group),
    ...mdTable([['信息内容', ...g.head], ...g.rows.map((r) => [b(r.label), ...r.cells.map(show)])], o),
  ]);
  const pad = new Array(o.labelCols).fill('');
  const apply = mdTable(
    [
      [...pad, ...t.applyHead()],
      ...t.apply.map((row) => [...labelCells(row, o.labelCols).map(b), ...row.cells.map(show)]),
    ],
    o,
  );
  const v = t.legal.map(show);
  const legal = mdTable(
    [
      ['行政复议', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
      [...LEGAL_HEAD, ...LEGAL_HEAD, ...LEGAL_HEAD],
      v,
    ],
    o,
  );
  return { active, apply, legal };
}

/* ---------- pdftotext -layout: space-aligned columns ---------- */

export interface SpaceOptions {
  /** Label characters per printed line (long labels wrap). */
  wrapAt: number;
  /** Where a wrapped label's numbers sit. */
  numbersOn: 'first' | 'last' | 'own';
  /**
   * Group labels on their own line before the group, in a left column on the group's middle row,
   * or split over two rows of that column (（三）不 / 予公开).
   */
  groups: 'own-line' | 'left-column' | 'split-left';
  /** 三、本年度办理结果 printed vertically, one character per line between rows or in a left margin. */
  vertical: boolean | 'margin';
  legal?: LegalShape;
  pageBreak?: boolean;
  /** Width of each number column. */
  colWidth?: number;
  /** Positions counted in characters (pdftotext's grid) instead of display columns. */
  charGrid?: boolean;
  /** Numbers and headings centred in their columns instead of right-aligned. */
  centred?: boolean;
}

/**
 * pdftotext's character grid: every word starts at the character index of its x position, so a
 * CJK word (two columns wide, one character each) is followed by more spaces than on screen.
 */
function toCharGrid(line: string): string {
  let out = '';
  let display = 0;
  for (const m of line.matchAll(/(\s*)(\S+)/g)) {
    display += widthOf(m[1]!);
    out += ' '.repeat(Math.max(out ? 1 : 0, display - out.length)) + m[2]!;
    display += widthOf(m[2]!);
  }
  return out;
}

/** Padding in display columns (CJK two wide), numbers right-aligned or centred. */
function padders(centred: boolean | undefined) {
  const w = widthOf;
  const end = (s: string, n: number) => s + ' '.repeat(Math.max(1, n - w(s)));
  const start = (s: string, n: number) => {
    const room = Math.max(1, n - w(s));
    const before = centred ? Math.max(1, Math.ceil(room / 2)) : room;
    return ' '.repeat(before) + s + ' '.repeat(room - before > 0 && centred ? room - before : 0);
  };
  return { w, end, start };
}

export function spaceLayout(t: Tables, o: SpaceOptions): Parts {
  const p = padders(o.centred);
  // columns as wide as the widest heading (社会公益组织): a narrower heading would wrap
  const cw = o.colWidth ?? 14;
  const LW = 2 * o.wrapAt + 4;
  const GW = (o.groups === 'own-line' ? 0 : 18) + (o.vertical === 'margin' ? 4 : 0);
  const nums = (cells: (number | '')[]) => cells.map((c) => p.start(show(c), cw)).join('');
  const active = t.active.flatMap((g) => [
    `${' '.repeat(20)}${g.group}`,
    p.end('信息内容', 20) + g.head.map((h) => p.start(h, 28)).join(''),
    ...g.rows.map((r) => p.end(r.label, 20) + r.cells.map((c) => p.start(show(c), 28)).join('')),
  ]);
  const head = [
    `${' '.repeat(GW + LW)}申请人情况`,
    ' '.repeat(GW + LW) +
      t
        .applyHead()
        .map((h) => p.start(h, cw))
        .join(''),
  ];
  const apply = [...head];
  const vertical = o.vertical ? [...'三、本年度办理结果'] : [];
  let inTop = false;
  const groupRows = new Map<string, string[]>();
  for (const row of t.apply) {
    const key = row.id.replace(/_.*/, '_');
    if (row.group) groupRows.set(key, []);
    groupRows.get(key)?.push(row.id);
  }
  /** The left column of a row's first line: vertical character, group label or part of it. */
  const leftOf = (row: Tables['apply'][number]): string => {
    let left = '';
    if (o.vertical === 'margin' && inTop && vertical.length > 0) left = p.end(vertical.shift()!, 4);
    else if (o.vertical === 'margin') left = '    ';
    const members = [...groupRows.values()].find((ids) => ids.includes(row.id));
    if (o.groups !== 'own-line' && members) {
      const name = [...groupRows.entries()].find(([, ids]) => ids === members)![0];
      const group = t.apply.find((r) => r.id.startsWith(name) && r.group)!.group!;
      const mid = Math.floor((members.length - 1) / 2);
      const k = members.indexOf(row.id);
      if (o.groups === 'left-column' && k === mid) return p.end(left + group, GW);
      const half = Math.ceil(group.length / 2);
      if (o.groups === 'split-left' && (k === mid || k === mid + 1))
        return p.end(left + (k === mid ? group.slice(0, half) : group.slice(half)), GW);
    }
    return left ? p.end(left, GW) : ' '.repeat(GW);
  };
  for (const row of t.apply) {
    if (o.pageBreak && row.id === 'np_petition') apply.push(...PAGE_BREAK, ...head);
    if (row.top) inTop = true;
    if (row.id === 'carried_out') inTop = false;
    if (o.vertical === true && inTop && vertical.length > 0) apply.push(`  ${vertical.shift()}`);
    if (row.top && !o.vertical) apply.push(row.top);
    if (row.group && o.groups === 'own-line') apply.push(`  ${row.group}`);
    const left = leftOf(row);
    const lines = wrap(row.label, o.wrapAt);
    const at =
      lines.length === 1 ? 0 : o.numbersOn === 'first' ? 0 : o.numbersOn === 'last' ? lines.length - 1 : -1;
    lines.forEach((l, i) => {
      const indent = i === 0 ? left : ' '.repeat(GW);
      apply.push(i === at ? p.end(indent + l, GW + LW) + nums(row.cells) : indent + l);
    });
    if (at < 0) apply.push(' '.repeat(GW + LW) + nums(row.cells));
  }
  const parts = { active, apply, legal: legalSpace(t, o.legal ?? 'one-line', p) };
  if (!o.charGrid) return parts;
  return { active: active.map(toCharGrid), apply: apply.map(toCharGrid), legal: parts.legal.map(toCharGrid) };
}

/** Table 四 as -layout prints it: headings over their columns, numbers right-aligned under them. */
function legalSpace(t: Tables, shape: LegalShape, p: ReturnType<typeof padders>): string[] {
  if (shape === 'one-per-line') return legalRows(t, shape, '    ');
  const W = 10;
  const at = (cells: string[], lead = 0) => ' '.repeat(lead) + cells.map((c) => p.start(c, W)).join('');
  const v = t.legal.map(show);
  if (shape === 'labelled') {
    const L = 20;
    return [
      at(LEGAL_HEAD, L),
      ...['行政复议', '未经复议直接起诉', '复议后起诉'].map(
        (g, i) => p.end(g, L) + at(v.slice(5 * i, 5 * i + 5)),
      ),
    ];
  }
  const sub = shape === 'subtotal';
  const n = (c: number | '') => (c === '' ? 0 : c);
  const total = n(t.legal[9]!) + n(t.legal[14]!);
  // group headings centred over their five columns
  const over = (text: string, first: number, cols: number) =>
    [text, (first + cols / 2) * W + p.w(text) / 2] as const;
  const placed = (cells: readonly (readonly [string, number])[]) => {
    let line = '';
    for (const [text, right] of cells) line += ' '.repeat(Math.max(1, right - p.w(line) - p.w(text))) + text;
    return line;
  };
  return [
    placed([over('行政复议', 0, 5), over('行政诉讼', 5, 10)]),
    placed([
      ...LEGAL_HEAD.map((h, i) => [h, (i + 1) * W] as const),
      over('未经复议直接起诉', 5, 5),
      over('复议后起诉', 10, 5),
      ...(sub ? [['合计', 16 * W] as const] : []),
    ]),
    at(['', '', '', '', '', ...LEGAL_HEAD, ...LEGAL_HEAD]),
    at([...v, ...(sub ? [total === 0 && t.opts.blankZeros === 'all' ? '' : String(total)] : [])]),
  ];
}

/* ---------- one cell per line: plain pdftotext, HTML-to-text ---------- */

export interface CellLineOptions {
  /** Long cells wrap onto further lines (pdftotext) or stay whole (HTML-to-text). */
  wrapAt?: number;
  /** Column heading cells printed too. */
  headings: boolean;
  /** A blank line between cells (HTML block elements). */
  gap: boolean;
  legal?: LegalShape;
  pageBreak?: boolean;
}

export function cellLineLayout(t: Tables, o: CellLineOptions): Parts {
  const cell = (s: string) => (o.wrapAt ? wrap(s, o.wrapAt) : [s]);
  const flush = (cells: string[]) =>
    cells.filter((c) => c !== '').flatMap((c) => (o.gap ? [...cell(c), ''] : cell(c)));
  const active = t.active.flatMap((g) =>
    flush([
      g.group,
      ...(o.headings ? ['信息内容', ...g.head] : []),
      ...g.rows.flatMap((r) => [r.label, ...r.cells.map(show)]),
    ]),
  );
  const head = o.headings ? ['申请人情况', ...t.applyHead()] : [];
  const apply = flush(head);
  for (const row of t.apply) {
    if (o.pageBreak && row.id === 'np_petition') apply.push(...PAGE_BREAK, ...flush(head));
    apply.push(...flush([row.top ?? '', row.group ?? '', row.label, ...row.cells.map(show)]));
  }
  const shape = o.legal ?? 'one-per-line';
  const legal =
    shape === 'one-per-line'
      ? flush([
          ...(o.headings ? ['行政复议', '行政诉讼', ...LEGAL_HEAD, '未经复议直接起诉', '复议后起诉'] : []),
          ...(o.headings ? [...LEGAL_HEAD, ...LEGAL_HEAD] : []),
          ...t.legal.map(show),
        ])
      : legalRows(t, shape, ' ');
  return { active, apply, legal };
}
