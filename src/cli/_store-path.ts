/** The store the CLI uses unless `--store` is given: STORE_PATH, else the bundled one. */
export function defaultStorePath(): string {
  return process.env.STORE_PATH || 'data/store.json';
}
