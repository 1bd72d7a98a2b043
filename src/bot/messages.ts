/** Every user-facing sentence of the bot, per language; values are interpolated escaped by the caller. */
export type Lang = 'zh' | 'en';

export interface Messages {
  startIntro: string;
  startExamples: string;
  help: string;
  about: string;
  listHeader: (count: number) => string;
  listEmpty: string;
  checkUsage: string;
  compareUsage: string;
  clarifyPrompt: string;
  clarifyExpired: string;
  apology: string;
  notAdmin: string;
  uploadTooBig: (mb: number) => string;
  uploadReceived: (name: string) => string;
  uploadFailed: (code: string, message: string) => string;
  uploadOutcome: Record<'added' | 'updated' | 'unchanged', string>;
  uploadAbandoned: string;
  storeWriteFailed: (code: string) => string;
  recordKept: (id: string, reason: string, change: string) => string;
  replaceButton: string;
  uploadChanged: (change: string) => string;
  warningsFound: (count: number) => string;
  noWarnings: string;
  inlineHint: string;
  inlineWarnings: (count: number) => string;
  unhandled: string;
  slowDown: string;
  moreWarnings: (count: number) => string;
}

const zh: Messages = {
  startIntro:
    '我读政府信息公开工作年度报告，把表格里的数字核对后回答你的问题：某机关某年的数字、几个机关的比较、排名、历年趋势，以及报告里自相矛盾的地方。',
  startExamples: '试试这些问题：',
  help: [
    '直接提问即可，例如“某县2024年行政处罚多少”。',
    '/list 已收录的报告',
    '/check 机关 年份 — 一致性检查',
    '/compare 机关… 指标 — 比较（附图）',
    '/about 数据来源与核对方法',
    '在群里：@我、回复我的消息或用命令，我才会说话。',
    '在任意聊天输入 @我 加问题，可直接插入答案。',
  ].join('\n'),
  about: [
    '数据来源：各级行政机关公开发布的《政府信息公开工作年度报告》原文。',
    '每份报告的表二、表三、表四逐格解析，再按勾稽关系（新收+上年结转=办理结果总计+结转下年度、分项之和=合计等）和正文所述数字交叉核对；不一致之处作为警告附在答案后。',
    '答案中的每个数字都注明出自哪份报告、哪张表、哪一行哪一列。',
  ].join('\n'),
  listHeader: (n) => `已收录 ${n} 份报告：`,
  listEmpty: '还没有收录任何报告。',
  checkUsage: '用法：/check 机关 年份，例如 /check 某县 2024',
  compareUsage: '用法：/compare 机关1 机关2 指标，例如 /compare 甲县 乙县 行政处罚',
  clarifyPrompt: '你指的是哪一个？',
  clarifyExpired: '这个选项已失效，请重新提问。',
  apology: '抱歉，处理这条消息时出错了，请稍后再试。',
  notAdmin: '谢谢！目前只有管理员可以添加报告。如果你有新的年报，请联系机器人管理员。',
  uploadTooBig: (mb) => `文件太大（超过 ${mb} MB），无法下载。`,
  uploadReceived: (name) => `已收到 ${name}，正在解析……`,
  uploadFailed: (code, message) => `无法读取这份文件（${code}）：${message}`,
  uploadOutcome: { added: '已添加', updated: '已更新（替换了旧版本）', unchanged: '已存在，内容未变' },
  uploadAbandoned: '机器人正在重启，这份文件没有保存，请稍后重新发送。',
  storeWriteFailed: (code) => `文件已读懂，但写入数据库失败（${code}），没有保存。请稍后重试或联系管理员。`,
  recordKept: (id, reason, change) =>
    `已保留数据库中的原记录 ${id}，没有用这份文件替换（RECORD_KEPT）：${reason}（${change}）。如确需替换，请按下面的按钮。`,
  replaceButton: '仍然替换',
  uploadChanged: (change) => `变化：${change}`,
  warningsFound: (n) => `发现 ${n} 条警告：`,
  noWarnings: '未发现不一致。',
  inlineHint: '输入问题，例如：某县 2024 行政处罚',
  inlineWarnings: (n) => (n > 0 ? `${n} 条警告` : '无警告'),
  unhandled: '我只看得懂文字问题和年报文件。发送 /help 查看用法。',
  slowDown: '消息太快了，请稍等片刻再问。',
  moreWarnings: (n) => `……另有 ${n} 条`,
};

