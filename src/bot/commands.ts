import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';

const COMMANDS: Record<'zh' | 'en', BotCommand[]> = {
  zh: [
    { command: 'start', description: '能做什么，示例问题' },
    { command: 'help', description: '用法' },
    { command: 'list', description: '已收录的报告' },
    { command: 'check', description: '一致性检查：/check 机关 年份' },
    { command: 'compare', description: '比较：/compare 机关… 指标' },
    { command: 'about', description: '数据来源与核对方法' },
  ],
  en: [
    { command: 'start', description: 'What I do, example questions' },
    { command: 'help', description: 'Usage' },
    { command: 'list', description: 'Reports held' },
    { command: 'check', description: 'Consistency check: /check agency year' },
    { command: 'compare', description: 'Compare: /compare agency… figure' },
    { command: 'about', description: 'Data sources and checks' },
  ],
};

/** Registers the command menu: Chinese by default, English for English-language clients. */
export async function registerCommands(api: Api): Promise<void> {
  await api.setMyCommands(COMMANDS.zh);
  await api.setMyCommands(COMMANDS.zh, { language_code: 'zh' });
  await api.setMyCommands(COMMANDS.en, { language_code: 'en' });
}
