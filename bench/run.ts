/**
 * `npm run bench [-- --json]`: speed and memory figures, printed as numbers and ratios.
 * Targets: parse ≥ 1,000 reports/s; ask p50 at 10,000 reports ≤ 1.5× p50 at 10;
 * store load ≤ 3× a bare JSON.parse; check of the bundled store well under a second.
 */
import { fileURLToPath } from 'node:url';
import { benchCheck } from './check.ts';
import { benchParse } from './parse.ts';

const REPORTS_DIR = fileURLToPath(new URL('../data/reports', import.meta.url));

type Section = Record<string, unknown>;

async function optional(name: string, load: () => Promise<Section>): Promise<Section> {
  try {
    return await load();
  } catch (e) {
    return { [name]: { error: (e as Error).message } };
  }
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const parse = benchParse(REPORTS_DIR);
  const out: Section = { parse };
  Object.assign(out, { check: benchCheck(REPORTS_DIR) });
  Object.assign(
    out,
    await optional('ask', async () => {
      const { benchAsk } = await import('./ask.ts');
      return (await benchAsk()) as Section;
    }),
  );
  Object.assign(
    out,
    await optional('pdf', async () => {
      const { benchPdf } = await import('./pdf.ts');
      return { pdf: await benchPdf() };
    }),
  );
  if (json) {
    process.stdout.write(`${JSON.stringify(out)}\n`);
    return;
  }
  process.stdout.write(
    `parse: ${parse.reports_per_s} reports/s (${parse.ms_per_report} ms each; target ≥ 1000)\n`,
  );
  for (const [k, v] of Object.entries(out)) {
    if (k !== 'parse') process.stdout.write(`${k}: ${JSON.stringify(v)}\n`);
  }
}

await main();