const en: Messages = {
  startIntro:
    'I read Chinese government information-disclosure annual reports, check their tables and answer questions: one figure, comparisons, rankings, trends over the years, and where a report contradicts itself.',
  startExamples: 'Try one of these:',
  help: [
    'Just ask, e.g. “administrative penalties of X county in 2024”.',
    '/list reports held',
    '/check agency year — consistency check',
    '/compare agency… figure — comparison (with a chart)',
    '/about data sources and how figures are checked',
    'In groups I only speak when mentioned, replied to, or given a command.',
    'In any chat, type @me and a question to insert the answer.',
  ].join('\n'),
  about: [
    'Source: the annual government information disclosure reports published by each agency.',
    'Tables 2, 3 and 4 are parsed cell by cell and cross-checked: new + carried in = results total + carried out, parts add up to totals, and figures stated in the prose match the tables. Mismatches are attached to answers as warnings.',
    'Every figure names its report, table, row and column.',
  ].join('\n'),
  listHeader: (n) => `${n} reports held:`,
  listEmpty: 'No reports held yet.',
  checkUsage: 'Usage: /check agency year, e.g. /check Xian 2024',
  compareUsage: 'Usage: /compare agency1 agency2 figure',
  clarifyPrompt: 'Which one do you mean?',
  clarifyExpired: 'This choice has expired; please ask again.',
  apology: 'Sorry, something went wrong with that message. Please try again later.',
  notAdmin:
    'Thanks! Only admins can add reports for now. If you have a new report, please contact the bot admin.',
  uploadTooBig: (mb) => `The file is larger than ${mb} MB and cannot be downloaded.`,
  uploadReceived: (name) => `Received ${name}, parsing…`,
  uploadFailed: (code, message) => `Could not read this file (${code}): ${message}`,
  uploadOutcome: {
    added: 'Added',
    updated: 'Updated (replaced the old version)',
    unchanged: 'Already held, unchanged',
  },
  uploadAbandoned: 'The bot is restarting; this file was not stored. Please send it again shortly.',
  storeWriteFailed: (code) =>
    `The file was read, but writing the store failed (${code}); nothing was stored. Try again later or tell the admin.`,
  recordKept: (id, reason, change) =>
    `Kept the stored record ${id}; this file did not replace it (RECORD_KEPT): ${reason} (${change}). Press the button to replace it anyway.`,
  replaceButton: 'Replace anyway',
  uploadChanged: (change) => `Changes: ${change}`,
  warningsFound: (n) => `${n} warnings found:`,
  noWarnings: 'No inconsistencies found.',
  inlineHint: 'Type a question, e.g. county 2024 penalties',
  inlineWarnings: (n) => (n === 1 ? '1 warning' : `${n} warnings`),
  unhandled: 'I understand text questions and report files. Send /help for usage.',
  slowDown: 'Too many messages; please wait a moment.',
  moreWarnings: (n) => `…and ${n} more`,
};

const MESSAGES: Record<Lang, Messages> = { zh, en };

/** Returns the wording for a language. */
export function getMessages(lang: Lang): Messages {
  return MESSAGES[lang];
}

/** Chooses the reply language: the question's script first, then the user's Telegram language. */
export function detectLang(text: string | undefined, languageCode: string | undefined): Lang {
  // Commands, @mentions and links say nothing about the user's language.
  text = text
    ?.replace(/^\/\S+/, '')
    .replace(/@\w+/g, '')
    .replace(/https?:\/\/[\x21-\x7e]+/gi, '');
  if (text && /\p{Script=Han}/u.test(text)) return 'zh';
  if (text && /[A-Za-z]{3,}/.test(text)) return 'en';
  if (languageCode && !languageCode.toLowerCase().startsWith('zh')) return 'en';
  return 'zh';
}
