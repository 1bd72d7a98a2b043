import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from '../helpers.ts';

/** `npm start` (src/main.ts under tsx) as a child process, its output kept for assertions. */
export interface BotProcess {
  child: ChildProcess;
  /** stdout and stderr so far (the last 200,000 characters). */
  logs(): string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Kills the whole process group (anything the bot started goes with it). */
  kill(): void;
}

/**
 * Starts the bot with `env` over the test's environment, without the shell's webhook settings
 * or database (a test never touches a server it did not start).
 */
export function startBotProcess(env: Record<string, string>): BotProcess {
  const { WEBHOOK_URL: _w, WEBHOOK_SECRET: _s, DATABASE_URL: _d, ...inherited } = process.env;
  // node with tsx's loader (what `tsx src/main.ts` runs) in one process: the tsx CLI relays a
  // signal to its child and SIGKILLs it (exit 143) when the child does not confirm within 30 ms,
  // which a loaded machine can miss
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so killing it cannot leave the bot running after the test
    detached: true,
  });
  let logs = '';
  const keep = (d: Buffer) => {
    logs = (logs + d.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    logs: () => logs,
    exited,
    kill: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group has already exited
      }
    },
  };
}
