import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CopyIndex, copyPrint, isSameAgency } from '../../src/check/index.ts';
import { parseFile } from '../../src/pipeline/index.ts';
import type { Report } from '../../src/schema/index.ts';
import { openStore, openStoreAt, type PgStore, type Store } from '../../src/store/index.ts';
import { REPORTS_DIR } from '../helpers.ts';
import { type PostgresServer, skipReason, startPostgres } from '../support/postgres.ts';

/**
 * X-10 candidates on PostgreSQL come from a few queries around the reports checked (print_hashes),
 * not from every fingerprint: they must be exactly the JSON store's, whose index holds them all.
 */
const started = await startPostgres();

const reports: Report[] = [];
for (const file of readdirSync(REPORTS_DIR).sort()) {
  const parsed = await parseFile({ file, bytes: readFileSync(join(REPORTS_DIR, file)) });
  if (parsed.ok) reports.push(parsed.report);
}

function withPartOne(report: Report, changes: Partial<Report>, one: string): Report {
  const copy = structuredClone(report);
  Object.assign(copy, changes);
  copy.text!.sections!.一 = one;
  return copy;
}

const TEMPLATE =
  '本机关坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央国务院关于全面推进政务公开工作的决策部署，' +
  '紧紧围绕经济社会发展大局，持续深化决策、执行、管理、服务、结果公开，不断提升政务公开标准化规范化水平，' +
  '切实保障人民群众知情权、参与权、表达权、监督权，为建设法治政府、服务型政府提供有力支撑。';
const base = reports.find((r) => (r.text?.sections?.一?.length ?? 0) > 200)!;
/** 60 bodies of one year sharing a template paragraph: its hashes are held past the posting cap. */
const crowd = Array.from({ length: 60 }, (_, i) =>
  withPartOne(
    base,
    {
      id: `crowd-${i}`,
      agency: `测试${i}县人民政府`,
      region: { name: `测试${i}县`, code: String(990100 + i), province: null, city: null },
    },
    `${TEMPLATE.repeat(2)}全年共主动公开各类信息${i * 37}条，${'其中第一类事项办理完毕，第二类事项正在办理。'.slice(i % 9)}${i}`,
  ),
);
/** A body whose part 一 is another body's of the same year. */
function doctoredCopy(): { from: Report; copy: Report } {
  const withOne = reports.filter((r) => (r.text?.sections?.一?.length ?? 0) > 200);
  for (const from of withOne) {
    const to = withOne.find((r) => r.year === from.year && !isSameAgency(from, r));
    if (to)
      return {
        from,
        copy: withPartOne(
          to,
          { id: `${to.id}#copy` },
          from.text!.sections!.一!.split(from.agency).join(to.agency),
        ),
      };
  }
  throw new Error('no pair of one year in the corpus');
}

const matchesOf = (index: CopyIndex, report: Report) => index.matches(report, copyPrint(report), 0);

describe.skipIf(skipReason(started))('PostgreSQL copy candidates (a real server)', () => {
  const server = started as PostgresServer;
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pg-copies-'));
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('equal the JSON store’s for every stored report, a doctored copy and template bodies, without loading every fingerprint', async () => {
    const stored = [...reports, ...crowd.slice(0, 55)].map((report) => ({ report, warnings: [] }));
    const json = await openStore(join(dir, 'store.json'));
    const pg = (await openStoreAt(await server.createDatabase())) as PgStore;
    stores.push(json, pg);
    await json.upsertMany(stored);
    // in batches, as store copy loads
    for (let at = 0; at < stored.length; at += 40) await pg.upsertMany(stored.slice(at, at + 40));
    const whole = await json.copies();
    expect((await pg.copies()).size).toBe(whole.size);

    const { from, copy } = doctoredCopy();
    const probes = [...reports, ...crowd, copy];
    let compared = 0;
    let largest = 0;
    for (const probe of probes) {
      const near = await pg.copies([probe]);
      largest = Math.max(largest, near.size);
      expect(matchesOf(near, probe), probe.id).toEqual(matchesOf(whole, probe));
      compared += matchesOf(whole, probe).length;
    }
    // the comparison saw candidates; no near index held the whole store (the 55 template bodies
    // are left out of the corpus reports' ones: they share only saturated hashes with them)
    expect(compared).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(reports.length);

    // as addReports checks a new report: it joins the index, then is matched (pair found once)
    const near = await pg.copies([copy]);
    near.add(copy, copyPrint(copy));
    whole.add(copy, copyPrint(copy));
    expect(near.matches(copy, copyPrint(copy), 0.85)).toEqual(whole.matches(copy, copyPrint(copy), 0.85));
    expect(near.matches(copy, copyPrint(copy), 0.85).map((m) => [m.id, m.similarity])).toEqual([
      [from.id, 1],
    ]);
    whole.remove(copy.id);
  });

  it('the template shared by 55 stored bodies is boilerplate: a new template body warns of no copy', async () => {
    const pg = stores[1] as PgStore;
    const fresh = crowd[59]!;
    const near = await pg.copies([fresh]);
    near.add(fresh, copyPrint(fresh));
    expect(near.matches(fresh, copyPrint(fresh), 0.85)).toEqual([]);
  });
});
