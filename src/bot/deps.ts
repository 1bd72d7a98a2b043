import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/index.ts';
import type { BotState } from './state.ts';

/** What every feature may use; built once by the composition root. */
export interface BotDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** Aborted when the process is stopping: long work (an upload) is abandoned, nothing half-written. */
  stopping?: AbortSignal;
  /**
   * What the bot remembers between updates (follow-ups, buttons' pending choices, rate limits).
   * Default: this process's memory; shared storage when several instances serve one bot.
   */
  state?: BotState;
}

/** The deps features get: the state is always there. */
export type FeatureDeps = BotDeps & { state: BotState };
