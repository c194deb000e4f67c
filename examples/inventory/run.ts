import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventSourcedModel, NdjsonLogWriter, SqliteLogStore, canonicalEntry, hashLog, loadNdjsonLog, project, replay } from '@stibium/core';
import type { ModelSnapshot, RecordedEvent } from '@stibium/core';
import { DEFAULT_PARAMS, createInventory, inventoryDefinition, type InventoryParams } from './model.ts';
import type { ReorderParams } from './policies.ts';
import { serviceProjection, serviceSummary, type ServiceModel } from './projection.ts';
import { warehouseDecider, type WarehouseEvent, type WarehouseState } from './warehouse.ts';

/** What the example runs: one seed, a horizon in days, the fork time and where files go. */
export interface ExampleOptions {
  readonly seed: string | number;
  readonly horizon: number;
  readonly forkAt: number;
  readonly outDir: string;
  readonly params?: InventoryParams;
  /** Reorder policy of each branch; `base` keeps the prefix's policy. */
  readonly alternative?: ReorderParams;
}

/** One branch of the fork: its figures and its storage round trips. */
export interface BranchReport {
  readonly branch: string;
  readonly reorder: ReorderParams;
  readonly hash: string;
  readonly events: number;
  readonly state: WarehouseState;
  readonly service: ReturnType<typeof serviceSummary>;
  /** Hash of the branch's first `prefix.events` entries. */
  readonly prefixHash: string;
  readonly liveProjectionEqualsStored: boolean;
  readonly replayEqualsState: boolean;
  readonly ndjson: StorageCheck;
  readonly sqlite: StorageCheck;
}

/** What reading a stored log back showed. */
export interface StorageCheck {
  readonly file: string;
  readonly hash: string;
  readonly replayEqualsState: boolean;
  readonly replayAtForkEqualsSnapshot: boolean;
}

/** Everything the example claims, with the evidence. */
export interface ExampleReport {
  readonly seed: string;
  readonly horizon: number;
  readonly forkAt: number;
  readonly prefix: { readonly events: number; readonly hash: string; readonly state: WarehouseState; readonly snapshotFile: string };
  readonly uninterruptedHash: string;
  readonly branches: readonly BranchReport[];
  readonly firstDivergence: { readonly seq: number; readonly time: number } | null;
  readonly claims: Readonly<Record<string, boolean>>;
}

