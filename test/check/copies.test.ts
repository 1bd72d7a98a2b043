import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CopyIndex, checkAll, copyPrint, isSameAgency } from '../../src/check/index.ts';
import { parseFile } from '../../src/pipeline/index.ts';
import type { Report } from '../../src/schema/index.ts';
import { REPORTS_DIR } from '../helpers.ts';

/** X-10 from fingerprints over the bundled corpus (data/reports). */
const reports: Report[] = [];

beforeAll(async () => {
  for (const file of readdirSync(REPORTS_DIR).sort()) {
    const parsed = await parseFile({ file, bytes: readFileSync(join(REPORTS_DIR, file)) });
    if (parsed.ok) reports.push(parsed.report);
  }
}, 120_000);

const x10 = (result: Map<string, { rule: string; message: string }[]>, id: string) =>
  (result.get(id) ?? []).filter((w) => w.rule === 'X-10').map((w) => w.message);

function withPartOne(report: Report, one: string): Report {
  const copy = structuredClone(report);
  copy.text!.sections!.一 = one;
  return copy;
}

/** Two reports of one year by different agencies, both with a part 一. */
function pairOfYear(): [Report, Report] {
  const withOne = reports.filter((r) => (r.text?.sections?.一?.length ?? 0) > 200);
  for (const a of withOne) {
    const b = withOne.find((r) => r.year === a.year && !isSameAgency(a, r));
    if (b) return [a, b];
  }
  throw new Error('no pair in the corpus');
}

describe('X-10 (copied from another agency) from fingerprints', () => {
  it('parses the bundled corpus with its part 一', () => {
    expect(reports.length).toBe(83);
    expect(reports.filter((r) => r.text?.sections?.一).length).toBeGreaterThanOrEqual(80);
  });

  it('gives no X-10 on the bundled corpus', () => {
    const result = checkAll(reports);
    const all = reports.flatMap((r) => x10(result, r.id));
    expect(all).toEqual([]);
  });

  it('finds a body whose part 一 was copied from another body, once per pair', () => {
    const [from, to] = pairOfYear();
    const doctored = withPartOne(to, from.text!.sections!.一!.split(from.agency).join(to.agency));
    const pool = [...reports.filter((r) => r !== to), doctored];
    const result = checkAll(pool);
    expect(x10(result, to.id)).toEqual([`总体情况部分与“${from.agency}”同年度报告重复率100.0%`]);
    expect(x10(result, from.id)).toEqual([]);
    const others = reports.filter((r) => r !== from && r !== to).flatMap((r) => x10(result, r.id));
    expect(others).toEqual([]);
  });

  it('ignores a template paragraph shared by many bodies, even when it is most of part 一', () => {
    const year = reports.find((r) => r.text?.sections?.一)!.year;
    const sameYear = reports.filter((r) => r.year === year && r.text?.sections?.一);
    const bodies = sameYear.filter((r, i) => sameYear.findIndex((o) => isSameAgency(o, r)) === i).slice(0, 6);
    expect(bodies.length).toBe(6);
    const template =
      '本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央国务院关于全面推进政务公开工作的决策部署，' +
      '紧紧围绕经济社会发展大局，持续深化决策、执行、管理、服务、结果公开，不断提升政务公开标准化规范化水平，' +
      '切实保障人民群众知情权、参与权、表达权、监督权，为建设法治政府、服务型政府提供有力支撑。';
    const padded = bodies.map((r, i) =>
      withPartOne(r, `${template.repeat(3)}全年共主动公开各类信息${i + 10}条，其中第${i}类事项办理完毕。`),
    );
    const pool = [...reports.filter((r) => !bodies.includes(r)), ...padded];
    const result = checkAll(pool);
    expect(bodies.flatMap((r) => x10(result, r.id))).toEqual([]);
  });

  it('keeps a small fingerprint per report and indexes it without pairwise comparison', () => {
    const print = copyPrint(reports.find((r) => r.text?.sections?.一)!)!;
    expect(print.length).toBe(64 * 8);
    const index = new CopyIndex();
    for (const r of reports) index.add(r, copyPrint(r));
    expect(index.size).toBe(reports.filter((r) => copyPrint(r) !== null).length);
    const [from, to] = pairOfYear();
    index.remove(to.id);
    const copied = withPartOne(to, from.text!.sections!.一!);
    expect(index.matches(copied, copyPrint(copied), 0.85).map((m) => m.id)).toEqual([from.id]);
  });
});
