/** A local stand-in for the Telegram Bot API (127.0.0.1 only), for end-to-end bot tests. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';

export interface ApiCall {
  method: string;
  /** JSON body, or the text fields of a multipart body. */
  payload: Record<string, unknown>;
  /** Uploaded files of a multipart body: field name → byte length. */
  files: Record<string, number>;
  /** Whether this call was answered with an injected failure. */
  failed: boolean;
  at: number;
}

interface Failure {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number };
}

export interface FileOptions {
  /** getFile leaves out file_size (it is optional in the Bot API). */
  hideSize?: boolean;
  /** The download is sent in chunks without a content-length. */
  chunked?: boolean;
}

interface Waiter {
  offset: number;
  limit: number;
  respond: (updates: Update[]) => void;
}

export const BOT_USER = {
  id: 999000,
  is_bot: true as const,
  first_name: 'Nianbao',
  username: 'nianbao_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: true,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** Longest long poll the fake holds, whatever `timeout` the client asks for. */
const MAX_POLL_MS = 25_000;

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  readonly downloads: string[] = [];
  /** Bytes of a chunked download written before the reader went away (or all of them). */
  readonly sentBytes = new Map<string, number>();
  private readonly updates: Update[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly delays = new Map<string, number[]>();
  private readonly files = new Map<string, { path: string; bytes: Uint8Array } & FileOptions>();
  private nextUpdateId = 1;
  private nextMessageId = 1000;
  private readonly listeners = new Set<() => void>();
  private server: Server | undefined;
  url = '';

  constructor(readonly token: string) {}

  /** Starts listening on 127.0.0.1 (random port). */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.waiters) w.respond([]);
    this.waiters.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Queues an update for getUpdates; returns its update_id. */
  pushUpdate(update: Omit<Update, 'update_id'>): number {
    const full = { ...update, update_id: this.nextUpdateId++ } as Update;
    this.updates.push(full);
    for (const w of [...this.waiters]) {
      const ready = this.pending(w.offset, w.limit);
      if (ready.length > 0) {
        this.waiters.delete(w);
        w.respond(ready);
      }
    }
    return full.update_id;
  }

  /** Makes the next `count` calls of `method` fail with this error (e.g. a 429 with retry_after). */
  failNext(method: string, failure: Failure, count = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < count; i++) queue.push(failure);
    this.failures.set(method, queue);
  }

  /** Makes the next `count` calls of `method` answer only after `ms` (a slow Bot API). */
  delayNext(method: string, ms: number, count = 1): void {
    const queue = this.delays.get(method) ?? [];
    for (let i = 0; i < count; i++) queue.push(ms);
    this.delays.set(method, queue);
  }

  /** Makes a file available to getFile and the file download endpoint. */
  addFile(fileId: string, path: string, bytes: Uint8Array, options: FileOptions = {}): void {
    this.files.set(fileId, { path, bytes, ...options });
  }

  /** Resolves with the first call (past or future) matching `match`; rejects after `timeoutMs`. */
  waitForCall(match: (call: ApiCall) => boolean, timeoutMs = 10_000): Promise<ApiCall> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.calls.find((c) => !c.failed && match(c));
        if (!found) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching Bot API call within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void check();
      if (!check()) this.listeners.add(listener);
    });
  }

  /** Calls whose method is one of `methods` and whose chat_id is `chatId`. */
  callsTo(chatId: number, ...methods: string[]): ApiCall[] {
    return this.calls.filter((c) => !c.failed && methods.includes(c.method) && c.payload.chat_id === chatId);
  }

  private pending(offset: number, limit: number): Update[] {
    return this.updates.filter((u) => u.update_id >= offset).slice(0, limit);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const filePrefix = `/file/bot${this.token}/`;
    if (req.method === 'GET' && url.pathname.startsWith(filePrefix)) {
      const path = decodeURIComponent(url.pathname.slice(filePrefix.length));
      const file = [...this.files.values()].find((f) => f.path === path);
      this.downloads.push(path);
      if (!file) return void res.writeHead(404).end();
      if (!file.chunked) {
        return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(file.bytes);
      }
      // no content-length: the reader learns the size only by counting
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' });
      let sent = 0;
      for (let at = 0; at < file.bytes.length && !res.destroyed; at += 64 * 1024) {
        const chunk = file.bytes.subarray(at, at + 64 * 1024);
        sent += chunk.length;
        if (!res.write(chunk)) {
          await new Promise((resolve) => {
            res.once('drain', resolve);
            res.once('close', resolve);
          });
        }
      }
      this.sentBytes.set(path, sent);
      return void res.end();
    }
    const match = url.pathname.match(/^\/bot([^/]+)\/(\w+)$/);
    if (!match || match[1] !== this.token) {
      return this.send(res, { ok: false, error_code: 401, description: 'Unauthorized' });
    }
    const method = match[2]!;
    const { payload, files } = await readBody(req);
    const delay = this.delays.get(method)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = this.failures.get(method)?.shift();
    const call: ApiCall = { method, payload, files, failed: Boolean(failure), at: Date.now() };
    this.calls.push(call);
    queueMicrotask(() => {
      for (const l of [...this.listeners]) l();
    });
    if (failure) return this.send(res, { ok: false, ...failure }, failure.error_code);
    if (method === 'getUpdates') return this.longPoll(req, res, payload);
    this.send(res, { ok: true, result: this.resultFor(method, payload) });
  }

  private longPoll(req: IncomingMessage, res: ServerResponse, payload: Record<string, unknown>): void {
    const offset = Number(payload.offset ?? 0);
    const limit = Number(payload.limit ?? 100);
    // Confirmed updates are forgotten, as Telegram does.
    this.updates.splice(0, this.updates.filter((u) => u.update_id < offset).length);
    const ready = this.pending(offset, limit);
    if (ready.length > 0) {
      this.send(res, { ok: true, result: ready });
      return;
    }
    const waitMs = Math.min(Number(payload.timeout ?? 0) * 1000, MAX_POLL_MS);
    const waiter: Waiter = {
      offset,
      limit,
      respond: (updates) => {
        clearTimeout(timer);
        if (!res.writableEnded) this.send(res, { ok: true, result: updates });
      },
    };
    const timer = setTimeout(() => {
      this.waiters.delete(waiter);
      waiter.respond([]);
    }, waitMs);
    this.waiters.add(waiter);
    req.on('close', () => {
      clearTimeout(timer);
      this.waiters.delete(waiter);
    });
  }

  private resultFor(method: string, payload: Record<string, unknown>): unknown {
    const chat = {
      id: Number(payload.chat_id ?? 0),
      type: Number(payload.chat_id) < 0 ? 'group' : 'private',
    };
    const message = {
      message_id: this.nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: BOT_USER,
    };
    switch (method) {
      case 'getMe':
        return BOT_USER;
      case 'sendMessage':
        return { ...message, text: payload.text };
      case 'sendPhoto':
        return {
          ...message,
          caption: payload.caption,
          photo: [{ file_id: 'p', file_unique_id: 'p', width: 900, height: 520 }],
        };
      case 'editMessageText':
        return { ...message, message_id: Number(payload.message_id), text: payload.text };
      case 'getFile': {
        const file = this.files.get(String(payload.file_id));
        return {
          file_id: payload.file_id,
          file_unique_id: 'u',
          file_size: file?.hideSize ? undefined : file?.bytes.length,
          file_path: file?.path,
        };
      }
      default:
        return true;
    }
  }

  private send(res: ServerResponse, body: unknown, status = 200): void {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

async function readBody(
  req: IncomingMessage,
): Promise<{ payload: Record<string, unknown>; files: Record<string, number> }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const boundary = type.match(/boundary=(?:"([^"]+)"|([^;]+))/);
  if (type.startsWith('multipart/form-data') && boundary)
    return parseMultipart(body, boundary[1] ?? boundary[2]!);
  if (body.length === 0) return { payload: {}, files: {} };
  return { payload: JSON.parse(body.toString('utf8')) as Record<string, unknown>, files: {} };
}

/** A small multipart/form-data reader (undici's rejects grammY's framing): fields and file sizes. */
function parseMultipart(
  body: Buffer,
  boundary: string,
): { payload: Record<string, unknown>; files: Record<string, number> } {
  const payload: Record<string, unknown> = {};
  const files: Record<string, number> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length, next);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4, part.length - 2);
      const name = headers.match(/name="([^"]*)"/i)?.[1];
      if (name && /filename=/i.test(headers)) files[name] = content.length;
      else if (name) payload[name] = parseField(content.toString('utf8'));
    }
    start = next;
  }
  return { payload, files };
}

/** Multipart fields arrive as strings; JSON-looking ones (numbers, objects) are decoded. */
function parseField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
