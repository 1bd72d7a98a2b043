import nlp from 'compromise';
import { BODY_WORDS, DEPARTMENT_WORDS } from '../domain/index.ts';

/** English → Chinese, the shortest Chinese kept for each (交通 for “transport”: 交通局 fits 交通运输局 and 交通与建设局). */
function shortestFor(words: readonly (readonly [string, string])[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [zh, en] of words) {
    const key = en.toLowerCase();
    const old = out.get(key);
    if (old === undefined || zh.length < old.length) out.set(key, zh);
  }
  return out;
}

const WHAT = shortestFor(DEPARTMENT_WORDS.filter(([zh]) => zh !== '管理'));
const KIND = shortestFor([...BODY_WORDS, ['中心', 'center']]);
const alternation = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
/** “market regulation bureau” or “bureau of market regulation”. */
const DEPARTMENT = new RegExp(
  `\\b(?:(${alternation(WHAT.keys())}) (${alternation(KIND.keys())})|(${alternation(KIND.keys())}) (?:of|for) (?:the )?(${alternation(WHAT.keys())}))\\b`,
  'g',
);

/** A body named by what it does and what it is, as the short Chinese form bodies are found by: 市场监督管理局. */
function translateDepartments(text: string): string {
  return text.replace(
    DEPARTMENT,
    (_, what1, kind1, kind2, what2) => ` ${WHAT.get(what1 ?? what2)}${KIND.get(kind1 ?? kind2)} `,
  );
}

