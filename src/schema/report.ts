import { z } from 'zod';

export const RegionSchema = z.object({
  /** Official division name, e.g. 循化撒拉族自治县. */
  name: z.string(),
  /** GB/T 2260 code, null when unknown. */
  code: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
});

export const NarrativeItemSchema = z.object({
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  /** The table field (or derived id) the figure claims to state, if any. */
  field: z.string().nullable(),
  text: z.string(),
  /** 1-based line in the source text. */
  line: z.number().int(),
  /** Strength of the trigger pattern (docs/narrative.md); sets the N-rule severity. */
  strength: z.enum(['strong', 'weak']).optional(),
  /** True for zero claims such as 未收到政府信息公开申请. */
  zeroClaim: z.boolean().optional(),
  /** Breakdown parts (N-13), when the figure is followed by 其中/包括/分别为. */
  parts: z.array(z.object({ label: z.string(), value: z.number() })).optional(),
});

export const ReportSchema = z.object({
  /** Stable slug `<agency>-<year>`. */
  id: z.string().min(1),
  title: z.string(),
  agency: z.string().min(1),
  kind: z.enum(['gov', 'dept']),
  region: RegionSchema.nullable(),
  year: z.number().int().min(1990).max(2100),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  /** Date under the signature, ISO yyyy-mm-dd. */
  signed: z.string().nullable(),
  /** Date the page was published (a crawler header's 发布时间), ISO yyyy-mm-dd; null when unknown. */
  published: z.string().nullable().optional(),
  source: z.object({
    file: z.string(),
    sha256: z.string(),
    /** Where the report was published (a crawler header's 原文链接); null when unknown. */
    url: z.string().nullable().optional(),
  }),
  /** Cell values by field id; null when the report lacks the cell. Fees in 万元. */
  values: z.record(z.string(), z.number().nullable()),
  /** Cells present but blank (value 0 in `values`). */
  blanks: z.array(z.string()),
  narrative: z.array(NarrativeItemSchema),
  /** Report text facts the [T] rules need (section prose, labels seen, format). */
  text: z
    .object({
      format: z.enum(['2021', '2019trial', 'pre2019']),
      /**
       * Prose of parts 一–六 keyed by numeral; absent part = missing key. A stored record leaves
       * it out (the store keeps prose beside the record and loads it for the rules that need it).
       */
      sections: z.record(z.string(), z.string()).optional(),
      /** Body named in the signature block, if any. */
      sigAgency: z.string().nullable(),
      /** Unit text in the fee header or cell, e.g. 万元. */
      feeUnit: z.string().nullable(),
      /** Old-format labels found (F-02), e.g. 本年新制作数量. */
      oldLabels: z.array(z.string()),
    })
    .optional(),
});

export type Report = z.infer<typeof ReportSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type NarrativeItem = z.infer<typeof NarrativeItemSchema>;
