import nlp from 'compromise';

/** English phrases rewritten as the Chinese words the matcher knows; order matters (longest first). */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(?:administrative )?penalt(?:y|ies)(?: decisions?)?\b|\bfines?\b|\bpunish\w*/g, '行政处罚'],
  [/\b(?:administrative )?licen[cs]\w*(?: decisions?)?|\bpermits?\b|\bapprovals?\b/g, '行政许可'],
  [/\b(?:administrative )?coerci\w*(?: decisions?)?|\benforcement measures?\b/g, '行政强制'],
  [/\bnormative documents?\b/g, '规范性文件'],
  [/\bregulations?\b|\brules\b/g, '规章'],
  [/\bin force\b/g, '现行有效'],
  [/\brepealed\b/g, '废止'],
  [/\bfees?\b|\bcharges?\b|\brevenue\b/g, '收费'],
  [/\b(?:administrative )?reconsiderations?\b|\badministrative reviews?\b|\bappeals?\b/g, '行政复议'],
  [/\blawsuits?\b|\blitigation\b|\bsued\b|\bcourt cases?\b/g, '行政诉讼'],
  [
    /\b(?:foi|information disclosure|disclosure|information|open government)? ?(?:requests?|applications?)\b|\bfoi\b/g,
    '申请',
  ],
  [/\bdenied\b|\brefused\b|\bwithheld\b|\brejected\b/g, '不予公开'],
  [/\bgranted\b/g, '予以公开'],
  [/\bcorrected\b|\boverturned\b/g, '纠正'],
  [/\bupheld\b/g, '维持'],
  [/\bpending\b/g, '尚未审结'],
  [/\bcommercial\b|\bcompan(?:y|ies)\b|\bbusiness(?:es)?\b|\benterprises?\b/g, '商业企业'],
  [/\bindividuals?\b|\bcitizens?\b|\bnatural persons?\b/g, '自然人'],
  [/\bthe year before last\b/g, '前年'],
  [/\bthis year\b/g, '今年'],
  [/\blast year\b/g, '去年'],
  [/\b(?:last|past|recent) (\d+) years\b/g, '近$1年'],
  [/\blatest\b|\bmost recent\b|\bnewest\b/g, '最新'],
  [/\bover the years\b|\ball years\b|\bevery year\b|\byear by year\b|\bhistory\b|\bhistorical\b/g, '历年'],
  [/\btrends?\b|\bchanged?\b/g, '趋势'],
  [/\bmost\b|\bhighest\b|\blargest\b|\bbiggest\b/g, '最多'],
  [/\bleast\b|\bfewest\b|\blowest\b|\bsmallest\b/g, '最少'],
  [/\brank\w*\b|\btop\b/g, '排名'],
  [/\bcompare\b|\bcomparison\b|\bversus\b|\bvs\.?/g, '对比'],
  [
    /\breliable\b|\bproblems?\b|\berrors?\b|\bissues\b|\bcheck\b|\binconsisten\w*|\btrust\w*|\baccurate\b/g,
    '靠谱',
  ],
  [/\bhelp\b|\bwhat can you do\b|\bhow do i use\b|\busage\b/g, '帮助'],
  [/\blist\b|\bwhich reports\b|\bwhat reports\b|\breports do you have\b|\bavailable\b/g, '有哪些年报'],
];

/** Rewrites an English question into the words the Chinese matcher reads; pinyin names stay. */
export function translateEnglish(q: string): string {
  const doc = nlp(q);
  doc.numbers().toNumber();
  let text = doc
    .text()
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/\b(\d{4})s\b/g, '$1');
  for (const [re, zh] of PHRASES) text = text.replace(re, (...m) => ` ${zh.replace('$1', String(m[1]))} `);
  return text;
}
