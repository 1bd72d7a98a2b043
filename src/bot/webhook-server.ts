import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.ts';

/** An update is a few KB; Telegram's largest (a long message with entities) stays far below this. */
const MAX_BODY_BYTES = 1024 * 1024;
/** Updates being handled at once; beyond it Telegram is told to come back (it redelivers). */
const MAX_IN_FLIGHT = 256;
/** A request that has not arrived whole by then is dropped (slow senders hold no socket for long). */
const REQUEST_TIMEOUT_MS = 15_000;

export interface WebhookServer {
  server: Server;
  /** Stops accepting requests; resolves once the updates already accepted are handled. */
  close(): Promise<void>;
}

/** Constant-time comparison of the header Telegram sends with the configured secret. */
function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const a = Buffer.from(header);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isUpdate(value: unknown): value is Update {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id)
  );
}

/** The body, or why it is refused (as an HTTP status); undefined when the sender went away. */
async function readBody(req: IncomingMessage): Promise<Buffer | number | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return 413;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return 413;
      chunks.push(chunk as Buffer);
    }
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}

/**
 * The webhook endpoint: checks the secret, answers Telegram at once (200, or 400 for a body
 * that is not an update) and handles the update afterwards, so a slow update never times the
 * request out and nothing a request carries can throw out of the server.
 */
export function createWebhookServer(bot: Bot, secret: string, logger: Logger): WebhookServer {
  const inFlight = new Set<Promise<void>>();
  const end = (res: ServerResponse, status: number, body = '') => {
    if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(body);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return end(res, 405);
    if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      res.setHeader('connection', 'close');
      return end(res, 401, 'unauthorized');
    }
    const body = await readBody(req);
    if (body === undefined) return;
    if (typeof body === 'number') {
      res.setHeader('connection', 'close');
      return end(res, body);
    }
    let update: unknown;
    try {
      update = JSON.parse(body.toString('utf8'));
    } catch {
      logger.warn({ bytes: body.length }, 'webhook body is not JSON');
      return end(res, 400, 'body is not JSON');
    }
    if (!isUpdate(update)) {
      logger.warn({ bytes: body.length }, 'webhook body is not an update');
      return end(res, 400, 'not an update');
    }
    if (inFlight.size >= MAX_IN_FLIGHT) {
      logger.warn({ inFlight: inFlight.size }, 'webhook busy; Telegram will redeliver');
      return end(res, 503);
    }
    end(res, 200);
    const task = bot
      .handleUpdate(update)
      .catch((err: unknown) => logger.error({ err, update_id: update.update_id }, 'update failed'))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'webhook request failed');
      end(res, 500);
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  return {
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await Promise.allSettled([...inFlight]);
    },
  };
}
