/**
 * Run by test/store/pg-bulk.test.ts in its own process, so the test can kill it in the middle of
 * a bulk write: `node --import tsx test/store/pg-bulk-child.ts DATABASE_URL COUNT` upserts COUNT
 * made-up records (from the seeds) in one upsertMany, then prints "done".
 */
import { openStoreAt } from '../../src/store/index.ts';
import { parseAllSeeds } from '../helpers.ts';
import { variant } from './pg-bulk-variants.ts';

const [url, count] = process.argv.slice(2);
const seeds = parseAllSeeds();
const store = await openStoreAt(url!);
process.stdout.write('open\n');
await store.upsertMany(Array.from({ length: Number(count) }, (_, i) => variant(seeds, i)));
process.stdout.write('done\n');
await store.close();
