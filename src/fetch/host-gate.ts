import { setTimeout as sleep } from 'node:timers/promises';

/** Serialises requests per host with a pause between them (politeness). */
export interface HostGate {
  /** Runs `task` when the host is free and `delayMs` has passed since its last request ended. */
  run<T>(url: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Raises one host's pause (robots.txt Crawl-delay); never lowers it. */
  setDelay(host: string, delayMs: number): void;
}

export function createHostGate(delayMs: number): HostGate {
  const tails = new Map<string, Promise<unknown>>();
  const lastEnd = new Map<string, number>();
  const delays = new Map<string, number>();
  return {
    run(url, task, signal) {
      const host = new URL(url).host;
      const previous = tails.get(host) ?? Promise.resolve();
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          const wait = (lastEnd.get(host) ?? 0) + (delays.get(host) ?? delayMs) - Date.now();
          if (wait > 0) await sleep(wait, undefined, { signal });
          try {
            return await task();
          } finally {
            lastEnd.set(host, Date.now());
          }
        });
      tails.set(host, next);
      return next;
    },
    setDelay(host, ms) {
      delays.set(host, Math.max(ms, delays.get(host) ?? delayMs));
    },
  };
}
