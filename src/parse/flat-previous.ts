/**
 * The second cue for a glued table 二 triple (issue 9): the same body's previous-year record.
 * 现行有效(Y−1) + 制发(Y) − 废止(Y) = 现行有效(Y) picks among the readings a PW-05 left open.
 */
import type { Report, Warning } from '../schema/index.ts';

const DOC_ROW = /^active\.(regulation|normative_doc)\.issued$/;
const LABEL: Record<string, string> = { regulation: '规章', normative_doc: '规范性文件' };

/**
 * Settles the open table 二 triples of `report` with `previous` (the same body, year − 1): the
 * values are written into `report` and the PW-05 is replaced by one naming the cue. Returns the
 * warnings, unchanged when nothing was settled.
 */
export function applyPreviousYear(
  report: Report,
  warnings: readonly Warning[],
  previous?: Report,
): Warning[] {
  if (!previous) return [...warnings];
  return warnings.map((w) => {
    const row =
      w.rule === 'PW-05' && w.readings ? w.fields.map((f) => DOC_ROW.exec(f)?.[1]).find(Boolean) : undefined;
    if (!row || !w.readings) return w;
    const f = (c: string) => `active.${row}.${c}`;
    const before = previous.values[f('in_force')];
    if (before === null || before === undefined) return w;
    const fits = w.readings.filter((r) => {
      const [issued, repealed, inForce] = [r[f('issued')], r[f('repealed')], r[f('in_force')]];
      return issued != null && repealed != null && inForce != null && before + issued - repealed === inForce;
    });
    if (fits.length !== 1) return w;
    const chosen = fits[0]!;
    for (const c of ['issued', 'repealed', 'in_force']) report.values[f(c)] = chosen[f(c)] ?? null;
    const [i, r, n] = [chosen[f('issued')], chosen[f('repealed')], chosen[f('in_force')]];
    return {
      rule: 'PW-05',
      severity: 'info',
      report: w.report,
      fields: w.fields,
      message: `表二“${LABEL[row]}”行粘连数字依据同一机关上年（${previous.year}年）现行有效件数${before}拆分为${i}|${r}|${n}（${before}+${i}−${r}=${n}）`,
    };
  });
}
