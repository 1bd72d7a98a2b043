export { ensureStore } from './build-store.ts';
export { type CallbackData, packCallback, unpackCallback } from './callback-data.ts';
export { buildChartSvg, renderChart } from './chart.ts';
export { type CreateBotOptions, createBot } from './create-bot.ts';
export type { BotDeps } from './deps.ts';
export { escapeHtml, SafeHtml, splitHtml } from './html.ts';
export { type RunningBot, startBot } from './run-bot.ts';
export { runTerminalChat, type TerminalChatOptions } from './terminal-chat.ts';
