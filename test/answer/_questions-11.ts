/**
 * Issue 11's question table: questions as people ask them (checks, report facts, prose figures,
 * places and levels, years, arithmetic, English and pinyin) over the bundled seed reports and the
 * three PDF fixtures. Each row: the question, the intent, the exact figures ([report, field, value]),
 * and optionally a pattern the reply text must match. Figures come from the hand-checked gold.
 */
export type Row = [string, string, [string, string, number | null][], RegExp?];

const HUALONG = '化隆县人民政府-2024';
const MINHE = '民和回族土族自治县人民政府-2023';
const HUANGZHONG = '湟中区人民政府-2023';
const HUZHU = '互助土族自治县人民政府-2022';
const PINGLUO = '平罗县人民政府办公室-2023';

/** Each seed body: the names people type (Chinese, English) and its gold figures. */
const BODIES = [
  {
    zh: '化隆',
    en: 'Hualong',
    id: HUALONG,
    year: 2024,
    license: 2754,
    penalty: 114,
    coercion: 4,
    fee: 720.34,
  },
  { zh: '民和', en: 'Minhe', id: MINHE, year: 2023, license: 3972, penalty: 984, coercion: 40, fee: 379 },
  {
    zh: '湟中',
    en: 'Huangzhong',
    id: HUANGZHONG,
    year: 2023,
    license: 8771,
    penalty: 36084,
    coercion: 279,
    fee: 159.7,
  },
  { zh: '互助', en: 'Huzhu', id: HUZHU, year: 2022, license: 7713, penalty: 943, coercion: 2, fee: 202 },
];

const CHECK_ZH = [
  (n: string, y: number) => `${n}${y}年报有哪些错误`,
  (n: string, y: number) => `${n}${y}年报告有哪些问题`,
  (n: string) => `${n}的数据对得上吗`,
  (n: string) => `${n}年报质量怎么样`,
  (n: string) => `${n}的年报靠谱吗`,
  (n: string, y: number) => `${n}${y}年的数据准吗`,
  (n: string) => `${n}年报有没有问题`,
  (n: string) => `${n}的报告有没有错误`,
  (n: string, y: number) => `检查一下${n}${y}年的年报`,
  (n: string) => `${n}年报的数字对不对`,
  (n: string) => `${n}报告有矛盾吗`,
  (n: string, y: number) => `核对${n}${y}年报`,
];
const CHECK_EN = [
  (n: string, y: number) => `Is there anything wrong with ${n}'s ${y} report?`,
  (n: string) => `Is ${n}'s report consistent?`,
  (n: string) => `Any errors in the ${n} report?`,
  (n: string) => `Can I trust the ${n} figures?`,
];

const checks: Row[] = [
  ...BODIES.flatMap((b) =>
    CHECK_ZH.map((f): Row => [f(b.zh, b.year), 'check', [], /年报(?:发现\d+个问题|未发现问题)/]),
  ),
  ...BODIES.flatMap((b) =>
    CHECK_EN.map((f): Row => [f(b.en, b.year), 'check', [], /(?:\d+ problem\(s\) found|no problems found)/]),
  ),
  ['平罗县2023年年报有问题吗', 'check', [], /^平罗县人民政府办公室2023年年报/],
  [
    '西宁的年报有问题吗',
    'check',
    [],
    /^没有西宁市本身的年报；以下是其辖区内的年报：\n湟中区人民政府2023年年报发现/,
  ],
];

const checkRanks: Row[] = [
  [
    '哪个报告问题最多',
    'check_rank',
    [],
    /^按错误数（其次警告数）排列的年报：\n1\. 湟中区人民政府2023年：错误 \d+ 条/,
  ],
  [
    'Which report has the most errors?',
    'check_rank',
    [],
    /^Reports by number of errors \(then warnings\):\n1\. 湟中区人民政府/,
  ],
  ['哪个年报错误最多', 'check_rank', [], /^按错误数/],
  ['哪些县的报告有错误', 'check_rank', [], /^按错误数/],
  ['错误最少的报告是哪个', 'check_rank', [], /^按错误数/],
  ['哪份年报最靠谱', 'check_rank', [], /^按错误数/],
  ['which reports have problems', 'check_rank', [], /^Reports by number of errors/],
  [
    '青海哪个县的年报问题最多',
    'check_rank',
    [],
    /^按错误数（其次警告数）排列的年报：\n1\. 湟中区人民政府2023年/,
  ],
];

