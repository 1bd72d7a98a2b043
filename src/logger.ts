import { Writable } from 'node:stream';
import { type Logger, pino } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  /** Secrets scrubbed from every line, wherever they appear (URLs, error messages). */
  secrets?: (string | undefined)[];
  /** Defaults to stderr so that the terminal chat's stdout stays clean. */
  destination?: NodeJS.WritableStream;
}

/** Creates the pino logger; the bot token never reaches the output. */
export function createLogger(options: LoggerOptions): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => Boolean(s && s.length >= 4));
  const out = options.destination ?? process.stderr;
  const scrubbed = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      let line = chunk.toString();
      for (const s of secrets) line = line.replaceAll(s, '[REDACTED]');
      out.write(line);
      done();
    },
  });
  return pino(
    {
      level: options.level,
      redact: { paths: ['token', '*.token', 'config.botToken', '*.botToken'], censor: '[REDACTED]' },
    },
    scrubbed,
  );
}
