import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseReport } from '../src/parse/index.ts';
import type { Report, Warning } from '../src/schema/index.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const REPORTS_DIR = join(ROOT, 'data', 'reports');
/** Committed test fixtures: seed gold (gold/), PDFs and their gold (pdf/), real reports (real/). */
export const FIXTURES_DIR = join(ROOT, 'test', 'fixtures');

export interface GoldRecord {
  source: string;
  agency: string;
  region: string;
  short?: string;
  province: string;
  city: string;
  year: number;
  published: string | null;
  period: { from: string; to: string } | null;
  values: Record<string, number | null>;
  inconsistencies: { rule: string; detail: string; severity: string }[];
}

/** The bundled seed report files (data/reports, the ones with hand-checked gold), sorted. */
export function seedFiles(): string[] {
  return readdirSync(REPORTS_DIR)
    .filter((f) => f.endsWith('.txt') && existsSync(join(FIXTURES_DIR, 'gold', f.replace(/\.txt$/, '.json'))))
    .sort()
    .map((f) => join(REPORTS_DIR, f));
}

/** A folder (by default a fresh temp one) holding copies of the seed reports alone (data/reports bundles more). */
export function seedDir(dir = mkdtempSync(join(tmpdir(), 'nianbao-seeds-'))): string {
  mkdirSync(dir, { recursive: true });
  for (const f of seedFiles()) copyFileSync(f, join(dir, basename(f)));
  return dir;
}

export function readSeed(file: string): string {
  return readFileSync(file, 'utf8');
}

/** Gold record for a seed file, from test/fixtures/gold (hand-checked). */
export function goldFor(file: string): GoldRecord {
  const name = basename(file).replace(/\.[^.]+$/, '.json');
  return JSON.parse(readFileSync(join(FIXTURES_DIR, 'gold', name), 'utf8')) as GoldRecord;
}

/** Parses a seed through the real parser; throws if it is not a report (test setup only). */
export function parseSeed(file: string): { report: Report; warnings: Warning[] } {
  const text = readSeed(file);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const r = parseReport(text, { file: basename(file), sha256 });
  if (!r.ok) throw new Error(`${file}: ${r.error.code} ${r.error.message}`);
  return { report: r.report, warnings: r.warnings };
}

/** All five seeds parsed. */
export function parseAllSeeds(): { report: Report; warnings: Warning[] }[] {
  return seedFiles().map(parseSeed);
}