/** English phrases rewritten as the Chinese words the matcher knows; order matters (longest first). */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bpolice(?: (?:bureau|department))?\b/g, '公安局'],
  [/\binformation[- ]processing fees?\b/g, '信息处理费'],
  // Pinyin metric words (xingzheng chufa, xuke, shoufei, shenqing).
  [/\bxing ?zheng ?chu ?fa\b|\bchu ?fa\b/g, '行政处罚'],
  [/\bxing ?zheng ?xu ?ke\b|\bxu ?ke\b|\bshen ?pi\b/g, '行政许可'],
  [/\bxing ?zheng ?qiang ?zhi\b|\bqiang ?zhi\b/g, '行政强制'],
  [/\bshou ?fei\b/g, '收费'],
  [/\bxing ?zheng ?fu ?yi\b|\bfu ?yi\b/g, '行政复议'],
  [/\bxing ?zheng ?su ?song\b|\bsu ?song\b/g, '行政诉讼'],
  [/\bgui ?fan ?xing ?wen ?jian\b/g, '规范性文件'],
  [/\bshen ?qing\b/g, '申请'],
  [/\bpai ?ming\b/g, '排名'],
  [/\bli ?nian\b/g, '历年'],
  [/\bdui ?bi\b|\bbi ?jiao\b/g, '对比'],
  [/\bduo ?shao\b/g, '多少'],
  // Rates before the words they contain.
  [/\bdisclosure rate\b|\bshare (?:of requests )?(?:granted|disclosed)\b/g, '公开率'],
  [/\b(?:reconsideration|review) correction rate\b|\bcorrection rate\b/g, '复议纠错率'],
  [/\b(?:denial|rejection|refusal) rate\b/g, '不予公开率'],
  // new regulations: those issued this year (the column a document row defaults to)
  [/\bnew (?=(?:regulations?|rules|normative documents?)\b)/g, ' '],
  [
    /\b(?:request|application) (?:completion|conclusion|response) rate\b|\b(?:completion|conclusion|response) rate of (?:the )?(?:requests|applications)\b|\bshare of requests (?:concluded|completed|answered)\b/g,
    '申请办结率',
  ],
  [
    /\brefus\w* to (?:process|handle|deal with)\b|\bnot (?:processed|handled)\b|\bdeclined to (?:process|handle)\b|\bdid not process\b/g,
    '不予处理',
  ],
  [
    /\b(?:anything|something|what(?:'s| is)?) wrong\b|\bwrong\b|\bmistakes?\b|\bflaws?\b|\badd up\b|\bquality\b/g,
    '靠谱',
  ],
  // Table 三 rows and columns, before the generic words (requests, fees, denied) they contain.
  [/\bstate secrets?\b|\bclassified\b/g, '国家秘密'],
  [/\bprohibited by (?:other )?laws?\b/g, '其他法律行政法规禁止公开'],
  [
    /\b(?:endanger\w*|threat\w*)(?: to)?(?: national)? (?:security|stability)\b|\bsecurity (?:or|and) stability\b/g,
    '三安全一稳定',
  ],
  [/\b(?:third|3rd)[- ]part(?:y|ies)\w*/g, '第三方合法权益'],
  [/\binternal affairs\b/g, '三类内部事务信息'],
  [/\bprocess(?:-related)? information\b|\bdeliberative\b/g, '四类过程性信息'],
  [/\b(?:law )?enforcement (?:case )?files?\b/g, '行政执法案卷'],
  [/\b(?:administrative )?(?:query|inquiry) matters?\b/g, '行政查询事项'],
  [
    /\binformation not held\b|\bnot held\b|\bdo(?:es)?n't hold\b|\bdo(?:es)? not (?:hold|have) (?:the |such |that )?information\b/g,
    '本机关不掌握相关政府信息',
  ],
  [
    /\b(?:would )?need(?:s|ed)? to be (?:created|compiled|made)\b|\bnot readily available\b/g,
    '没有现成信息需要另行制作',
  ],
  [/\bstill unclear\b|\bunclear\b/g, '补正后申请内容仍不明确'],
  [/\bpetitions?\b|\bcomplaints?\b/g, '信访举报投诉类申请'],
  [/\bduplicate\w*|\brepeated\b/g, '重复申请'],
  [/\bpublications?\b/g, '要求提供公开出版物'],
  // carried over to 2025: the next year's carry-over of the report before that year (match-years)
  [/\bcarr(?:y|ies|ied)(?: over| forward)? (?:in)?to (?:the )?((?:19|20)\d{2})\b/g, '结转到$1年'],
  [/\bsummary\b|\boverview\b|\bkey figures\b|\bmain figures\b|\bhighlights\b|\bat a glance\b/g, '摘要'],
  [
    /\bcarried (?:over|forward) (?:in)?to (?:the )?next year\b|\bcarr(?:y|ied)[- ]over to next year\b|\bcarried forward\b/g,
    '结转下年度',
  ],
  [/\bcarried over(?: from (?:the )?(?:last|previous) year)?\b|\bcarr(?:y|ie)[- ]?overs?\b/g, '上年结转'],
  [
    /\b(?:fully|wholly) (?:granted|disclosed|released)\b|\b(?:granted|disclosed|released) in full\b/g,
    '予以公开',
  ],
  [
    /\bpartial(?:ly)? (?:granted|disclos\w*|released)\b|\bgranted in part\b|\bpartially\b|\bpartial\b/g,
    '部分公开',
  ],
  [/\bfees? (?:were )?not paid\b|\bunpaid fees?\b|\bdid not pay\b/g, '逾期未缴费'],
  [/\bdid not amend\b|\bnot amended\b|\bfailed to (?:amend|supplement)\b/g, '逾期不补正'],
  [/\bresearch (?:institutions?|institutes?)\b|\bresearchers?\b|\bacademics?\b/g, '科研机构'],
  [/\bpublic[- ]welfare\w*|\bngos?\b|\bnon-?profits?\b/g, '社会公益组织'],
  [/\blawyers?\b|\blaw firms?\b|\blegal service\w*/g, '法律服务机构'],
  [/\bconcluded\b|\bhandled\b|\bresolved\b/g, '办结'],
  [/\b(?:administrative )?penalt(?:y|ies)(?: decisions?)?\b|\bfines?\b|\bpunish\w*/g, '行政处罚'],
  [/\b(?:administrative )?licen[cs]\w*(?: decisions?)?|\bpermits?\b|\bapprovals?\b/g, '行政许可'],
  [/\b(?:administrative )?coerci\w*(?: decisions?)?|\benforcement measures?\b/g, '行政强制'],
  [/\bnormative documents?\b/g, '规范性文件'],
  [/\bregulations?\b|\brules\b/g, '规章'],
  [/\bin force\b/g, '现行有效'],
  [/\brepealed\b/g, '废止'],
  [
    /\b(?:administrative )?(?:fees?|charges?) amount\b|\bamount of (?:administrative )?(?:fees?|charges?)\b|\b(?:administrative )?(?:fees?|charges?)(?: revenues?| income)?\b/g,
    '收费',
  ],
  [/\b(?:administrative )?reconsiderations?\b|\badministrative reviews?\b|\bappeals?\b/g, '行政复议'],
  [/\blawsuits?\b|\blitigation\b|\bsued\b|\bcourt cases?\b/g, '行政诉讼'],
  [
    /\b(?:foi|information disclosure|disclosure|information|open government)? ?(?:requests?|applications?)\b|\bfoi\b/g,
    '申请',
  ],
  [/\bden(?:y|ies|ied|ials?)\b|\brefus\w*|\bwithh(?:e|o)ld\w*|\breject(?:ed|s)?\b/g, '不予公开'],
  [/\bgrant(?:ed|s)?\b/g, '予以公开'],
  [/\blos(?:e|es|t|ing)\b/g, '败诉'],
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
  [/\bcompared? (?:with|to)\b|\bversus\b/g, '对比'],
  [/\btrends?\b|\bchanged?\b/g, '趋势'],
  [/\bmost\b|\bhighest\b|\blargest\b|\bbiggest\b/g, '最多'],
  [/\bleast\b|\bfewest\b|\blowest\b|\bsmallest\b/g, '最少'],
  [/\brank\w*\b|\btop\b/g, '排名'],
  [/\bcompare\b|\bcomparison\b|\bversus\b|\bvs\.?/g, '对比'],
  [
    /\breliable\b|\bok(?:ay)?\b|\bcorrect\b|\bvalid\b|\bconsistent\b|\bproblems?\b|\berrors?\b|\bissues\b|\bcheck\b|\binconsisten\w*|\btrust\w*|\baccurate\b/g,
    '靠谱',
  ],
  [/\bhelp\b|\bwhat can you do\b|\bhow do i use\b|\busage\b/g, '帮助'],
  [
    /\bhow many (?:reports|counties|agencies|governments|places)\b|\b(?:what|which) years\b|\blist\b|\bwhich reports\b|\bwhat reports\b|\breports do you have\b|\bavailable\b/g,
    '有哪些年报',
  ],
];

/** Rewrites an English question into the words the Chinese matcher reads; pinyin names stay. */
export function translateEnglish(q: string): string {
  // Before number reading, which would turn “2024 third” into an ordinal.
  const doc = nlp(q.replace(/\b(?:third|3rd)[- ]part(?:y|ies)\w*/g, ' 第三方合法权益 '));
  doc.numbers().toNumber();
  let text = doc
    .text()
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/\b(\d{4})s\b/g, '$1');
  text = translateDepartments(text);
  for (const [re, zh] of PHRASES) text = text.replace(re, (...m) => ` ${zh.replace('$1', String(m[1]))} `);
  return text;
}