const META: [string, RegExp][] = [
  ['落款日期', /落款日期：\d{4}-\d{2}-\d{2}|没有记录落款日期/],
  ['统计期限', /统计期限：\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}|没有记录统计期限/],
  ['原文链接', /原文链接：|没有记录原文链接/],
  ['发布时间', /发布时间：|没有记录发布时间/],
  ['什么时候发布的', /发布时间：|没有记录发布时间/],
];
const metas: Row[] = [
  ...BODIES.flatMap((b) => META.map(([w, re]): Row => [`${b.zh}${b.year}年${w}`, 'meta', [], re])),
  ['化隆2024年落款日期', 'meta', [], /^化隆县人民政府2024年年报的落款日期：2024-01-25\n/],
  ['湟中统计期限', 'meta', [], /^湟中区人民政府2023年年报的统计期限：2023-01-01 – 2023-12-28\n/],
  ['民和2023年报的落款时间', 'meta', [], /落款日期：2024-01-25/],
  ['互助2022年年报什么时候写的', 'meta', [], /^互助土族自治县人民政府2022年年报的落款日期：2023-01-18/],
  ['When was the Hualong 2024 report signed?', 'meta', [], /date signed: 2024-01-25/],
  ['Huangzhong reporting period', 'meta', [], /reporting period: 2023-01-01 – 2023-12-28/],
  ['source link of the Minhe report', 'meta', [], /no source link on record/],
];

const proses: Row[] = [
  [
    '化隆县2024年政府网站发布信息多少条',
    'prose',
    [[HUALONG, 'prose.website_info', 1123]],
    /原文：“加强政府门户网站信息公开，县政府门户网站全年发布信息1123条/,
  ],
  ['化隆网站发布了多少信息', 'prose', [[HUALONG, 'prose.website_info', 1123]]],
  ['化隆2024年政策解读多少条', 'prose', [[HUALONG, 'prose.policy_interpretation', 7]], /政策解读 7 条/],
  ['化隆微信公众号推送多少', 'prose', [[HUALONG, 'prose.wechat', 103]]],
  ['化隆县长信箱留言多少件', 'prose', [[HUALONG, 'prose.mailbox', 23]]],
  ['民和2023年12345受理多少件', 'prose', [], /正文没有写12345 热线的数字/],
  ['湟中12345热线多少件', 'prose', [[HUANGZHONG, 'prose.hotline', 10932]], /原文：/],
  ['湟中网站访问量', 'prose', [[HUANGZHONG, 'prose.visits', 110]]],
  [
    '湟中2023年主动公开政府信息多少条',
    'prose',
    [[HUANGZHONG, 'prose.info_total', 556]],
    /累计公开各类信息 556 条/,
  ],
  ['平罗2023年政府网站公开信息多少条', 'prose', [[PINGLUO, 'prose.website_info', 1.3]], /1\.3 万条/],
  ['互助政府网站公开信息多少条', 'prose', [[HUZHU, 'prose.website_info', 6349]]],
  ['化隆2024年培训多少次', 'prose', [], /正文没有写培训的数字/],
  ['化隆新闻发布会开了几场', 'prose', [], /正文没有写新闻发布会的数字/],
  [
    'How many items did Hualong publish on its website in 2024?',
    'prose',
    [[HUALONG, 'prose.website_info', 1123]],
    /Source sentence:/,
  ],
];

