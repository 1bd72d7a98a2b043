import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/index.ts';

/** What every feature may use; built once by the composition root. */
export interface BotDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** Aborted when the process is stopping: long work (an upload) is abandoned, nothing half-written. */
  stopping?: AbortSignal;
}
