import { Composer, type Context } from 'grammy';
import { addReports } from '../../pipeline/index.ts';
import { StoreError } from '../../store/index.ts';
import { grammySignal } from '../_grammy-signal.ts';
import { isAddressed } from '../addressing.ts';
import { langOf } from '../context.ts';
import type { BotDeps } from '../deps.ts';
import { formatUpload } from '../format.ts';
import { html, splitHtml } from '../html.ts';
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
  deps: BotDeps,
  maxBytes: number,
  stopping: AbortSignal | undefined,
): Promise<Uint8Array> {
  const signals = [AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), ...(stopping ? [stopping] : [])];
  const signal = AbortSignal.any(signals);
  const file = await ctx.getFile(grammySignal(signal));
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

/**
 * Report files: admins' are downloaded, parsed, checked and stored; others get a polite
 * refusal and nothing is downloaded. In groups only when addressed. A stop request abandons
 * the upload (the store is written whole or not at all); a failed store write is reported.
 */
export function createUploadFeature(deps: BotDeps): Composer<Context> {
  const composer = new Composer<Context>();
  composer.on('message:document', async (ctx) => {
    if (!isAddressed(ctx)) return;
    const doc = ctx.msg.document;
    const lang = langOf(ctx);
    const m = getMessages(lang);
    const reply = (text: string, signal?: AbortSignal) =>
      ctx.reply(
        text,
        { parse_mode: 'HTML', reply_parameters: { message_id: ctx.msg.message_id } },
        signal && grammySignal(signal),
      );
    if (!deps.config.adminIds.includes(ctx.from.id)) {
      await reply(html`${m.notAdmin}`.value);
      return;
    }
    const maxBytes = MAX_DOWNLOAD_MB * 1024 * 1024;
    if ((doc.file_size ?? 0) > maxBytes) {
      await reply(html`${m.uploadTooBig(MAX_DOWNLOAD_MB)}`.value);
      return;
    }
    const file = doc.file_name ?? `${doc.file_unique_id}.bin`;
    const { stopping } = deps;
    try {
      const bytes = await downloadFile(ctx, deps, maxBytes, stopping);
      const [result] = await unlessStopped(addReports(deps.store, [{ file, bytes }]), stopping);
      if (!result) return;
      if (!result.ok) {
        deps.logger.info({ file, code: result.code }, 'upload rejected');
        await reply(html`${m.uploadFailed(result.code, result.message)}`.value);
        return;
      }
      deps.logger.info({ file, report: result.report.id, outcome: result.outcome }, 'report uploaded');
      for (const part of splitHtml(formatUpload(result, result.outcome, lang))) await reply(part.value);
    } catch (err) {
      if (err instanceof TooLargeError) {
        deps.logger.info({ file }, 'upload larger than the limit; download stopped');
        await reply(html`${m.uploadTooBig(MAX_DOWNLOAD_MB)}`.value);
        return;
      }
      if (stopping?.aborted) {
        deps.logger.info({ file }, 'upload abandoned: stopping');
        await reply(html`${m.uploadAbandoned}`.value, AbortSignal.timeout(GOODBYE_TIMEOUT_MS)).catch(
          () => undefined,
        );
        return;
      }
      if (err instanceof StoreError) {
        deps.logger.error({ file, err }, 'upload parsed but the store write failed');
        await reply(html`${m.storeWriteFailed(err.code)}`.value);
        return;
      }
      throw err;
    }
  });
  return composer;
}