/** Never a different question: a word that only looks like a metric gets no figure. */
const refusals: Row[] = [
  ['化隆2024年财政收入', 'unheld', [], /年报里没有“财政收入”这一项/],
  ['化隆2024年GDP多少', 'unheld', []],
  ['民和2023年人口多少', 'unheld', []],
  ['湟中的降雨量', 'unheld', []],
  ['化隆2024年税收多少', 'unheld', []],
  ['What was Hualong’s GDP in 2024?', 'unheld', [], /The reports hold no figure for “gdp”/],
  ['How many hospitals does Minhe have?', 'unheld', []],
  ['今天天气怎么样', 'unheld', []],
  ['化隆2024年招商引资多少', 'unheld', []],
  ['民和2023年就业人数', 'unheld', []],
  ['化隆2024年办结率', 'unheld', [], /年报里没有“办结率”这一项/],
  ['化隆2024年罚款金额多少元', 'unheld', [], /“金额”/],
  ['湟中2023年收费项目有几个', 'unheld', [], /“项目”/],
  ['民和2023年行政许可事项', 'unheld', [], /“事项”/],
  ['化隆2024年行政处罚比例', 'unheld', []],
  ['化隆2024年行政处罚人数', 'unheld', [], /“人数”/],
  ['？？？', 'unknown', [], /^没听懂这个问题/],
  ['嗯', 'unknown', []],
  ['ok', 'unknown', [], /^Sorry, I did not understand/],
  ['化隆2024年信息处理费', 'prose', [], /正文没有写信息处理费的数字/],
  [
    'What share of requests did Pingluo grant in 2023?',
    'derived',
    [
      [PINGLUO, 'apply.granted.total', 3],
      [PINGLUO, 'apply.results_total.total', 18],
    ],
    /share of granted in full: 16\.67%/,
  ],
  [
    '平罗2023年予以公开占比',
    'derived',
    [
      [PINGLUO, 'apply.granted.total', 3],
      [PINGLUO, 'apply.results_total.total', 18],
    ],
    /予以公开占比：16\.67%/,
  ],
  ['How many lawsuits did Huangzhong face in 2023?', 'lookup', [[HUANGZHONG, 'legal.suit.total', 11]]],
  ['民和县2023年一共收到多少政府信息公开申请', 'lookup', [[MINHE, 'apply.new_received.total', 1]]],
];

const places: Row[] = [
  [
    '西宁市2023年行政处罚多少',
    'region',
    [[HUANGZHONG, 'active.penalty', 36084]],
    /^没有西宁市本身的年报。\n其辖区内已收录单位的行政处罚（各自的年报，不是西宁市的数字）：\n· 湟中区人民政府（2023年）：36084 件/,
  ],
  ['西宁 行政处罚', 'region', [[HUANGZHONG, 'active.penalty', 36084]], /^没有西宁市本身的年报。/],
  [
    '海东市行政许可',
    'region',
    [[HUALONG, 'active.license', 2754]],
    /^没有海东市本身的年报。[\s\S]*（按2024年的年报比较）\n（没有2024年年报：民和回族土族自治县人民政府、互助土族自治县人民政府）/,
  ],
  ['宁夏2023年行政处罚', 'region', [[PINGLUO, 'active.penalty', 0]], /^没有宁夏回族自治区本身的年报。/],
  ['北京2023年行政处罚多少', 'region', [], /^没有北京的年报；现有：/],
  [
    '青海和宁夏哪个行政处罚多',
    'compare',
    [
      [MINHE, 'active.penalty', 984],
      [HUANGZHONG, 'active.penalty', 36084],
      [PINGLUO, 'active.penalty', 0],
    ],
    /· 青海省：37068 件（2023年[\s\S]*· 宁夏回族自治区：0 件（2023年/,
  ],
  [
    '平罗县2023年行政处罚',
    'lookup',
    [[PINGLUO, 'active.penalty', 0]],
    /（没有“平罗县”政府本身的年报，这里是平罗县人民政府办公室的年报，只代表该机关）/,
  ],
  [
    '哪个县收费最少',
    'rank',
    [
      [HUANGZHONG, 'active.admin_fee', 159.7],
      [MINHE, 'active.admin_fee', 379],
      ['洪泽区人民政府-2023', 'active.admin_fee', 7730.28],
    ],
    /（按2023年的年报比较）[\s\S]*（不计入：平罗县人民政府办公室（政府办公室）/,
  ],
  [
    '哪个县行政处罚最多',
    'rank',
    [
      [HUANGZHONG, 'active.penalty', 36084],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      [MINHE, 'active.penalty', 984],
    ],
  ],
  [
    '2024年哪个县行政许可最多',
    'rank',
    [
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
      [HUALONG, 'active.license', 2754],
    ],
    /（按2024年的年报比较）/,
  ],
  [
    'Which county had the most penalties?',
    'rank',
    [
      [HUANGZHONG, 'active.penalty', 36084],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
      [MINHE, 'active.penalty', 984],
    ],
    /\(compared on the 2023 reports\)/,
  ],
  [
    '青海省2023年行政处罚总数',
    'derived',
    [
      [MINHE, 'active.penalty', 984],
      [HUANGZHONG, 'active.penalty', 36084],
    ],
    /行政处罚合计：37068 件（2023年，2家：/,
  ],
];

