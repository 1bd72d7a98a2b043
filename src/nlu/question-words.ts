import type { DerivedKind, MetaField, SectionKey } from './types.ts';

/** Report facts asked by name (落款日期, 统计期限, 原文链接), in the order tried. */
export const META_WORDS: ReadonlyArray<[MetaField, RegExp]> = [
  [
    'signed',
    /落款(?:日期|时间)?|签发(?:日期|时间)|(?:什么时候|何时|哪天)写的|写于|成文(?:日期|时间)|签署(?:日期|时间)|(?:什么时候|何时|哪天)(?:签|落款)|\bsign(?:ed|ature|ing)?(?: date)?\b/g,
  ],
  [
    'published',
    /(?:发布|公布|发表|公开)(?:日期|时间)|(?:什么时候|何时|哪天)(?:发布|公布|发的|出的|公开的)|发布于|\bpublish(?:ed|ing)?(?: date)?\b|\brelease(?:d)?(?: date)?\b/g,
  ],
  [
    'period',
    /统计(?:期限|期间|时段|周期|区间|时间|截止)|报告期间?|时间范围|起止(?:时间|日期)|\breporting period\b|\bperiod covered\b|\bperiod\b/g,
  ],
  ['url', /原文(?:链接|地址|网址)?|全文|链接|网址|出处|\burl\b|\blinks?\b|\bsource\b|\boriginal\b/g],
];

/** A prose part of the report, by its number or its heading (parts 二–四 are tables). */
export const SECTION_WORDS: ReadonlyArray<[SectionKey, RegExp]> = [
  ['一', /第一部分|\bpart (?:1|one)\b/g],
  [
    '五',
    /第五部分|存在的?主要问题(?:及|和|与)?(?:改进|整改)?(?:情况|措施)?|(?:改进|整改)(?:情况|措施)|\bpart (?:5|five)\b|\bproblems and improvements\b|\bimprovements?\b/g,
  ],
  ['六', /第六部分|其他需要报告的事项|\bpart (?:6|six)\b|\bother matters\b/g],
];

/** Arithmetic words, in the order tried (the first that fits sets the kind). */
export const DERIVED_WORDS: ReadonlyArray<[DerivedKind, RegExp]> = [
  [
    'ratio',
    /几倍|多少倍|倍数|是.{0,12}的几|\btimes (?:as (?:many|much)|more|higher)\b|\bratio\b|\bhow many times\b/g,
  ],
  [
    'yoy',
    /同比|环比|比上年|较上年|比去年|和去年比|与去年比|跟去年比|增长了?多少|增加了?多少|减少了?多少|下降了?多少|增幅|降幅|增长率|变化了?多少|\byear[- ]on[- ]year\b|\bvs\.? (?:the )?previous year\b|\bgrowth\b|\bhow much did .* (?:grow|change|rise|fall)\b/g,
  ],
  [
    'diff',
    /差多少|相差|差距|差了|差值|多了多少|少了多少|多多少|少多少|多出|\bdifference\b|\bhow many more\b|\bhow many fewer\b|\bgap\b/g,
  ],
  ['share', /占比|占多少|占了?几成|比例|比重|百分之几|\bshare\b|\bproportion\b|\bpercentage\b/g],
  ['average', /平均|均值|人均|\baverage\b|\bmean\b/g],
  [
    'total',
    /总数|合计|加起来|总共|总和|共计|一共|全部加|\bin total\b|\btotal\b|\baltogether\b|\bcombined\b|\bsum\b/g,
  ],
];

/** 哪个县 / 各区 / 哪个局: the level of body compared. */
export const LEVEL_WORDS: ReadonlyArray<['county' | 'city' | 'dept', RegExp]> = [
  [
    'county',
    /(?:哪个|哪些|哪一个|各个?|每个|所有)(?:县|区|县区|区县|旗)|县级|(?:最[多少高低大小]|排名[前后])的(?:县|区县|县区|旗)|\b(?:which|each|all) (?:counties|county|districts?)\b/,
  ],
  [
    'city',
    /(?:哪个|哪些|各个?|每个)(?:市|城市|地级市)|市级|(?:最[多少高低大小]|排名[前后])的(?:市|城市|地级市)|\b(?:which|each) cit(?:y|ies)\b/,
  ],
  [
    'dept',
    /(?:哪个|哪些|各个?|每个)(?:局|部门|委|办)|(?:最[多少高低大小]|排名[前后])的(?:局|部门)|\b(?:which|each) (?:bureaus?|departments?)\b/,
  ],
];

/** A follow-up: 那乙县呢 / 2023年呢 / what about Yixian / 为什么. */
export const FOLLOW_UP =
  /呢[？?]?$|^那|^那么|^还有|^换成|^改成|^\b(?:what|how) about\b|^and\b|^(?:and )?(?:in|for) \d{4}\??$/;
/**
 * A question that is only an intent word (排第几 / 靠谱吗 / 历年趋势) is about the previous
 * question's body and figure.
 */
export const FRAGMENT =
  /^(?:(?:它|它们|这个|这家|该单位)?(?:排第几|排名第几|第几名|排名(?:如何|怎么样)?|排在第几|靠谱吗|可靠吗|准确吗|对得上吗|有问题吗|有没有问题|有什么问题|历年(?:情况|变化|趋势)?|变化趋势|趋势如何))[？?。!！]*$|^(?:(?:and )?(?:where does it rank|what(?:'s| is) its rank|is (?:it|that|the report) (?:reliable|consistent|correct)|any (?:problems|errors)|over the years|(?:the )?trend))\??$/;
export const WHY_WORDS = /^(?:为什么|为啥|怎么回事|原因是?什么|\bwhy\b)/;
