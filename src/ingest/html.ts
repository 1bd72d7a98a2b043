import { type CheerioAPI, load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { countRows, isBorderless, readGrid } from './_html-table.ts';
import { collapseWhitespace } from './_text.ts';
import { DEFAULT_LIMITS, type IngestLimits, LimitError } from './limits.ts';

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
  limits: IngestLimits;
}

/** A step of the walk: a node to visit, or the end of a block (flush the line). */
type Step = AnyNode | 'end-block';

/** Visits the DOM in document order with an explicit stack: no recursion, whatever the nesting. */
function walk(root: AnyNode, w: Walk): void {
  const stack: Step[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      w.sink.flush();
      continue;
    }
    if (node.type === 'text') {
      w.sink.append(node.data);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue;
    const el = node as Element;
    const name = node.type === 'tag' ? el.name.toLowerCase() : '';
    if (SKIPPED.has(name)) continue;
    if (name === 'table' && !isLayoutTable(w.$, el)) {
      emitTable(el, w);
      continue;
    }
    if (name === 'br') {
      w.sink.flush();
      continue;
    }
    const block = BLOCKS.has(name) || LAYOUT_PARTS.has(name);
    if (block) {
      w.sink.flush();
      stack.push('end-block');
    }
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
}

/**
 * Counts elements and nesting depth with a streaming tokenizer before any DOM is built, and
 * stops at the first limit crossed: a page nested 100k deep costs milliseconds, not minutes.
 */
export function checkHtmlShape(html: string, limits: IngestLimits): void {
  let depth = 0;
  let count = 0;
  const parser = new Parser({
    onopentag() {
      depth++;
      count++;
      if (depth > limits.maxHtmlDepth) {
        throw new LimitError(
          'HTML_TOO_DEEP',
          `网页元素嵌套超过 ${limits.maxHtmlDepth} 层（INGEST_MAX_HTML_DEPTH）`,
        );
      }
      if (count > limits.maxHtmlElements) {
        throw new LimitError(
          'HTML_TOO_MANY_ELEMENTS',
          `网页元素超过 ${limits.maxHtmlElements} 个（INGEST_MAX_HTML_ELEMENTS）`,
        );
      }
    },
    onclosetag() {
      depth--;
    },
  });
  parser.end(html);
}

/** A table that holds other tables is page layout (common on older government sites), not data. */
function isLayoutTable($: CheerioAPI, table: Element): boolean {
  return $(table).find('table').length > 0;
}

function emitTable(table: Element, w: Walk): void {
  w.sink.flush();
  if (countRows(w.$, table) > BORDER_RULE_ROWS && isBorderless(w.$, table)) w.borderless = true;
  for (const row of readGrid(w.$, table, w.limits)) {
    if (row.some((c) => c !== '')) w.sink.push(row.join('\t'));
  }
}

/**
 * Turns an HTML page into lines: each table row one line of tab-separated cells, other text one
 * line per block. A page over a limit throws LimitError (HTML_TOO_DEEP, HTML_TOO_MANY_ELEMENTS,
 * TABLE_TOO_LARGE).
 */
export function extractHtml(
  html: string,
  limits: IngestLimits = DEFAULT_LIMITS,
): { text: string; borderless: boolean } {
  checkHtmlShape(html, limits);
  const $ = load(html);
  const body = $('body')[0] ?? $.root()[0]!;
  const w: Walk = { $, sink: new LineSink(), borderless: false, limits };
  walk(body, w);
  w.sink.flush();
  return { text: `${w.sink.lines.join('\n')}\n`, borderless: w.borderless };
}
