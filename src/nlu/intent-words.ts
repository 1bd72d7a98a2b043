/** Words that set the intent; each list is one alternation, matched on the normalised question. */
export const HELP_WORDS = /帮助|怎么用|如何使用|使用说明|你能做什么|你会什么|能问什么|^\/?(?:help|start)$/;
export const LIST_WORDS =
  /有哪些|多少份|几份|多少个单位|多少家单位|哪些单位|\b(?:which|what) (?:agencies|places|governments|counties)\b|哪些(?:年报|报告|单位|地方)|都有什么|列出|列表|清单|目录|有什么年报|收录了?/;
/** Which years are held (某县的年报是哪年的); a list only when no figure is asked. */
export const YEARS_HELD_WORDS = /哪几年|哪些年|哪年的/;
export const CHECK_WORDS =
  /靠谱|可靠|可信|准确|准不准|对不对|有没有问题|什么问题|哪些问题|问题|错误|矛盾|毛病|检查|核查|核对|有误|靠不住/;
export const RANK_WORDS = /最多|最少|最高|最低|最大|最小|排名|排行|排序|前[三五十]|倒数/;
/** Where one agency stands in a ranking. */
export const POSITION_WORDS = /排第几|排名第几|第几名|排在第?几|排名|排行|排位|\brank(?:ed|ing)?\b/;
export const ASC_WORDS = /最少|最低|最小|倒数/;
export const COMPARE_WORDS = /对比|比较|相比|比一比|差多少|哪个多|谁多|谁少/;
/** Hellos and thanks: answered with the help text rather than “not understood”. */
export const GREETING_WORDS =
  /你好|您好|在吗|在不在|谢谢|多谢|感谢|哈喽|嗨|\b(?:hello|hi|hey|thanks|thank you|good morning)\b/;
export const TREND_WORDS = /趋势|变化|走势|增长|下降|逐年/;

/** Filler left after names, years and metrics; what remains may be a typo or an unknown place. */
export const FILLER =
  /多少|几[件起个次]?|一共|总共|共计|数量|数据|情况|请问|查询|查一下|告诉我|给我|看看|报告|年报|年度|政府信息公开|信息公开|政务公开|工作|本年|全年|哪个|哪里|哪家|哪|是|的|了|吗|呢|啊|吧|有|共|个|件|起|次|和|与|跟|同|及|在|对|做出|作出|决定|处理|全部|所有|各|万元|元|\d+|\b(?:what|was|were|is|the|of|in|for|how|many|much|did|does|do|and|with|a|an|to|by|show|me|county|district|city|government|make|made|had|has|have|which|agency)\b/g;
