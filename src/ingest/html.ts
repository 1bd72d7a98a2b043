import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { countRows, isBorderless, readGrid } from './_html-table.ts';
import { collapseWhitespace } from './_text.ts';

/** Elements that end a line of text. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'ul',
  'caption',
]);
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'iframe',
  'object',
  'svg',
]);
/** Parts of a layout table, each read as a block. */
const LAYOUT_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
/** Tables with more rows than this count for the border rule (F-08). */
const BORDER_RULE_ROWS = 3;

class LineSink {
  readonly lines: string[] = [];
  private buffer = '';
  append(s: string): void {
    this.buffer += s;
  }
  flush(): void {
    const line = collapseWhitespace(this.buffer);
    if (line) this.lines.push(line);
    this.buffer = '';
  }
  push(line: string): void {
    this.flush();
    this.lines.push(line);
  }
}

interface Walk {
  $: CheerioAPI;
  sink: LineSink;
  borderless: boolean;
}

function walk(node: AnyNode, w: Walk): void {
  if (node.type === 'text') {
    w.sink.append(node.data);
    return;
  }
  if (node.type !== 'tag' && node.type !== 'root') return;
  const el = node as Element;
  const name = node.type === 'tag' ? el.name.toLowerCase() : '';
  if (SKIPPED.has(name)) return;
  if (name === 'table' && !isLayoutTable(w.$, el)) {
    emitTable(el, w);
    return;
  }
  if (name === 'br') {
    w.sink.flush();
    return;
  }
  const block = BLOCKS.has(name) || LAYOUT_PARTS.has(name);
  if (block) w.sink.flush();
  for (const child of el.children) walk(child, w);
  if (block) w.sink.flush();
}

/** A table that holds other tables is page layout (common on older government sites), not data. */
function isLayoutTable($: CheerioAPI, table: Element): boolean {
  return $(table).find('table').length > 0;
}

function emitTable(table: Element, w: Walk): void {
  w.sink.flush();
  if (countRows(w.$, table) > BORDER_RULE_ROWS && isBorderless(w.$, table)) w.borderless = true;
  for (const row of readGrid(w.$, table)) {
    if (row.some((c) => c !== '')) w.sink.push(row.join('\t'));
  }
}

/** Turns an HTML page into lines: each table row one line of tab-separated cells, other text one line per block. */
export function extractHtml(html: string): { text: string; borderless: boolean } {
  const $ = load(html);
  const body = $('body')[0] ?? $.root()[0]!;
  const w: Walk = { $, sink: new LineSink(), borderless: false };
  walk(body, w);
  w.sink.flush();
  return { text: `${w.sink.lines.join('\n')}\n`, borderless: w.borderless };
}
