import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, runWorld, type TimedCommand, type WorldEvent, type WorldIntervention } from '../src/index.ts';
import { commandsArb } from './support/arbitraries.ts';

// The log hash encodes objects with their keys in code-unit order and takes a fast path
// when an object already lists them so (it sorts otherwise, at about twice the cost).
// These tests keep every event the world emits on that path.

/** The path of the first object (depth first) whose keys are not in code-unit order, or undefined. */
function firstUnsorted(value: unknown, path: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUnsorted(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  let previous = '';
  for (const key in value) {
    if (key < previous) return `${path} (key '${key}' after '${previous}')`;
    previous = key;
  }
  for (const key in value) {
    const found = firstUnsorted((value as Record<string, unknown>)[key], `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The first event whose data has unsorted keys, named by index, type and path. */
function firstOffence(events: readonly { readonly type: string; readonly data?: unknown }[]): string | undefined {
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as (typeof events)[number];
    const found = firstUnsorted(e.data, `events[${i}](${e.type}).data`);
    if (found !== undefined) return found;
  }
  return undefined;
}

const world = antimonyWorld();
const apply = (time: number, id: string, intervention: WorldIntervention): TimedCommand => ({
  time,
  command: { type: 'ApplyIntervention', data: { id, intervention, source: 'test' } },
});

/** One intervention of every kind, with their keys deliberately unsorted. */
const everyKind: TimedCommand[] = [
  apply(0, 'risk', { kind: 'disruptionRisk', severity: 0.5, countries: ['PAK', 'CHN'], annualProbability: 0.9, meanDurationMonths: 3 }),
  apply(1, 'shift', { kind: 'supplyShift', direction: 'growth', countries: ['TJK', 'AUS', 'OMN'], tonnesPerYear: 2000, share: 0.1, rampMonths: 6, durationMonths: 30 }),
  apply(2, 'plant', {
    kind: 'buildPlant', id: 'pak-smelter', country: 'PAK', stage: 'smelter', capacityTonnesPerYear: 3000, capexUsd: 5e7,
    leadTimeMonths: 3, rampUpMonths: 6, recovery: 0.9, operatingCostUsdPerTonne: 900, feedSources: 'domestic',
  }),
  apply(2, 'terminal', { kind: 'openTerminal', id: 'gwadar', country: 'PAK', transitDays: 20, markets: ['us', 'exChina'], throughputTonnesPerYear: 3000, freightUsdPerTonne: 40, capexUsd: 1e7, leadTimeMonths: 2 }),
  apply(3, 'cert', { kind: 'certify', country: 'PAK', coverageStart: 0.2, coverageEnd: 0.9, rampMonths: 12, detectionRate: 0.7, usProcurementEligible: true, premiumShare: 0.05, costUsdPerTonne: 30 }),
  apply(4, 'ban', { kind: 'exportControl', country: 'CHN', measure: 'ban', destinations: ['us', 'USA'], products: ['metal', 'oxide', 'ore', 'concentrate'], licensingDelayMonths: 0, approvalShare: 0, quotaTonnesPerYear: 0, until: 30 }),
  apply(5, 'quota', { kind: 'exportControl', country: 'RUS', measure: 'quota', destinations: ['*'], products: ['metal'], licensingDelayMonths: 0, approvalShare: 0, quotaTonnesPerYear: 1000 }),
  apply(6, 'tariff', { kind: 'tariff', importer: 'USA', exporter: 'CHN', rate: 0.25 }),
  apply(6, 'buy', { kind: 'stockpile', country: 'USA', action: 'buy', tonnes: 3000, overMonths: 6 }),
  apply(14, 'release', { kind: 'stockpile', country: 'USA', action: 'release', tonnes: 1000, overMonths: 4 }),
  apply(7, 'offtake', {
    kind: 'offtake', id: 'pak-us', seller: 'PAK', buyer: 'USA', tonnesPerYear: 600, years: 3,
    priceFormula: { market: 'us', kind: 'indexed', premiumUsdPerTonne: 100, factor: 0.95 }, floorUsdPerTonne: 10000,
  }),
  apply(8, 'rejected', { kind: 'tariff', importer: 'XXX', exporter: '*', rate: 0.1 }),
];

describe('event data keys come in code-unit order at every level (the log hash fast path)', () => {
  it('given the calibrated world, when it runs the full horizon, then every event lists its keys sorted', () => {
    const { events } = runWorld({ world }, { seed: 1 });
    expect(events.length).toBeGreaterThan(10_000);
    expect(firstOffence(events)).toBeUndefined();
  });

  it('given one intervention of every kind, when the world runs, then every event lists its keys sorted', () => {
    const { events } = runWorld({ world, commands: everyKind, months: 36 }, { seed: 3 });
    const types = new Set(events.map((e) => e.type));
    for (const type of ['InterventionApplied', 'InterventionRejected', 'Disrupted', 'ExportLicenceDelayed', 'StockpileChanged', 'MarketPurchased', 'InformalInflow'] as const) {
      expect(types.has(type), type).toBe(true);
    }
    expect(events.some((e) => e.type === 'Shipped' && (e.data as { contract?: string }).contract !== undefined)).toBe(true);
    expect(firstOffence(events)).toBeUndefined();
  });

  it('given generated interventions, when the world runs, then every event lists its keys sorted', () => {
    fc.assert(
      fc.property(commandsArb(6), (commands) => {
        const { events } = runWorld({ world, commands, months: 18 }, { seed: 5, record: true });
        expect(firstOffence(events)).toBeUndefined();
      }),
      { seed: 424242, numRuns: 30 },
    );
  });

  it('the checker names the first unsorted path', () => {
    const events: WorldEvent[] = [
      { type: 'InterventionRejected', data: { id: 'a', month: 0, reason: 'r' } },
      { type: 'Disrupted', data: { country: 'PAK', month: 0, untilMonth: 3, severity: 1 } },
    ];
    expect(firstOffence(events)).toBe("events[1](Disrupted).data (key 'severity' after 'untilMonth')");
    expect(firstUnsorted({ a: [{ b: 1 }, { d: 1, c: 2 }] }, 'x')).toBe("x.a[1] (key 'c' after 'd')");
  });
});
