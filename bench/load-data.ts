/**
 * Loads the benchmark's data set into a database and exits. `bench/run.ts` runs it as a child
 * process, so the memory a bulk load leaves behind (PGlite's grows with a big transaction and is not
 * given back) does not count as the server's. With --workload it also writes the search workload
 * (search-workload.ts) for the loaded clients to that file.
 *
 *   node --import tsx bench/load-data.ts (--data-dir DIR | --database-url URL) --clients N --seed S
 *     [--workload FILE --variants PER_KIND --others PER_KIND --duplicates N] [--services N]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open-database.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { createRandom } from '../scripts/demo/random.js';
import { benchConfig, benchContext, seedBenchData } from './bench-data.js';
import { seedCounsellingData } from './counselling-data.js';
import { buildWorkload } from './search-workload.js';

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    clients: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
    workload: { type: 'string' },
    variants: { type: 'string', default: '100' },
    others: { type: 'string', default: '30' },
    duplicates: { type: 'string', default: '200' },
    services: { type: 'string', default: '0' },
  },
});
const url = args['database-url'];
const dataDir = args['data-dir'];
if (!url && !dataDir) throw new Error('give --data-dir or --database-url');

const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: dataDir as string });
try {
  await bootstrap(database, benchConfig(), 'bench', { jobs: false });
  const seed = Number(args.seed);
  const { dataSet, loaded } = await seedBenchData(await benchContext(database.db), Number(args.clients), seed);
  const counselling = Number(args.services) > 0 ? await seedCounsellingData(database.db, Number(args.services)) : null;
  // PostgreSQL's autovacuum would analyse the new rows within a minute; PGlite has no autovacuum,
  // so it is left to plan as a long-running embedded installation does, without statistics.
  if (database.kind === 'postgres') await database.db.execute(sql`analyze`);
  if (args.workload) {
    const workload = buildWorkload(createRandom(seed + 2), loaded, {
      perKind: Number(args.variants),
      perOtherKind: Number(args.others),
      duplicates: Number(args.duplicates),
    });
    writeFileSync(args.workload, JSON.stringify(workload));
  }
  process.stdout.write(`${JSON.stringify({ ...dataSet, counselling })}\n`);
} finally {
  await database.close();
}
