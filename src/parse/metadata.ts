import type { TextLine } from './_notes.ts';
import { readChineseNumber, rewriteChineseYears } from './chinese-numerals.ts';

export interface TitleInfo {
  title: string;
  agency: string;
  year: number;
  line: number;
}

const TITLE_TAIL = /(?:政府|政务)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const BARE_REGION = /(?:省|市|县|区|旗|州|盟|自治区|自治县|自治州|自治旗|特区|林区)$/;

const compact = (s: string) => s.replace(/\s+/g, '');

/** How the name of an issuing body ends (a region, a government, an office, a bureau …). */
const ORG_SUFFIX =
  /(?:政府|办公室|办公厅|局|委员会|委|厅|院|中心|署|会|部|处|站|所|队|馆|办|区|县|市|省|旗|州|盟|镇|乡|街道|管委会|公司|集团|行|社|团|室|司)$/;

/** 二〇二四 → 2024 (digit-by-digit year numerals). */
export const readChineseYear = rewriteChineseYears;

/** A people's government named by its region alone (某某县) is 某某县人民政府. */
export function normaliseAgency(name: string): string {
  const a = name.replace(/^[(（【\s]+|[)）】\s]+$/g, '').replace(/关于$/, '');
  return BARE_REGION.test(a) ? `${a}人民政府` : a;
}

const LABEL_PREFIX = /^.*?(?:标题|题目|名称)[:：]/;

/** The title text; an agency taken from the line above is prepended unless the tail names it. */
function titleOf(lineAbove: string, before: string, tail: string): string {
  return `${lineAbove && !tail.includes(lineAbove) ? lineAbove : ''}${before}${tail}`;
}

const isAgencyName = (s: string) => !!s && s.length <= 40 && !/[。，；:：,]/.test(s) && ORG_SUFFIX.test(s);

/**
 * Finds the report title near the top: agency, year, and the title text. A title that names no
 * body (2023年度政府信息公开工作年度报告) takes the body that signs the report, when there is one.
 */
export function readTitle(lines: readonly TextLine[], signer?: string | null): TitleInfo | undefined {
  const head = lines.filter((l) => l.text.trim()).slice(0, 12);
  let untitled: { year: number; title: string; line: number } | undefined;
  for (let i = 0; i < head.length; i++) {
    const joined = compact(
      readChineseYear(
        head
          .slice(i, i + 3)
          .map((l) => l.text)
          .join(''),
      ),
    );
    const m = /^(.*?)((?:19|20)\d{2})年度?(.*)$/.exec(compact(readChineseYear(head[i]!.text)));
    if (!m || !TITLE_TAIL.test(joined)) continue;
    const [, lead = '', yearText, after = ''] = m;
    // a page's field label (标题：, 名称：) is not part of the title
    const before = lead.replace(LABEL_PREFIX, '');
    let agency = before;
    if (!agency) {
      // "2023年XX县政府信息公开工作年度报告", or the agency on the line above
      const rest = after + compact(head[i + 1]?.text ?? '');
      const inner = /^(.*?人民政府)信息公开/.exec(rest) ?? /^(.*?)(?:政府|政务)?信息公开/.exec(rest);
      agency = inner?.[1] ?? '';
      if (!agency && i > 0) agency = compact(head[i - 1]!.text);
    }
    agency = agency.replace(/(?:的|关于)$/, '').replace(LABEL_PREFIX, '');
    const tail = /^(.*?(?:报告|年报))/.exec(joined.slice(joined.indexOf(yearText!)));
    if (!isAgencyName(agency)) {
      if (!before) untitled ??= { year: Number(yearText), title: tail?.[1] ?? '', line: head[i]!.line };
      continue;
    }
    return {
      agency: normaliseAgency(agency),
      year: Number(yearText),
      title: titleOf(before ? '' : agency, before, tail?.[1] ?? `${yearText}年政府信息公开工作年度报告`),
      line: head[i]!.line,
    };
  }
  if (untitled?.title && signer && isAgencyName(signer)) {
    return { agency: normaliseAgency(signer), ...untitled };
  }
  return undefined;
}

const pad = (n: string) => n.padStart(2, '0');

/** The statistics period, e.g. 统计期限从2023年1月1日起到2023年12月31日止. */
export function readPeriod(text: string): { from: string; to: string } | null {
  const t = compact(text);
  const re =
    /统计[^。]{0,30}?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|—|－|-|~)((?:19|20)\d{2})?年?(\d{1,2})月(\d{1,2})日/;
  const m = re.exec(t);
  if (!m) return null;
  const [, y1, m1, d1, y2, m2, d2] = m;
  return { from: `${y1}-${pad(m1!)}-${pad(d1!)}`, to: `${y2 ?? y1}-${pad(m2!)}-${pad(d2!)}` };
}

/** The signature block at the end: the signing body and the date under it. */
export function readSignature(lines: readonly TextLine[]): {
  signed: string | null;
  sigAgency: string | null;
} {
  const tail = lines.filter((l) => l.text.trim()).slice(-8);
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = compact(readChineseYear(tail[i]!.text));
    const m = /^((?:19|20)\d{2})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日$/.exec(
      t,
    );
    if (!m) continue;
    const month = readChineseNumber(m[2]!) ?? 0;
    const day = readChineseNumber(m[3]!) ?? 0;
    const signed = `${m[1]}-${pad(String(month))}-${pad(String(day))}`;
    const prev = i > 0 ? compact(tail[i - 1]!.text) : '';
    const sigAgency = prev && prev.length <= 30 && !/[。，；:：]/.test(prev) ? prev : null;
    return { signed, sigAgency };
  }
  return { signed: null, sigAgency: null };
}
