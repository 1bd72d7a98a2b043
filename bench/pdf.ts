import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractText } from '../src/ingest/index.ts';

const FIXTURE_PDFS = fileURLToPath(new URL('../test/fixtures/pdf/', import.meta.url));

/** PDF extraction throughput over the fixture PDFs, one core, after a warm-up round: pages per second. */
export async function benchPdf(pdfDir = FIXTURE_PDFS, rounds = 5): Promise<{ pages_per_s: number }> {
  const files = readdirSync(pdfDir)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(pdfDir, f))) }));
  const once = async () => {
    let pages = 0;
    for (const f of files) {
      const r = await extractText(f.bytes, f.name);
      if (!r.ok) throw new Error(`bench PDF ${f.name} failed: ${r.error.code}`);
      pages += r.value.pages ?? 0;
    }
    return pages;
  };
  await once();
  let pages = 0;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) pages += await once();
  const seconds = (performance.now() - started) / 1000;
  return { pages_per_s: Math.round((pages / seconds) * 10) / 10 };
}
