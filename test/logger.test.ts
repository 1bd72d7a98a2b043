import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('never writes the token, wherever it appears', () => {
    const token = '123456:ABC-secret_token';
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'info', secrets: [token], destination: stream });
    logger.info({ token, url: `https://api.telegram.org/bot${token}/getMe` }, `failed bot${token}`);
    logger.error(new Error(`request to /bot${token}/sendMessage failed`));
    const out = lines.join('');
    expect(lines).toHaveLength(2);
    expect(out).not.toContain('ABC-secret_token');
    expect(out).toContain('[REDACTED]');
  });
});
