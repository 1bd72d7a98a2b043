/**
 * Figures the tables do not hold but the prose often states: what a question asks (`ask`) and
 * which narrative labels state it (`label`, tried on the label, then on the quoted sentence).
 */
export interface ProseTopic {
  id: string;
  zh: string;
  en: string;
  ask: RegExp;
  label: RegExp;
  /** Units such a figure is counted in; a stated figure in another unit is another thing. */
  units?: RegExp;
}

export const PROSE_TOPICS: readonly ProseTopic[] = [
  {
    id: 'website_info',
    units: /条|篇|万条/,
    zh: '政府网站发布信息',
    en: 'items published on the government website',
    ask: /(?:政府|门户)*网站(?:上|全年|平台)*(?:发布|公开|发|更新|推送)了?(?:多少条?|几条)?的?(?:政府|政务|各类)?信息|\bpublish\w* on (?:its|the) (?:government )?website\b|网站(?:信息|发布量|发文)|\b(?:items?|information|posts?) (?:published |posted )?on (?:the |its )?(?:government )?website\b|\bwebsite (?:posts|items|information)\b/g,
    label: /网站.{0,8}(?:发布|公开|更新).{0,6}信息|网站公开|网站.{0,4}发布/,
  },
  {
    id: 'policy_interpretation',
    units: /条|篇|次|期/,
    zh: '政策解读',
    en: 'policy interpretations',
    ask: /政策解读|解读(?:政策|文件)|\bpolicy (?:interpretations?|explanations?)\b/g,
    label: /解读/,
  },
  {
    id: 'hotline',
    units: /件|条|个|次/,
    zh: '12345 热线',
    en: '12345 hotline cases',
    ask: /12345(?:政务服务|民生|便民)?(?:热线)?|(?:政务服务|民生|便民)?热线|\bhotline\b/g,
    label: /12345|热线/,
  },
  {
    id: 'training',
    units: /次|场|期|人次/,
    zh: '培训',
    en: 'training sessions',
    ask: /培训|\btrainings?\b/g,
    label: /培训/,
  },
  {
    id: 'press',
    units: /场|次/,
    zh: '新闻发布会',
    en: 'press conferences',
    ask: /新闻发布会|发布会|\bpress (?:conferences?|briefings?)\b/g,
    label: /发布会/,
  },
  {
    id: 'visits',
    units: /次|人次|万次|万人次/,
    zh: '网站访问量',
    en: 'website visits',
    ask: /访问量|点击量|浏览量|访问人次|\b(?:page )?views\b|\bvisits\b/g,
    label: /访问|点击|浏览/,
  },
  {
    id: 'mailbox',
    units: /件|条|封/,
    zh: '信箱留言',
    en: 'mailbox messages',
    ask: /(?:县长|区长|市长|书记|局长)信箱|网民留言|网站留言|留言|\bmailbox\b/g,
    label: /信箱|留言/,
  },
  {
    id: 'wechat',
    units: /条|篇|万条/,
    zh: '微信公众号',
    en: 'WeChat posts',
    ask: /微信公众号|公众号|微信|\bwechat\b/g,
    label: /微信|公众号/,
  },
  {
    id: 'info_fee',
    zh: '信息处理费',
    en: 'information-processing fees',
    ask: /信息处理费(?:用)?|\binformation[- ]processing fees?\b/g,
    label: /信息处理费|处理费/,
  },
  {
    id: 'new_media',
    zh: '政务新媒体',
    en: 'government new-media accounts',
    ask: /政务新媒体|新媒体/g,
    label: /新媒体/,
  },
  {
    id: 'info_total',
    units: /条|篇|万条/,
    zh: '主动公开信息',
    en: 'items of information published',
    ask: /(?:主动)?公开(?:了)?(?:政府|政务|各类)?信息(?=多少|几|数|总|共|条)|公开信息(?:数量?|总数|条数)|发布(?:政府|政务|各类)?信息(?=多少|几|数|总|共|条)|\b(?:items of )?information (?:published|released)\b/g,
    label: /公开.{0,8}信息|信息.{0,4}公开|发布总量|发布.{0,4}信息/,
  },
];
