/** Intent words shared by more than one intent module (each list is one alternation). */
export const CHECK_WORDS =
  /靠谱|可靠|可信|准确|准不准|准吗|对不对|对得上|对不上|对吗|有没有问题|什么问题|哪些问题|问题|错误|有错|出错|差错|错漏|矛盾|毛病|检查|核查|核对|有误|靠不住|质量|自洽|不一致|一致吗|勾稽|瑕疵|漏洞|警告|提示/;
export const RANK_WORDS = /最多|最少|最高|最低|最大|最小|排名|排行|排序|前[三五十]|倒数/;
/** Where one agency stands in a ranking. */
export const POSITION_WORDS = /排第几|排名第几|第几名|排在第?几|排名|排行|排位|\brank(?:ed|ing)?\b/;
export const ASC_WORDS = /最少|最低|最小|倒数/;
export const COMPARE_WORDS =
  /对比|比较|相比|比一比|比比|差多少|哪个多|哪个少|谁多|谁少|哪个更多|哪个高|哪个低/;
export const TREND_WORDS = /趋势|变化|走势|增长|下降|逐年/;
export const LIST_WORDS =
  /有哪些|多少份|几份|多少个单位|多少家单位|哪些单位|\b(?:which|what) (?:agencies|places|governments|counties)\b|哪些(?:年报|报告|单位|地方)|都有什么|列出|列表|清单|目录|有什么年报|收录了?/;
/** Which years are held (某县的年报是哪年的); a list only when no figure is asked. */
export const YEARS_HELD_WORDS = /哪几年|哪些年|哪年的/;
export const HELP_WORDS = /帮助|怎么用|如何使用|使用说明|你能做什么|你会什么|能问什么|^\/?(?:help|start)$/;