const years: Row[] = [
  ['化隆去年行政处罚多少', 'lookup', [[HUALONG, 'active.penalty', 114]], /（“去年”按2024年理解）/],
  [
    '化隆今年行政处罚多少',
    'lookup',
    [],
    /化隆县人民政府只有2024年的年报\n最近的年份：2024年\n（“今年”按2025年理解）/,
  ],
  ['民和前年行政许可', 'lookup', [[MINHE, 'active.license', 3972]], /（“前年”按2023年理解）/],
  ['互助前年收费', 'lookup', [], /最近的年份：2022年/],
  ['Hualong penalties last year', 'lookup', [[HUALONG, 'active.penalty', 114]], /\(“去年” read as 2024\)/],
];

const derivedRows: Row[] = [
  [
    '互助和民和行政许可差多少',
    'derived',
    [
      [HUZHU, 'active.license', 7713],
      [MINHE, 'active.license', 3972],
    ],
    /多 3741 件/,
  ],
  [
    '化隆处罚是民和的几倍',
    'derived',
    [
      [HUALONG, 'active.penalty', 114],
      [MINHE, 'active.penalty', 984],
    ],
    /的 0\.12 倍/,
  ],
  [
    '湟中和民和行政处罚相差多少',
    'derived',
    [
      [HUANGZHONG, 'active.penalty', 36084],
      [MINHE, 'active.penalty', 984],
    ],
    /多 35100 件/,
  ],
  [
    '湟中行政处罚是民和的多少倍',
    'derived',
    [
      [HUANGZHONG, 'active.penalty', 36084],
      [MINHE, 'active.penalty', 984],
    ],
    /的 36\.67 倍/,
  ],
  [
    '洪泽2024年行政许可同比',
    'derived',
    [
      ['淮安市洪泽区人民政府-2024', 'active.license', 9487],
      ['洪泽区人民政府-2023', 'active.license', 550],
    ],
    /多 8937 件（增长 1624\.91%）/,
  ],
  [
    '洪泽行政处罚比去年增长了多少',
    'derived',
    [
      ['淮安市洪泽区人民政府-2024', 'active.penalty', 2776],
      ['洪泽区人民政府-2023', 'active.penalty', 4119],
    ],
    /少 1343 件/,
  ],
  ['化隆行政处罚同比', 'derived', [], /没有2023年的年报，无法和2024年比较/],
  [
    '平罗2023年公开率',
    'lookup',
    [[PINGLUO, 'rate.disclosure', 55.56]],
    /公式：（予以公开 \+ 部分公开）÷ 办理结果总计；予以公开 3 件、部分公开 7 件、办理结果总计 18 件/,
  ],
  [
    // 不予处理 is a group of five rows: its sum (the five rows are 0), not a field no record holds
    '平罗2023年不予处理比例',
    'lookup',
    [[PINGLUO, 'rate.not_processed', 0]],
    /不予处理比例：0%\n（公式：不予处理 ÷ 办理结果总计；不予处理 0 件、办理结果总计 18 件）/,
  ],
  [
    '民和2023年复议纠错率',
    'lookup',
    [[MINHE, 'rate.review_corrected', 100]],
    /行政复议结果纠正 2 件、行政复议总计 2 件/,
  ],
  [
    '青海2023年行政许可一共多少',
    'derived',
    [
      [MINHE, 'active.license', 3972],
      [HUANGZHONG, 'active.license', 8771],
    ],
    /行政许可合计：12743 件/,
  ],
  [
    '青海2023年平均行政处罚',
    'derived',
    [
      [MINHE, 'active.penalty', 984],
      [HUANGZHONG, 'active.penalty', 36084],
    ],
    /行政处罚平均：18534 件/,
  ],
  [
    'What is the difference in penalties between Huangzhong and Minhe?',
    'derived',
    [
      [HUANGZHONG, 'active.penalty', 36084],
      [MINHE, 'active.penalty', 984],
    ],
    /35100 \(件\) more than/,
  ],
];

