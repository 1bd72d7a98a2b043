/** Administrative levels live in src/domain/agency-level.ts; re-exported for existing imports. */
export { deriveLevel, type Level } from '../domain/index.ts';
