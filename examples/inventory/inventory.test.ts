import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '@stibium/core';
import { createInventory } from './model.ts';
import { runInventoryExample, type ExampleReport } from './run.ts';
import { warehouseDecider } from './warehouse.ts';

const outDir = mkdtempSync(join(tmpdir(), 'stibium-inventory-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('inventory example', () => {
  let report: ExampleReport;
  beforeAll(async () => {
    report = await runInventoryExample({ seed: 7, horizon: 365, forkAt: 180, outDir });
  });

  it('has a golden log hash for seed 7 (a changed hash is a reviewed change)', () => {
    expect(report.prefix.hash).toBe('c43735e131380b074cc6348f4156b5fd2da00f86d6aa6c1e8450d61eb90f15fd');
    expect(report.uninterruptedHash).toBe('e9782f3050948b4a0eb53e0c69cb4584ee3e49014d7b78b44989b29eb4703479');
  });

  it('resuming the base policy from the JSON snapshot ends exactly like the uninterrupted run', () => {
    expect(report.claims.resumedBaseEqualsUninterrupted).toBe(true);
    expect(report.branches[0]!.hash).toBe(report.uninterruptedHash);
  });

  it('fork branches share the prefix hash and differ after the fork time', () => {
    const [base, alternative] = report.branches as [ExampleReport['branches'][0], ExampleReport['branches'][0]];
    expect(base.prefixHash).toBe(report.prefix.hash);
    expect(alternative.prefixHash).toBe(report.prefix.hash);
    expect(alternative.hash).not.toBe(base.hash);
    expect(report.firstDivergence!.seq).toBeGreaterThanOrEqual(report.prefix.events);
    expect(report.firstDivergence!.time).toBeGreaterThan(report.forkAt);
    expect(report.claims.branchesShareThePrefix && report.claims.branchesDivergeAfterTheFork).toBe(true);
  });

  it('the higher reorder point buys service with stock', () => {
    const [base, alternative] = report.branches as [ExampleReport['branches'][0], ExampleReport['branches'][0]];
    expect(alternative.service.fillRate).toBeGreaterThan(base.service.fillRate);
    expect(alternative.service.averageStock).toBeGreaterThan(base.service.averageStock);
    for (const b of report.branches) {
      expect(b.service.fillRate).toBeCloseTo(b.state.unitsServed / (b.state.unitsServed + b.state.unitsLost), 12);
    }
  });

  it('replay equals state, and the live projection equals the one folded from the stored log', () => {
    expect(report.claims.replayEqualsState).toBe(true);
    expect(report.claims.liveProjectionEqualsStored).toBe(true);
  });

  it('NDJSON and SQLite logs round-trip: same hash, replay at the end and at the fork time', () => {
    for (const b of report.branches) {
      expect(b.ndjson.hash).toBe(b.hash);
      expect(b.sqlite.hash).toBe(b.hash);
      expect([b.ndjson.replayEqualsState, b.ndjson.replayAtForkEqualsSnapshot, b.sqlite.replayEqualsState, b.sqlite.replayAtForkEqualsSnapshot]).toEqual([true, true, true, true]);
    }
    expect(readdirSync(outDir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('replaying the uninterrupted log at the fork time gives the snapshot state', () => {
    const model = createInventory(7);
    model.run({ until: 365 });
    expect(replay(model.log!, warehouseDecider(30), 180)).toEqual(report.prefix.state);
  });

  it('main.ts prints JSON lines whose claims are all true', () => {
    const dir = join(outDir, 'cli');
    mkdirSync(dir);
    const out = execFileSync(join(process.cwd(), 'node_modules/.bin/tsx'), ['examples/inventory/main.ts', '--seed', '7', '--out', dir], { encoding: 'utf8' });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.section)).toEqual(['prefix', 'branch', 'branch', 'fork', 'claims']);
    const { section: _section, ...claims } = lines.at(-1)!;
    expect(Object.values(claims).every((v) => v === true)).toBe(true);
    expect(lines[1]!.hash).toBe(report.uninterruptedHash);
    expect(existsSync(join(dir, 'inventory-base.sqlite'))).toBe(true);
  });
});
