import { describe, expect, it } from 'vitest';
import { antimonyWorld, createWorldDecider, evolveWorld, type ExportControl, type WorldEvent, type WorldIntervention } from '../src/index.ts';
import { clear, worldSpec } from './support/spec.ts';

const world = antimonyWorld();
const of = <T extends WorldEvent['type']>(events: readonly WorldEvent[], type: T) => events.filter((e): e is Extract<WorldEvent, { type: T }> => e.type === type);
const apply = (id: string, intervention: WorldIntervention) => ({ type: 'ApplyIntervention' as const, data: { id, intervention } });
const chinaBan = (destinations: string[]): ExportControl => ({
  kind: 'exportControl', country: 'CHN', measure: 'ban', destinations, products: ['ore', 'concentrate', 'metal', 'oxide'],
  licensingDelayMonths: 0, approvalShare: 0, quotaTonnesPerYear: 0,
});

describe('world decider: ClearMonth', () => {
  it('given the base year, when month 0 clears, then every mining country produces and every market clears once', () => {
    const { events, state } = worldSpec(world).when(...clear(0));
    const producers = new Set(of(events, 'MineProduced').map((e) => e.data.country));
    expect(producers).toEqual(new Set(world.mines.filter((m) => m.startMonth <= 0).map((m) => m.country)));
    expect(of(events, 'MarketCleared').map((e) => e.data.market).sort()).toEqual(['chinaDomestic', 'exChina', 'us']);
    expect(of(events, 'MonthCleared')).toHaveLength(1);
    expect(state.month).toBe(1);
  });

  it('keeps events per month modest (hundreds at most)', () => {
    const { events } = worldSpec(world).givenMonths(30).when(...clear(30));
    expect(events.length).toBeGreaterThan(30);
    expect(events.length).toBeLessThan(300);
  });

  it('rejects a month out of order as a broken invariant', () => {
    expect(() => worldSpec(world).when(...clear(3))).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('folds its events into exactly the state it decided on', () => {
    const decider = createWorldDecider(world);
    const spec = worldSpec(world).givenMonths(5);
    const before = spec.state;
    const step = decider.step({ type: 'ClearMonth', data: { month: 5 } }, before, { now: 6, rng: () => { throw new Error('no draws without risk'); } });
    let folded = before;
    for (const e of step.events) folded = evolveWorld(folded, e);
    expect(JSON.stringify(folded)).toBe(JSON.stringify(step.state));
  });
});

describe('world decider: interventions', () => {
  it('given an unknown country, when an intervention arrives, then it is rejected with the reason (not thrown)', () => {
    const { events } = worldSpec(world).when(apply('x', { kind: 'tariff', importer: 'XXX', exporter: '*', rate: 0.1 }), 0);
    expect(events).toEqual([{ type: 'InterventionRejected', data: { id: 'x', month: 0, reason: "unknown country 'XXX'" } }]);
  });

  it('given a China ban on the US, when months clear, then China ships nothing to the US and the US price rises above the baseline', () => {
    const banned = worldSpec(world).givenCommands([{ time: 0, command: apply('ban', chinaBan(['USA'])) }]).givenMonths(6);
    const base = worldSpec(world).givenMonths(6);
    const { events } = banned.when(...clear(6));
    const toUs = of(events, 'Shipped').filter((e) => e.data.from === 'CHN' && e.data.market === 'us');
    expect(toUs.reduce((a, e) => a + e.data.metal + e.data.oxide, 0)).toBe(0);
    expect(of(events, 'ExportLicenceDelayed').some((e) => e.data.from === 'CHN' && e.data.to === 'us')).toBe(true);
    expect(banned.state.prices['us']).toBeGreaterThan((base.state.prices['us'] ?? 0) * 1.2);
  });

  it('given a suspension of the ban, when months clear inside it, then China ships to the US again', () => {
    const spec = worldSpec(world).givenCommands([
      { time: 0, command: apply('ban', chinaBan(['USA'])) },
      { time: 0, command: apply('susp', { ...chinaBan(['USA']), measure: 'suspension', until: 4 }) },
    ]);
    const { events } = spec.when(...clear(0));
    expect(of(events, 'Shipped').some((e) => e.data.from === 'CHN' && e.data.market === 'us')).toBe(true);
  });

  it('given a roaster built in Pakistan, when it is commissioned, then Pakistan processes its ore and exports oxide', () => {
    const roaster: WorldIntervention = {
      kind: 'buildPlant', id: 'pk-roaster', country: 'PAK', stage: 'roaster', capacityTonnesPerYear: 1000, capexUsd: 20e6,
      leadTimeMonths: 2, rampUpMonths: 0, recovery: 0.9, operatingCostUsdPerTonne: 2500,
    };
    const spec = worldSpec(world).givenCommands([{ time: 0, command: apply('r', roaster) }]).givenMonths(4);
    const { events } = spec.when(...clear(4));
    const processed = of(events, 'Processed').find((e) => e.data.country === 'PAK');
    expect(processed?.data.oxideOut).toBeGreaterThan(0);
    expect(of(events, 'Shipped').some((e) => e.data.from === 'PAK' && e.data.oxide > 0)).toBe(true);
  });

  it('given a domestic-feed-only roaster, when months clear, then Pakistan imports no feed and refines its own ore', () => {
    const roaster: WorldIntervention = {
      kind: 'buildPlant', id: 'pk-roaster', country: 'PAK', stage: 'roaster', capacityTonnesPerYear: 1000, capexUsd: 20e6,
      leadTimeMonths: 0, rampUpMonths: 0, recovery: 0.9, operatingCostUsdPerTonne: 2500, feedSources: 'domestic',
    };
    const spec = worldSpec(world).givenCommands([{ time: 0, command: apply('r', roaster) }]).givenMonths(3);
    const { events } = spec.when(...clear(3));
    expect(of(events, 'FeedShipped').filter((e) => e.data.to === 'PAK')).toEqual([]);
    const mined = of(events, 'MineProduced').find((e) => e.data.country === 'PAK')?.data.tonnes ?? 0;
    const processed = of(events, 'Processed').find((e) => e.data.country === 'PAK');
    expect(processed?.data.oreIn).toBeGreaterThan(mined);
  });

  it('given a stockpile release order, when the month clears, then the stockpile falls and the market receives it', () => {
    const spec = worldSpec(world).givenCommands([{ time: 0, command: apply('rel', { kind: 'stockpile', country: 'USA', action: 'release', tonnes: 600, overMonths: 6 }) }]);
    const { events, state } = spec.when(...clear(0));
    const change = of(events, 'StockpileChanged')[0];
    expect(change?.data.tonnes).toBeCloseTo(-100, 9);
    expect(state.stockpiles['USA']?.tonnes).toBeCloseTo(1000, 9);
  });

  it('given a disruption risk, when months clear, then draws come from the mineDisruption stream and replay for the same seed', () => {
    const risk: WorldIntervention = { kind: 'disruptionRisk', annualProbability: 0.9, meanDurationMonths: 3, severity: 0.5, countries: ['RUS', 'TJK', 'MMR'] };
    const run = (seed: string) => {
      const spec = worldSpec(world, seed).givenCommands([{ time: 0, command: apply('risk', risk) }]);
      const out: WorldEvent[] = [];
      for (let m = 0; m < 12; m++) out.push(...spec.when(...clear(m)).events);
      return of(out, 'Disrupted').map((e) => e.data);
    };
    expect(run('a').length).toBeGreaterThan(0);
    expect(run('a')).toEqual(run('a'));
    expect(run('a')).not.toEqual(run('b'));
  });
});
