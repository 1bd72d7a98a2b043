import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';
import { DEFAULT_LIMITS } from '../src/ingest/index.ts';

describe('parseConfig', () => {
  it('applies defaults for an empty environment (terminal chat)', () => {
    expect(parseConfig({})).toEqual({
      botToken: undefined,
      apiRoot: undefined,
      adminIds: [],
      storePath: 'data/store.json',
      reportsDir: 'data/reports',
      webhook: undefined,
      startTimeoutSeconds: 30,
      limits: DEFAULT_LIMITS,
      fetch: {
        maxBytes: 20 * 1024 * 1024,
        delayMs: 1000,
        timeoutMs: 60_000,
        connectTimeoutMs: 10_000,
        allowPrivate: false,
      },
      logLevel: 'info',
    });
  });

  it('reads every variable', () => {
    const config = parseConfig({
      BOT_TOKEN: '123456:ABC-def_ghi',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      ADMIN_IDS: '1, 22,333',
      STORE_PATH: '/tmp/s.json',
      REPORTS_DIR: '/tmp/r',
      WEBHOOK_URL: 'https://example.org/hook',
      WEBHOOK_SECRET: 's3cret',
      WEBHOOK_PORT: '9000',
      BOT_START_TIMEOUT_S: '5',
      INGEST_MAX_FILE_MB: '5',
      FETCH_MAX_MB: '5',
      FETCH_DELAY_MS: '2000',
      FETCH_TIMEOUT_MS: '30000',
      FETCH_CONNECT_TIMEOUT_MS: '5000',
      ALLOW_PRIVATE_FETCH: '127.0.0.1',
      LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      botToken: '123456:ABC-def_ghi',
      apiRoot: 'http://127.0.0.1:8081',
      adminIds: [1, 22, 333],
      storePath: '/tmp/s.json',
      reportsDir: '/tmp/r',
      webhook: { url: 'https://example.org/hook', secret: 's3cret', port: 9000 },
      startTimeoutSeconds: 5,
      limits: { ...DEFAULT_LIMITS, maxFileBytes: 5 * 1024 * 1024 },
      fetch: {
        maxBytes: 5 * 1024 * 1024,
        delayMs: 2000,
        timeoutMs: 30_000,
        connectTimeoutMs: 5000,
        allowPrivate: ['127.0.0.1'],
      },
      logLevel: 'debug',
    });
  });

  it('treats empty strings as unset', () => {
    expect(parseConfig({ BOT_TOKEN: '', TELEGRAM_API_ROOT: '', ADMIN_IDS: '' }).botToken).toBeUndefined();
  });

  it.each([
    [{ BOT_TOKEN: 'not-a-token' }, 'BOT_TOKEN'],
    [{ ADMIN_IDS: '12,abc' }, 'ADMIN_IDS'],
    [{ TELEGRAM_API_ROOT: 'nope' }, 'TELEGRAM_API_ROOT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BOT_START_TIMEOUT_S: '0' }, 'BOT_START_TIMEOUT_S'],
    [{ INGEST_TIMEOUT_MS: 'soon' }, 'INGEST_TIMEOUT_MS'],
    [{ WEBHOOK_URL: 'https://example.org/hook' }, 'WEBHOOK_SECRET'],
  ])('rejects %j naming %s', (env, name) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(name);
  });
});
