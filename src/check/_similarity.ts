/** Character 5-gram set after masking digits, the unit of the Jaccard. */
export function toShingles(text: string, mask: readonly string[] = []): Set<string> {
  let t = text.replace(/\s/g, '').replace(/\d+(?:\.\d+)?/g, '#');
  for (const m of mask) if (m) t = t.split(m).join('＊');
  const out = new Set<string>();
  for (let i = 0; i + 5 <= t.length; i++) out.add(t.slice(i, i + 5));
  return out;
}

/** Jaccard similarity of two shingle sets; 0 when both are empty. */
export function computeJaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Boilerplate removed before comparing prose: the regulation preamble and the 统计期限 sentence. */
export function stripBoilerplate(text: string): string {
  return text
    .split(/(?<=[。；;])/)
    .filter((s) => !/政府信息公开条例|统计期限|统计数据|数据统计/.test(s))
    .join('');
}
