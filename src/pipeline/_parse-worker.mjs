// Entry of a parse worker thread. Plain JavaScript so that any parent can start it (the `tsx`
// CLI, vitest, plain node); tsx's scoped import then loads the TypeScript task.
import { setPriority } from 'node:os';
import { tsImport } from 'tsx/esm/api';

// A parse thread yields the CPU to the thread answering users (on Linux the nice value is per thread).
try {
  setPriority(19);
} catch {
  // not permitted here: parse at normal priority
}

const task = await tsImport('./_parse-task.ts', import.meta.url);

export default task.default;
