import type { Query } from '../nlu/index.ts';

/** How long a chat's previous question is kept for follow-ups (那民和呢, 2023年呢). */
export const FOLLOW_UP_MS = 30 * 60 * 1000;

/** Whether a follow-up may continue this question: it named something (not help, a clarification or a listing). */
export function isFollowUpAnchor(query: Query | undefined): query is Query {
  return query !== undefined && !['help', 'unknown', 'clarify', 'list'].includes(query.intent);
}

/**
 * The previous question per chat and user, forgotten after 30 minutes. The clock is passed in
 * (`now`), so the memory holds no hidden time.
 */
export class FollowUpMemory {
  readonly #items = new Map<string, { query: Query; at: number }>();

  constructor(readonly windowMs = FOLLOW_UP_MS) {}

  recall(key: string, now: Date): Query | undefined {
    const hit = this.#items.get(key);
    if (!hit) return undefined;
    if (now.getTime() - hit.at > this.windowMs) {
      this.#items.delete(key);
      return undefined;
    }
    return hit.query;
  }

  /** Keeps a question that named something (an agency, place or figure); clarifications and help are not kept. */
  remember(key: string, query: Query | undefined, now: Date): void {
    if (!isFollowUpAnchor(query)) return;
    this.#items.set(key, { query, at: now.getTime() });
    if (this.#items.size > 10_000) {
      const oldest = this.#items.keys().next().value;
      if (oldest !== undefined) this.#items.delete(oldest);
    }
  }
}
