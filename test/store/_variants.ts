/** Report files made from the real seed reports by varying the agency name, for store concurrency tests. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedFiles } from '../helpers.ts';

/** The agency as each seed's title prints it, in the seed file order. */
const SEED_AGENCIES = [
  '民和回族土族自治县人民政府',
  '互助土族自治县人民政府',
  '湟中区',
  '化隆县',
  '平罗县人民政府办公室',
];

const DIGITS = '零一二三四五六七八九';
/** A distinct department name per n, in Chinese numerals (names of real bodies carry no Arabic digits). */
const unit = (n: number) => `第${[...String(n)].map((d) => DIGITS[Number(d)]).join('')}分局`;

/**
 * Writes `count` report files into `dir`, numbered from `from`: each a real seed whose agency
 * name gets a distinct department suffix, so every file is a different agency's report.
 * Returns the file paths.
 */
export function writeVariants(dir: string, from: number, count: number): string[] {
  const seeds = seedFiles().map((f) => readFileSync(f, 'utf8'));
  const paths: string[] = [];
  for (let i = from; i < from + count; i++) {
    const s = i % seeds.length;
    const name = SEED_AGENCIES[s]!;
    const text = seeds[s]!.replaceAll(name, `${name}${unit(i)}`);
    const path = join(dir, `variant-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(path, text);
    paths.push(path);
  }
  return paths;
}
