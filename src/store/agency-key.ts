/** Agency identity is the checker's (cross-year pairing and grouping must agree). */
export { agencyKey } from '../check/index.ts';
