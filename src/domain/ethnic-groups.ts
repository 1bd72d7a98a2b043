/**
 * The 55 ethnic minorities of China (少数民族), as they appear in the names of autonomous
 * divisions (循化撒拉族自治县, 宁夏回族自治区). 各族 covers 各族自治县-style names.
 */
export const ETHNIC_GROUPS: readonly string[] = [
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
];

/** Regex alternation of the group names, longest first (土家族 before 土族), plus 各族. */
export const ETHNIC_ALTERNATION: string = [...ETHNIC_GROUPS, '各族']
  .sort((a, b) => b.length - a.length)
  .join('|');

/** 撒拉族自治县 / 回族土族自治县 / 各族自治县 → the ethnic-autonomy words before the division suffix. */
export const ETHNIC_AUTONOMY_WORDS = new RegExp(`(?:${ETHNIC_ALTERNATION})+自治(?=[县旗州区])`, 'g');
