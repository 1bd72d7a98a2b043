export { MIGRATIONS } from './migrations.ts';
export { CHANNEL, openPgStore, type PgOptions, type PgStore } from './open-pg.ts';
export { redactUrl } from './redact.ts';
