// The inventory example: `pnpm tsx examples/inventory/main.ts [--seed 7] [--horizon 365] [--fork-at 180] [--out dir]`.
// Prints JSON lines: the shared prefix, each branch, the claims (all should be true).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runInventoryExample } from './run.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    horizon: { type: 'string', default: '365' },
    'fork-at': { type: 'string', default: '180' },
    out: { type: 'string' },
  },
});

const outDir = values.out ?? mkdtempSync(join(tmpdir(), 'stibium-inventory-'));
const report = await runInventoryExample({ seed: values.seed, horizon: Number(values.horizon), forkAt: Number(values['fork-at']), outDir });
const round = (x: number): number => Math.round(x * 1000) / 1000;

const print = (line: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify(line)}\n`);
print({ section: 'prefix', seed: report.seed, forkAt: report.forkAt, events: report.prefix.events, hash: report.prefix.hash, stock: report.prefix.state.stock, snapshot: report.prefix.snapshotFile });
for (const b of report.branches) {
  print({
    section: 'branch',
    branch: b.branch,
    reorderPoint: b.reorder.reorderPoint,
    orderUpTo: b.reorder.orderUpTo,
    events: b.events,
    hash: b.hash,
    fillRate: round(b.service.fillRate),
    averageStock: round(b.service.averageStock),
    stockouts: b.service.stockouts,
    orders: b.service.ordersPlaced,
    ndjson: b.ndjson.file,
    sqlite: b.sqlite.file,
  });
}
print({ section: 'fork', uninterruptedHash: report.uninterruptedHash, firstDivergence: report.firstDivergence });
print({ section: 'claims', ...report.claims });
if (!Object.values(report.claims).every(Boolean)) process.exitCode = 1;
