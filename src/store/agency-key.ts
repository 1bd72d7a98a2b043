/** Agency identity is domain knowledge (src/domain/agency.ts): cross-year pairing and grouping agree. */
export { agencyKey } from '../domain/index.ts';
