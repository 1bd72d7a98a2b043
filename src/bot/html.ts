/** Telegram's limits: message text and media caption, in characters. */
export const MESSAGE_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes a value for Telegram HTML parse mode. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}

/** Tagged template: interpolated values are escaped, the literal parts are trusted markup. */
export function html(strings: TemplateStringsArray, ...values: (string | number | SafeHtml)[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += (v instanceof SafeHtml ? v.value : escapeHtml(v)) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup already escaped; the only thing the bot sends with parse_mode HTML. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Joins escaped fragments with a separator. */
export function joinHtml(parts: SafeHtml[], separator = '\n'): SafeHtml {
  return new SafeHtml(parts.map((p) => p.value).join(separator));
}

/** Position ≤ max that cuts neither an entity (`&amp;`) nor a tag, nor a surrogate pair. */
function findSafeCut(text: string, max: number): number {
  let cut = max;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && text.indexOf(';', amp) >= cut) cut = amp;
  const lt = text.lastIndexOf('<', cut - 1);
  if (lt >= 0 && text.indexOf('>', lt) >= cut) cut = lt;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut > 0 ? cut : max;
}

/**
 * Splits markup into messages of at most `limit` characters, at line breaks where possible.
 * Tags must not span lines (the formatters never emit such markup).
 */
export function splitHtml(markup: SafeHtml, limit = MESSAGE_LIMIT): SafeHtml[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) chunks.push(current.replace(/\n+$/, ''));
    current = '';
  };
  for (const line of markup.value.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > limit) {
      const cut = findSafeCut(rest, limit);
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  flush();
  return chunks.map((c) => new SafeHtml(c));
}

/** Shortens markup to fit `limit` (for captions), ending with an ellipsis when cut. */
export function truncateHtml(markup: SafeHtml, limit = CAPTION_LIMIT): SafeHtml {
  if (markup.value.length <= limit) return markup;
  const body = markup.value.slice(0, findSafeCut(markup.value, limit - 1));
  const open = body.lastIndexOf('<b>') > body.lastIndexOf('</b>');
  return new SafeHtml(`${body.slice(0, open ? body.lastIndexOf('<b>') : undefined)}…`);
}
