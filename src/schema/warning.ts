import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const WarningSchema = z.object({
  /** Rule id from docs/rules.md or docs/parse-warnings.md, e.g. A-04 or PW-03. */
  rule: z.string(),
  severity: SeveritySchema,
  /** Report id `<agency>-<year>`. */
  report: z.string(),
  /** Canonical field ids the rule read. */
  fields: z.array(z.string()),
  message: z.string(),
  /** PW-05: every reading the text allows, one value per field id, when the parser could not choose. */
  readings: z.array(z.record(z.string(), z.number().nullable())).optional(),
});

export type Warning = z.infer<typeof WarningSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
