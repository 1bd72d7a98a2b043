// Entry of a parse worker thread when the task cannot be bundled (see _parse-bundle.ts). Plain
// JavaScript so that any parent can start it (the `tsx` CLI, vitest, plain node); tsx's scoped
// import then loads the TypeScript task.
import { tsImport } from 'tsx/esm/api';

const task = await tsImport('./_parse-task.ts', import.meta.url);

export default task.default;
