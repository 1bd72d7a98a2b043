import { randomBytes } from 'node:crypto';
import { Composer, type Context, InlineKeyboard } from 'grammy';
import { addReports, degradation, describeChange } from '../../pipeline/index.ts';
import { StoreError } from '../../store/index.ts';
import { grammySignal } from '../_grammy-signal.ts';
import { isAddressed } from '../addressing.ts';
import { langOf } from '../context.ts';
import type { FeatureDeps } from '../deps.ts';
import { formatUpload } from '../format.ts';
import { html, joinHtml, splitHtml } from '../html.ts';
import { getMessages } from '../messages.ts';

/** Bot API's getFile limit, in MB; enforced on the bytes received, not on the size Telegram may state. */
const MAX_DOWNLOAD_MB = 20;
/** A 20 MB download that takes longer than this is stalled. */
const DOWNLOAD_TIMEOUT_MS = 60_000;
/** How long a last word to the uploader may take while the process stops. */
const GOODBYE_TIMEOUT_MS = 1_000;

class TooLargeError extends Error {}

/** The process is stopping; the upload was left unfinished. */
class AbandonedError extends Error {}

/** Resolves with `task`, or rejects with AbandonedError as soon as `signal` aborts (the task is left behind). */
function unlessStopped<T>(task: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return task;
  if (signal.aborted) return Promise.reject(new AbandonedError('stopping'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbandonedError('stopping'));
    signal.addEventListener('abort', onAbort, { once: true });
    task.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Downloads a file the Bot API holds, counting bytes as they arrive and stopping past
 * `maxBytes`; the URL carries the token, so it is never logged.
 */
async function downloadFile(
  ctx: Context,
  deps: FeatureDeps,
  fileId: string,
  maxBytes: number,
): Promise<Uint8Array> {
  const signals = [AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), ...(deps.stopping ? [deps.stopping] : [])];
  const signal = AbortSignal.any(signals);
  const file = await ctx.api.getFile(fileId, grammySignal(signal));
  if ((file.file_size ?? 0) > maxBytes) throw new TooLargeError();
  const root = deps.config.apiRoot ?? 'https://api.telegram.org';
  const response = await fetch(`${root}/file/bot${deps.config.botToken}/${file.file_path}`, { signal });
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new Error(`file download failed with HTTP ${response.status}`);
  }
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body.cancel();
    throw new TooLargeError();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new TooLargeError(); // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

const REPLACE_DATA = /^r:([\w-]{8,16})$/;

/**
 * Report files: admins' are downloaded (counted, at most 20 MB or INGEST_MAX_FILE_MB), parsed
 * in a worker under the file limits, checked and stored; others get a polite refusal and
 * nothing is downloaded. In groups only when addressed. A re-upload that would degrade a
 * stored record is kept back with a button that replaces it deliberately (for 30 minutes, kept in
 * the bot's state so that the press may reach any instance). A stop request
 * abandons the upload (the store is written whole or not at all); a failed write is reported.
 */
export function createUploadFeature(deps: FeatureDeps): Composer<Context> {
  const composer = new Composer<Context>();
  const maxBytes = Math.min(MAX_DOWNLOAD_MB * 1024 * 1024, deps.config.limits.maxFileBytes);
  const maxMb = Math.max(1, Math.floor(maxBytes / (1024 * 1024)));

  /** Downloads, parses and stores one file, replying with the outcome; never leaves a half write. */
  async function ingest(
    ctx: Context,
    fileId: string,
    file: string,
    replace: boolean,
    reply: (text: string, extra?: { keyboard?: InlineKeyboard; signal?: AbortSignal }) => Promise<unknown>,
  ): Promise<void> {
    const m = getMessages(langOf(ctx));
    const { stopping } = deps;
    try {
      const bytes = await downloadFile(ctx, deps, fileId, maxBytes);
      const options = { replace, limits: deps.config.limits, signal: stopping };
      const [result] = await unlessStopped(addReports(deps.store, [{ file, bytes }], options), stopping);
      if (!result) return;
      if (!result.ok && result.kept) {
        const token = randomBytes(9).toString('base64url');
        await deps.state.replaces.write(token, { fileId, file, admin: ctx.from!.id });
        const { report, change } = result.kept;
        deps.logger.info({ file, report: report.id }, 'upload kept back: it would degrade the stored record');
        const text = m.recordKept(report.id, degradation(change) ?? '', describeChange(change));
        await reply(html`${text}`.value, {
          keyboard: new InlineKeyboard().text(m.replaceButton, `r:${token}`),
        });
        return;
      }
      if (!result.ok) {
        deps.logger.info({ file, code: result.code }, 'upload rejected');
        await reply(html`${m.uploadFailed(result.code, result.message)}`.value);
        return;
      }
      deps.logger.info({ file, report: result.report.id, outcome: result.outcome }, 'report uploaded');
      const summary = formatUpload(result, result.outcome, langOf(ctx));
      const body = result.changeText
        ? joinHtml([summary, html`${m.uploadChanged(result.changeText)}`])
        : summary;
      for (const part of splitHtml(body)) await reply(part.value);
    } catch (err) {
      if (err instanceof TooLargeError) {
        deps.logger.info({ file }, 'upload larger than the limit; download stopped');
        await reply(html`${m.uploadTooBig(maxMb)}`.value);
        return;
      }
      if (stopping?.aborted) {
        deps.logger.info({ file }, 'upload abandoned: stopping');
        await reply(html`${m.uploadAbandoned}`.value, {
          signal: AbortSignal.timeout(GOODBYE_TIMEOUT_MS),
        }).catch(() => undefined);
        return;
      }
      if (err instanceof StoreError) {
        deps.logger.error({ file, err }, 'upload parsed but the store write failed');
        await reply(html`${m.storeWriteFailed(err.code)}`.value);
        return;
      }
      throw err;
    }
  }

  composer.on('message:document', async (ctx) => {
    if (!isAddressed(ctx)) return;
    const doc = ctx.msg.document;
    const m = getMessages(langOf(ctx));
    const reply = (text: string, extra: { keyboard?: InlineKeyboard; signal?: AbortSignal } = {}) =>
      ctx.reply(
        text,
        {
          parse_mode: 'HTML',
          reply_parameters: { message_id: ctx.msg.message_id },
          ...(extra.keyboard ? { reply_markup: extra.keyboard } : {}),
        },
        extra.signal && grammySignal(extra.signal),
      );
    if (!deps.config.adminIds.includes(ctx.from.id)) {
      await reply(html`${m.notAdmin}`.value);
      return;
    }
    if ((doc.file_size ?? 0) > maxBytes) {
      await reply(html`${m.uploadTooBig(maxMb)}`.value);
      return;
    }
    await ingest(ctx, doc.file_id, doc.file_name ?? `${doc.file_unique_id}.bin`, false, reply);
  });

  composer.callbackQuery(REPLACE_DATA, async (ctx) => {
    const m = getMessages(langOf(ctx));
    const token = ctx.match[1]!;
    const p = await deps.state.replaces.read(token);
    if (!p || p.admin !== ctx.from.id || !deps.config.adminIds.includes(ctx.from.id)) {
      await ctx.answerCallbackQuery({ text: m.clarifyExpired });
      return;
    }
    await deps.state.replaces.delete(token);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    const reply = (text: string, extra: { keyboard?: InlineKeyboard; signal?: AbortSignal } = {}) =>
      ctx.reply(
        text,
        { parse_mode: 'HTML', ...(extra.keyboard ? { reply_markup: extra.keyboard } : {}) },
        extra.signal && grammySignal(extra.signal),
      );
    await ingest(ctx, p.fileId, p.file, true, reply);
  });
  return composer;
}
