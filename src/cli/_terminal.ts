/**
 * Text bound for a terminal: control characters a file or a name may carry (ANSI escapes, C0/C1
 * controls, bidi overrides, zero-width characters) are shown as visible `\u{…}` escapes, never
 * written raw. Line feeds and tabs stay.
 */
const UNSAFE =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
