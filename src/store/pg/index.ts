export { MIGRATIONS } from './migrations.ts';
export { CHANNEL, openPgStore, type PgOptions, type PgStore, redactUrl } from './open-pg.ts';
