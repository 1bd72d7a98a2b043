import { Composer, type Context } from 'grammy';
import { addReports } from '../../pipeline/index.ts';
import { isAddressed } from '../addressing.ts';
import type { BotDeps } from '../deps.ts';
import { formatUpload } from '../format.ts';
import { html, splitHtml } from '../html.ts';
import { detectLang, getMessages } from '../messages.ts';

/** Bot API's getFile limit, in MB. */
const MAX_DOWNLOAD_MB = 20;

/** Downloads a file the Bot API holds; the URL carries the token, so it is never logged. */
async function downloadFile(ctx: Context, deps: BotDeps): Promise<Uint8Array> {
  const file = await ctx.getFile();
  const root = deps.config.apiRoot ?? 'https://api.telegram.org';
  const response = await fetch(`${root}/file/bot${deps.config.botToken}/${file.file_path}`);
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Report files: admins' are downloaded, parsed, checked and stored; others get a polite
 * refusal and nothing is downloaded. In groups only when addressed.
 */
export function createUploadFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:document', async (ctx) => {
    if (!isAddressed(ctx)) return;
    const doc = ctx.msg.document;
    const lang = detectLang(ctx.msg.caption, ctx.from.language_code);
    const m = getMessages(lang);
    const reply = (text: string) =>
      ctx.reply(text, { parse_mode: 'HTML', reply_parameters: { message_id: ctx.msg.message_id } });
    if (!deps.config.adminIds.includes(ctx.from.id)) {
      await reply(html`${m.notAdmin}`.value);
      return;
    }
    if ((doc.file_size ?? 0) > MAX_DOWNLOAD_MB * 1024 * 1024) {
      await reply(html`${m.uploadTooBig(MAX_DOWNLOAD_MB)}`.value);
      return;
    }
    const file = doc.file_name ?? `${doc.file_unique_id}.bin`;
    const bytes = await downloadFile(ctx, deps);
    const [result] = await addReports(deps.store, [{ file, bytes }]);
    if (!result) return;
    if (!result.ok) {
      deps.logger.info({ file, code: result.code }, 'upload rejected');
      await reply(html`${m.uploadFailed(result.code, result.message)}`.value);
      return;
    }
    deps.logger.info({ file, report: result.report.id, outcome: result.outcome }, 'report uploaded');
    for (const part of splitHtml(formatUpload(result, result.outcome, lang))) await reply(part.value);
  });
  return composer;
}
