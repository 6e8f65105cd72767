// A separate process that runs the access-log archive mover and kills itself (SIGKILL: no cleanup,
// no graceful shutdown) right after batch N commits. Used by retention.test.ts.

import { moveToArchive } from '../../../core/archive/mover.ts';
import { openDatabase } from '../../../db/connection.ts';
import { accessLogArchive } from './job.ts';

const [url, batchSize, killAfter] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
if (!url) throw new Error('usage: archive-child.ts <postgres url> <batch size> <kill after batches>');
const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
await moveToArchive(database.db, accessLogArchive, {
  batchSize,
  afterBatch: (batch) => {
    process.stdout.write(`batch ${batch}\n`);
    if (batch === killAfter) process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write('finished without being killed\n');
await database.close();
