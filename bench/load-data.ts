/**
 * Loads the benchmark's data set into a database and exits. `bench/run.ts` runs it as a child
 * process, so the memory a bulk load leaves behind (PGlite's grows with a big transaction and is not
 * given back) does not count as the server's.
 *
 *   node --import tsx bench/load-data.ts (--data-dir DIR | --database-url URL) --clients N --seed S
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open-database.js';
import { bootstrap } from '../src/server/bootstrap.js';
import { benchConfig, benchContext, seedBenchData } from './bench-data.js';

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    clients: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '7' },
  },
});
const url = args['database-url'];
const dataDir = args['data-dir'];
if (!url && !dataDir) throw new Error('give --data-dir or --database-url');

const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: dataDir as string });
try {
  await bootstrap(database, benchConfig(), 'bench', { jobs: false });
  const dataSet = await seedBenchData(await benchContext(database.db), Number(args.clients), Number(args.seed));
  // PostgreSQL's autovacuum would analyse the new rows within a minute; PGlite has no autovacuum,
  // so it is left to plan as a long-running embedded installation does, without statistics.
  if (database.kind === 'postgres') await database.db.execute(sql`analyze`);
  process.stdout.write(`${JSON.stringify(dataSet)}\n`);
} finally {
  await database.close();
}