const english: Row[] = [
  [
    'How many requests did Hualong refuse to process in 2024?',
    'lookup',
    [[HUALONG, 'apply.np_sum.total', 18]],
    /requests not processed: 18/,
  ],
  ['How many requests did Hualong withhold in 2024?', 'lookup', [[HUALONG, 'apply.denied_sum.total', 0]]],
  [
    'minhe 2023 xingzheng chufa',
    'lookup',
    [[MINHE, 'active.penalty', 984]],
    /^民和回族土族自治县人民政府2023年行政处罚：984 件/,
  ],
  ['hualong 2024 xuke', 'lookup', [[HUALONG, 'active.license', 2754]]],
  ['huzhu shoufei', 'lookup', [[HUZHU, 'active.admin_fee', 202]]],
  ['minhe shenqing 2023', 'lookup', [[MINHE, 'apply.new_received.total', 1]]],
  ['huangzhong qiangzhi', 'lookup', [[HUANGZHONG, 'active.coercion', 279]]],
  ['How many requests did Minhe deny in 2023?', 'lookup', [[MINHE, 'apply.denied_sum.total', 0]]],
  ['Hualong penalty amount in yuan', 'unheld', [], /no figure for “amount”/],
  ['What was the fee amount of Hualong in 2024?', 'lookup', [[HUALONG, 'active.admin_fee', 720.34]]],
  ['Hualong revenue', 'unheld', []],
  ['Is the Minhe report reliable?', 'check', [], /\[error\] A-03 The table 3 total row/],
];

/** Lookups the way people type them, for each seed body and its key figures. */
const lookups: Row[] = BODIES.flatMap(
  (b) =>
    [
      [`${b.zh}${b.year}年行政许可多少`, 'lookup', [[b.id, 'active.license', b.license]]],
      [`${b.zh}行政处罚多少件`, 'lookup', [[b.id, 'active.penalty', b.penalty]]],
      [`${b.zh}${b.year}年的行政强制`, 'lookup', [[b.id, 'active.coercion', b.coercion]]],
      [`${b.zh}收费多少万元`, 'lookup', [[b.id, 'active.admin_fee', b.fee]]],
      [`${b.en} ${b.year} licensing`, 'lookup', [[b.id, 'active.license', b.license]]],
      [`How many penalties did ${b.en} issue in ${b.year}?`, 'lookup', [[b.id, 'active.penalty', b.penalty]]],
      [`${b.en} coercion decisions`, 'lookup', [[b.id, 'active.coercion', b.coercion]]],
      [`${b.en} fees`, 'lookup', [[b.id, 'active.admin_fee', b.fee]]],
    ] as Row[],
);

export const QUESTIONS_11: Row[] = [
  ...checks,
  ...checkRanks,
  ...metas,
  ...proses,
  ...refusals,
  ...places,
  ...years,
  ...derivedRows,
  ...english,
  ...lookups,
];
