import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  compilePdfium,
  DEFAULT_LIMITS,
  type IngestLimits,
  limitMessage,
  type PdfiumCode,
} from '../ingest/index.ts';
import { parseTaskBundle } from './_parse-bundle.ts';
import type { ParseTask } from './_parse-task.ts';
import type { ParsedFile, ReportFile } from './parse-file.ts';

/** The worker entry through tsx, when the bundled task cannot be built. */
const WORKER_URL = new URL('./_parse-worker.mjs', import.meta.url);
/** Budget for a cold worker to start (load the parser) before the file's own deadline begins. */
const STARTUP_MS = 60_000;
/** A worker idle this long exits (a later file starts a new one). */
const IDLE_MS = 15_000;

/**
 * Parse workers: INGEST_WORKERS, else one per core, at most four. A batch of files (a PDF collection)
 * uses every core; the workers run at nice 19, so the thread answering users still gets the CPU first.
 */
function defaultThreads(): number {
  const set = Number(process.env.INGEST_WORKERS);
  if (Number.isInteger(set) && set > 0) return set;
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface PoolState {
  pool: Piscina<ParseTask, ParsedFile>;
  heapMb: number;
  threads: number;
  running: number;
  waiting: (() => void)[];
}

let state: PoolState | undefined;

function getPool(heapMb: number, pdfium: PdfiumCode | undefined, task: URL | null): PoolState {
  if (state && state.heapMb === heapMb) return state;
  if (state) void state.pool.destroy();
  const threads = defaultThreads();
  const pool = new Piscina<ParseTask, ParsedFile>({
    // the task bundled as plain JavaScript starts in a third of the CPU of tsx compiling it
    filename: (task ?? WORKER_URL).href,
    // PDFium compiled here once: the workers share its code (see compilePdfium)
    workerData: { pdfium },
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: IDLE_MS,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
  });
  // a worker that dies between tasks (out of memory while starting) is replaced by the next task;
  // unheard, the pool's 'error' event would end the process
  pool.on('error', () => {});
  state = { pool, heapMb, threads, running: 0, waiting: [] };
  return state;
}

/** Waits for a free worker, so a file's deadline runs from when its worker starts, not while queued. */
async function acquire(s: PoolState): Promise<void> {
  while (s.running >= s.threads) await new Promise<void>((resolve) => s.waiting.push(resolve));
  s.running++;
}

function release(s: PoolState): void {
  s.running--;
  s.waiting.shift()?.();
}

/** `%PDF-` in the first kilobyte (where readers look for it). */
function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes('%PDF-');
}

function failed(file: string, code: string, message: string): ParsedFile {
  return { file, ok: false, code, message };
}

/**
 * Extracts and parses one file in a worker thread (heap capped at `limits.workerHeapMb`), with a
 * deadline of `limits.timeoutMs`: a worker past it is terminated and the file gets PARSE_TIMEOUT;
 * a worker out of memory gives PARSE_OUT_OF_MEMORY. Never throws for anything the file does; the
 * calling thread stays free (the bot keeps answering). `signal` abandons the file (shutdown).
 */
export async function parseInWorker(
  input: ReportFile,
  limits: IngestLimits = DEFAULT_LIMITS,
  signal?: AbortSignal,
): Promise<ParsedFile> {
  // a PDF brings PDFium's code into this process first, so the workers started next share it
  const pdfium = isPdf(input.bytes) ? await compilePdfium().catch(() => undefined) : undefined;
  const s = getPool(limits.workerHeapMb, pdfium, await parseTaskBundle());
  await acquire(s);
  // the deadline runs from the moment the worker starts the task (a cold worker first loads the
  // parser); should it never start, the start-up gets the same budget again on top
  const deadline = new AbortController();
  const channel = new MessageChannel();
  const timeout = () => deadline.abort();
  let timer = setTimeout(timeout, limits.timeoutMs + STARTUP_MS);
  channel.port1.once('message', () => {
    clearTimeout(timer);
    timer = setTimeout(timeout, limits.timeoutMs);
  });
  const signals = signal ? [deadline.signal, signal] : [deadline.signal];
  try {
    return await s.pool.run(
      {
        file: input.file,
        bytes: input.bytes,
        ...(input.url ? { url: input.url } : {}),
        limits,
        started: channel.port2,
      },
      { signal: AbortSignal.any(signals), transferList: [channel.port2] },
    );
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (deadline.signal.aborted) {
      const budget =
        limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} 秒` : `${limits.timeoutMs} 毫秒`;
      const detail = `解析超过 ${budget}（INGEST_TIMEOUT_MS），已中止`;
      return failed(input.file, 'PARSE_TIMEOUT', limitMessage(input.file, 'PARSE_TIMEOUT', detail));
    }
    if (signal?.aborted) return failed(input.file, 'ABORTED', `${input.file} 的处理已取消`);
    if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(err.message)) {
      const detail = `解析所需内存超过 ${limits.workerHeapMb} MB（INGEST_WORKER_HEAP_MB），已中止`;
      return failed(
        input.file,
        'PARSE_OUT_OF_MEMORY',
        limitMessage(input.file, 'PARSE_OUT_OF_MEMORY', detail),
      );
    }
    return failed(input.file, 'PARSE_FAILED', `${input.file} 解析时出错：${err.message}`);
  } finally {
    clearTimeout(timer);
    channel.port1.close();
    release(s);
  }
}

/** Stops the parse workers (a CLI run ends with this; idle workers also exit by themselves). */
export async function closeParsePool(): Promise<void> {
  const s = state;
  state = undefined;
  if (s) await s.pool.destroy();
}
