import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/index.ts';
import { buildExamples } from '../../src/bot/examples.ts';
import type { Store } from '../../src/store/index.ts';
import { openSeedStore } from '../support/test-bot.ts';

let store: Store;
let dir: string;
beforeAll(async () => {
  ({ store, dir } = await openSeedStore());
});
afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});

describe('buildExamples', () => {
  it.each(['zh', 'en'] as const)(
    'offers three %s examples the answering code fully answers',
    async (lang) => {
      const examples = await buildExamples(store, lang);
      expect(examples).toHaveLength(3);
      const intents = await Promise.all(
        examples.map(async (q) => (await answerQuestion(q, store, { lang })).intent),
      );
      expect(intents.filter((i) => i === 'clarify' || i === 'unknown')).toEqual([]);
      expect(new Set(intents).size).toBeGreaterThan(1);
    },
  );
});
