/**
 * Chinese-domain knowledge, in one leaf module that parse, check, store, nlu and answer import:
 * administrative divisions and how their names shorten, the ethnic groups in autonomous
 * division names, Chinese numerals, agency identity and level, and the English of bodies' names. Imports only src/schema.
 */

export { agencyKey, isSameAgency } from './agency.ts';
export { type AgencyLevel, agencyLevel, deriveLevel, type Level } from './agency-level.ts';
export { readChineseNumber, rewriteChineseYears } from './chinese-numerals.ts';
export { BODY_WORDS, DEPARTMENT_WORDS, JOIN_WORDS, ZONE_WORDS } from './departments.ts';
export {
  allDivisions,
  DIVISION_SUFFIXES,
  type Division,
  divisionShortForms,
  ZONE_SUFFIXES,
} from './divisions.ts';
export { ETHNIC_ALTERNATION, ETHNIC_AUTONOMY_WORDS, ETHNIC_GROUPS } from './ethnic-groups.ts';
export { ZONES } from './zones.ts';
