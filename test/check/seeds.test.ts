import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAll, checkReport, findPrevious } from '../../src/check/index.ts';
import { extractText } from '../../src/ingest/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import type { Report } from '../../src/schema/index.ts';
import { goldFor, parseSeed, REPORTS_DIR, ROOT, seedFiles } from '../helpers.ts';

const seed = (base: string) => parseSeed(join(REPORTS_DIR, `${base}.txt`));

/** Rule ids found for a seed, parser warnings included, checked with the gold file's publication date. */
function rulesFor(base: string): string[] {
  const { report, warnings } = seed(base);
  const gold = goldFor(`${base}.txt`);
  return [...warnings, ...checkReport(report, { published: gold.published })].map(
    (w) => `${w.rule}:${w.severity}`,
  );
}

/**
 * Every inconsistency of the hand-made gold (test/fixtures/gold), by seed and gold rule: the
 * warning that reports it, or why no rule of docs/rules.md applies (and the warning that must
 * then stay absent, so a rule cannot start firing on it unnoticed).
 */
const GOLD_RULES: Record<string, Record<string, { found: string } | { notARule: string; absent: string }>> = {
  '000_378100d4189c1d99': {
    b_row_sum: { found: 'A-02:error' },
    c_total_vs_results: { found: 'A-03:error' },
    f_prose_breakdown_sum: {
      notARule:
        'N-13 checks only a list introduced by 其中/包括/分别为; this one is not (the gold says so too)',
      absent: 'N-13',
    },
  },
  '001_b544fc85b347642f': { h_county_regulations: { found: 'B-04:warning' } },
  '002_0b45a7d4e00025aa': {
    e_prose_vs_table_applications: { found: 'N-01:warning' },
    a_balance: { found: 'A-04:error' },
    b_row_sum: { found: 'A-02:error' },
    c_total_vs_results: { found: 'A-03:error' },
    g_period_not_full_year: { found: 'M-01:error' },
  },
  '003_5d77362307499405': {
    h_county_regulations: { found: 'B-04:warning' },
    h_regulations_issued_not_in_force: { found: 'B-03:warning' },
    e_prose_vs_table_applications: { found: 'N-01:warning' },
    g_signature_date: { found: 'M-03:error' },
    d_litigation_row_extra_cell: { found: 'PW-03:warning' },
  },
  '004_0fd0d067f85b1ad8': {
    e_prose_vs_table_normative_docs: {
      notARule:
        '“公开…规范性文件6件” counts documents published, which is none of 制发/废止/现行有效 that N-07 compares',
      absent: 'N-07',
    },
  },
};

describe('seed reports: every gold inconsistency is found under its docs/rules.md rule', () => {
  it('every gold inconsistency has an entry here', () => {
    const bases = seedFiles().map((f) => basename(f, '.txt'));
    expect(bases.length).toBe(5);
    for (const base of bases) {
      const gold = goldFor(`${base}.txt`)
        .inconsistencies.map((i) => i.rule)
        .sort();
      expect(Object.keys(GOLD_RULES[base] ?? {}).sort(), base).toEqual(gold);
    }
  });

  it.each(
    Object.entries(GOLD_RULES).flatMap(([base, rules]) =>
      Object.entries(rules).map(([gold, want]) => [base, gold, want] as const),
    ),
  )('%s %s', (base, _gold, want) => {
    const found = rulesFor(base);
    if ('found' in want) expect(found).toContain(want.found);
    else expect(found.filter((r) => r.startsWith(`${want.absent}:`))).toEqual([]);
  });

  it('化隆 2024: the 16-value table 四 row keeps 复议后起诉 = 0 0 0 1 1', () => {
    const { values } = seed('003_5d77362307499405').report;
    const after = ['upheld', 'corrected', 'other', 'pending', 'total'].map(
      (c) => values[`legal.suit_after_review.${c}`],
    );
    expect(after).toEqual([0, 0, 0, 1, 1]);
  });

  it.each(['001_b544fc85b347642f', '004_0fd0d067f85b1ad8'])('%s has no A- or C- error', (base) => {
    const errors = rulesFor(base).filter((r) => /^[AC]-\d+:error$/.test(r));
    expect(errors).toEqual([]);
  });

  it('湟中 2023: N-01 says 12 equals the 自然人 cell', () => {
    const w = checkReport(seed('002_0b45a7d4e00025aa').report).find((x) => x.rule === 'N-01');
    expect(w?.message).toBe(
      '正文称新收政府信息公开申请12件，表三为22件（与本年新收申请（自然人）一致，可能口径不同）',
    );
  });

  it('民和 2023: A-03 on the 自然人 and 总计 columns', () => {
    const a03 = checkReport(seed('000_378100d4189c1d99').report).filter((w) => w.rule === 'A-03');
    expect(a03.map((w) => w.message)).toEqual([
      '办理结果总计不符（自然人）：各办理结果之和为2，（七）总计为1',
      '办理结果总计不符（总计）：各办理结果之和为3，（七）总计为1',
    ]);
  });
});

async function parsePdf(name: string): Promise<Report> {
  const bytes = new Uint8Array(readFileSync(join(ROOT, 'test', 'fixtures', 'pdf', `${name}.pdf`)));
  const text = await extractText(bytes, `${name}.pdf`);
  if (!text.ok) throw new Error(text.error.message);
  const r = parseReport(text.value.text, { file: `${name}.pdf`, sha256: name });
  if (!r.ok) throw new Error(r.error.message);
  return r.report;
}

describe('PDF fixtures', async () => {
  const reports = await Promise.all(['hongzequ_2023', 'hongzequ_2024', 'huaianshi_2024'].map(parsePdf));
  const [hz23, hz24, ha24] = reports as [Report, Report, Report];
  const all = checkAll(reports);

  it('洪泽 2023: C-01 on 行政复议 and 复议后起诉', () => {
    const c01 = all.get(hz23.id)!.filter((w) => w.rule === 'C-01');
    expect(c01.map((w) => w.fields.at(-1))).toEqual(['legal.review.total', 'legal.suit_after_review.total']);
  });

  it('洪泽 2024: N-01, prose 17 versus table 95', () => {
    const n01 = all.get(hz24.id)!.filter((w) => w.rule === 'N-01');
    expect(n01.map((w) => w.message)).toEqual(['正文称新收政府信息公开申请17件，表三为95件']);
  });

  it('洪泽区人民政府 and 淮安市洪泽区人民政府 pair across years; 淮安市 does not', () => {
    expect(findPrevious(hz24, reports)).toBe(hz23);
    expect(findPrevious(ha24, reports)).toBeUndefined();
  });

  it('淮安市 2024 has no A-, C- or N- error', () => {
    const bad = all.get(ha24.id)!.filter((w) => /^[ACN]-/.test(w.rule) && w.severity === 'error');
    expect(bad).toEqual([]);
  });
});
