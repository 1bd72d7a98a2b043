/** The parts 一…六 of a report whose line breaks are gone: headings found in order, anywhere in a line. */
import { spaceless } from './flat-locate.ts';
import { SECTION_KEYS } from './sections.ts';

/** Global, so that each is searched from where the one before it ended. */
const HEADINGS: readonly RegExp[] = [
  /一[、.．]?总体情况/g,
  /二[、.．]?主动公开政府信息/g,
  /三[、.．]?收到和处理(?:政府信息公开|政务公开|信息公开)?申请/g,
  /四[、.．]?(?:政府信息公开|政务公开|信息公开)?行政法?复议/g,
  // a later template inserts a part (信息处理费收取情况) before these two
  /[五六][、.．]?(?:当前)?(?:政府信息公开(?:工作)?)?存在的?(?:主要|突出)?问题(?:[及和与]改进(?:情况|措施|举措)?)?/g,
  /[六七][、.．]?(?:其他需要?(?:报告|说明)|需要?说明的其他)(?:的?事项)?/g,
];

/** Prose of each part found, keyed 一…六 (the table parts 二–四 are kept empty, as for line text). */
export function flatSections(text: string): Record<string, string> {
  const s = spaceless(text);
  const found: { key: string; at: number; end: number }[] = [];
  let from = 0;
  HEADINGS.forEach((re, i) => {
    re.lastIndex = from;
    const m = re.exec(s);
    if (!m) return;
    found.push({ key: SECTION_KEYS[i]!, at: m.index, end: m.index + m[0].length });
    from = m.index + m[0].length;
  });
  const out: Record<string, string> = {};
  found.forEach((h, i) => {
    const end = i + 1 < found.length ? found[i + 1]!.at : s.length;
    out[h.key] = h.key === '二' || h.key === '三' || h.key === '四' ? '' : s.slice(h.end, end);
  });
  return out;
}
