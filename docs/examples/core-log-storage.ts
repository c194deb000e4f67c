// @stibium/core, log storage: write a run's log to NDJSON (text, diffable) and SQLite (one
// file, queryable), read both back, check their hashes against the run, and replay.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Simulation, SqliteLogStore, loadNdjsonLog, project, writeNdjsonLog, writeSqliteLog, type RecordedEvent } from '@stibium/core';

// A small recorded run: a price that takes a random walk, one event a day.
const sim = new Simulation({ seed: 'prices', record: true });
const quoted = sim.define<{ usd: number }>('PriceQuoted', (q, s) => {
  if (s.now < 29) s.schedule(1, quoted, { usd: Math.round(q.usd * (1 + 0.05 * (s.rng('walk').next() - 0.5))) });
});
sim.schedule(0, quoted, { usd: 22_000 });
sim.run();
const log = sim.log;
assert.ok(log !== undefined);

const dir = mkdtempSync(join(tmpdir(), 'stibium-logs-'));
try {
  const meta = { model: 'price walk', days: 30 };
  const ndjsonHash = writeNdjsonLog(join(dir, 'run.ndjson'), log.toArray(), { seed: sim.seed, meta });
  const sqliteHash = writeSqliteLog(join(dir, 'run.sqlite'), log.toArray(), { seed: sim.seed, meta });
  // Both writers hash what they store; it is the run's own hash.
  assert.equal(ndjsonHash, log.digest());
  assert.equal(sqliteHash, log.digest());

  const loaded = await loadNdjsonLog(join(dir, 'run.ndjson'));
  console.log(`NDJSON: ${loaded.log.length} events, seed ${loaded.header.seed}, hash verified ${loaded.hash.slice(0, 12)}`);

  const store = SqliteLogStore.open(join(dir, 'run.sqlite'));
  const verified = store.verify(); // throws LOG_CORRUPT if rows were edited after writing
  const firstWeek = store.readLog({ until: 6 });
  store.close();
  console.log(`SQLite: verified ${verified.slice(0, 12)}; first week has ${firstWeek.length} events`);

  // A projection folds a stored log into a read model, here the highest quote.
  const highest = project(loaded.log.toArray() as RecordedEvent[], {
    name: 'highest price',
    init: () => 0,
    apply: (max, e) => Math.max(max, (e.data as { usd: number }).usd),
  });
  console.log(`highest quote: ${highest} USD/t`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
