/** Telegram's limit for callback_data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/**
 * What a button carries:
 * - `ask`: a question short enough to travel in the button itself;
 * - `pick`: the n-th choice of the clarification replying to the question message;
 * - `example`: the n-th example question of /start (rebuilt from the store).
 */
export type CallbackData =
  | { kind: 'ask'; question: string }
  | { kind: 'pick'; index: number }
  | { kind: 'example'; index: number };

const PREFIX = { ask: 'a', pick: 'p', example: 'e' } as const;

/** Serialises callback data; throws if it would exceed Telegram's 64 bytes (a programming error). */
export function packCallback(data: CallbackData): string {
  const packed = data.kind === 'ask' ? `a:${data.question}` : `${PREFIX[data.kind]}:${data.index}`;
  if (Buffer.byteLength(packed, 'utf8') > CALLBACK_DATA_LIMIT) {
    throw new RangeError(`callback data over ${CALLBACK_DATA_LIMIT} bytes: ${packed}`);
  }
  return packed;
}

/** Whether a question fits in an `ask` button. */
export function fitsCallback(question: string): boolean {
  return Buffer.byteLength(`a:${question}`, 'utf8') <= CALLBACK_DATA_LIMIT;
}

/** Parses callback data; undefined for anything this bot did not produce. */
export function unpackCallback(raw: string | undefined): CallbackData | undefined {
  const match = raw?.match(/^([ape]):(.*)$/s);
  if (!match) return undefined;
  const [, tag, body = ''] = match;
  if (tag === 'a') return body ? { kind: 'ask', question: body } : undefined;
  if (!/^\d{1,3}$/.test(body)) return undefined;
  return { kind: tag === 'p' ? 'pick' : 'example', index: Number(body) };
}

/** An export button: a held reply table as CSV or XLSX (`x:csv:<token>`, the token naming the table). */
export function packExport(format: 'csv' | 'xlsx', token: string): string {
  return `x:${format}:${token}`;
}

export function unpackExport(raw: string | undefined): { format: 'csv' | 'xlsx'; token: string } | undefined {
  const m = raw?.match(/^x:(csv|xlsx):([\w-]{1,16})$/);
  return m ? { format: m[1] as 'csv' | 'xlsx', token: m[2]! } : undefined;
}