interface Prefix {
  readonly entries: readonly RecordedEvent[];
  readonly live: ServiceModel;
  readonly snapshot: ModelSnapshot<WarehouseState>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Runs one branch from the snapshot with reorder policy `reorder`, writing its full log to both stores. */
function runBranch(name: string, reorder: ReorderParams, prefix: Prefix, options: ExampleOptions, params: InventoryParams) {
  const model = EventSourcedModel.restore(prefix.snapshot, inventoryDefinition({ ...params, reorder }));
  // The live projection continues from its value at the fork.
  const projection = serviceProjection(params.initialStock);
  let live = prefix.live;
  model.project({ ...projection, init: () => prefix.live }).subscribe((value) => (live = value));
  // The NDJSON log is written while the branch runs: the shared prefix, then live events.
  const meta = { example: 'inventory', branch: name, ...reorder };
  const ndjsonFile = join(options.outDir, `inventory-${name}.ndjson`);
  const writer = NdjsonLogWriter.create(ndjsonFile, { seed: options.seed, meta });
  writer.appendAll(prefix.entries);
  model.sim.recorded$.subscribe((event) => writer.append(event));
  model.run({ until: options.horizon });
  writer.close();
  // The SQLite store is filled after the run, in batched transactions.
  const entries = [...prefix.entries, ...model.log!.toArray()] as RecordedEvent<WarehouseEvent>[];
  const sqliteFile = join(options.outDir, `inventory-${name}.sqlite`);
  const store = SqliteLogStore.create(sqliteFile, { seed: options.seed, meta, batchSize: 500 });
  store.appendAll(entries);
  store.close();
  return { model, live, entries, ndjsonFile, sqliteFile, projection };
}

/**
 * The whole example: run to `forkAt` with a live projection, snapshot to a JSON file, fork
 * into the base (s, S) policy and an alternative, run both to the horizon while writing
 * their logs, then read the logs back and check every claim.
 */
export async function runInventoryExample(options: ExampleOptions): Promise<ExampleReport> {
  const params = options.params ?? DEFAULT_PARAMS;
  const alternative = options.alternative ?? { reorderPoint: 20, orderUpTo: 50 };
  const decider = warehouseDecider(params.initialStock);

  // The prefix, with a live projection, then a snapshot written to disk and read back.
  const base = createInventory(options.seed, params);
  const projection = serviceProjection(params.initialStock);
  let live = projection.init();
  base.project(projection).subscribe((value) => (live = value));
  base.run({ until: options.forkAt });
  const snapshotFile = join(options.outDir, 'inventory-snapshot.json');
  writeFileSync(snapshotFile, JSON.stringify(base.snapshot()));
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as ModelSnapshot<WarehouseState>;
  const prefix: Prefix = { entries: base.log!.toArray(), live, snapshot };

  // The same model never paused: the base branch must end identical to it.
  const uninterrupted = createInventory(options.seed, params);
  uninterrupted.run({ until: options.horizon });

  const branches: BranchReport[] = [];
  const logs: RecordedEvent[][] = [];
  for (const [name, reorder] of [['base', params.reorder], ['alternative', alternative]] as const) {
    const run = runBranch(name, reorder, prefix, options, params);
    const ndjson = await loadNdjsonLog(run.ndjsonFile);
    const atFork = await loadNdjsonLog(run.ndjsonFile, { until: options.forkAt });
    const sqlite = SqliteLogStore.open(run.sqliteFile);
    const sqliteCheck: StorageCheck = {
      file: run.sqliteFile,
      hash: sqlite.hash(),
      replayEqualsState: same(replay(sqlite.readLog(), decider), run.model.state),
      replayAtForkEqualsSnapshot: same(replay(sqlite.readLog({ until: options.forkAt }), decider), snapshot.state),
    };
    sqlite.close();
    logs.push(run.entries);
    branches.push({
      branch: name,
      reorder,
      hash: run.model.hash(),
      events: run.model.log!.length,
      state: run.model.state,
      service: serviceSummary(run.live, options.horizon),
      prefixHash: hashLog(run.entries.slice(0, prefix.entries.length)),
      liveProjectionEqualsStored: same(run.live, project(ndjson.log, run.projection)),
      replayEqualsState: same(replay(run.entries, decider), run.model.state),
      ndjson: {
        file: run.ndjsonFile,
        hash: ndjson.hash,
        replayEqualsState: same(replay(ndjson.log, decider), run.model.state),
        replayAtForkEqualsSnapshot: same(replay(atFork.log, decider), snapshot.state),
      },
      sqlite: sqliteCheck,
    });
  }

  const [a, b] = logs as [RecordedEvent[], RecordedEvent[]];
  const diverge = a.findIndex((entry, i) => b[i] === undefined || canonicalEntry(entry) !== canonicalEntry(b[i] as RecordedEvent));
  const firstDivergence = diverge < 0 ? null : { seq: diverge, time: (a[diverge] as RecordedEvent).time };
  const prefixHash = base.hash();
  return {
    seed: String(options.seed),
    horizon: options.horizon,
    forkAt: options.forkAt,
    prefix: { events: prefix.entries.length, hash: prefixHash, state: snapshot.state, snapshotFile },
    uninterruptedHash: uninterrupted.hash(),
    branches,
    firstDivergence,
    claims: {
      resumedBaseEqualsUninterrupted: branches[0]?.hash === uninterrupted.hash() && same(branches[0]?.state, uninterrupted.state),
      branchesShareThePrefix: branches.every((x) => x.prefixHash === prefixHash),
      branchesDivergeAfterTheFork: branches[0]?.hash !== branches[1]?.hash && firstDivergence !== null && firstDivergence.seq >= prefix.entries.length && firstDivergence.time > options.forkAt,
      replayEqualsState: branches.every((x) => x.replayEqualsState),
      liveProjectionEqualsStored: branches.every((x) => x.liveProjectionEqualsStored),
      ndjsonRoundTrip: branches.every((x) => x.ndjson.hash === x.hash && x.ndjson.replayEqualsState && x.ndjson.replayAtForkEqualsSnapshot),
      sqliteRoundTrip: branches.every((x) => x.sqlite.hash === x.hash && x.sqlite.replayEqualsState && x.sqlite.replayAtForkEqualsSnapshot),
    },
  };
}
