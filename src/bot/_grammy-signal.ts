import type { Api } from 'grammy';

/** grammY's Node build types its signals with the abort-controller polyfill; the runtime takes Node's own. */
export type GrammySignal = NonNullable<Parameters<Api['getMe']>[0]>;

export const grammySignal = (signal: AbortSignal): GrammySignal => signal as unknown as GrammySignal;
