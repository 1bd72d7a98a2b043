export { DERIVED_FIELDS, type DerivedField, getDerivedField } from './derived.ts';
export {
  ACTIVE_DOC_COLS,
  ACTIVE_DOC_ROWS,
  ACTIVE_SINGLE_ROWS,
  APPLY_COLS,
  APPLY_ROWS,
  type ApplyRowDef,
  type ColumnDef,
  FIELD_IDS,
  FIELDS,
  type FieldDef,
  getField,
  LEGAL_COLS,
  LEGAL_GROUPS,
  TABLE_TITLES,
  type TableId,
} from './fields.ts';
export {
  type NarrativeItem,
  NarrativeItemSchema,
  type Region,
  RegionSchema,
  type Report,
  ReportSchema,
} from './report.ts';
export { type Severity, SeveritySchema, type Warning, WarningSchema } from './warning.ts';
