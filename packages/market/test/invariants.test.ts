import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, type World, type WorldIntervention } from '../src/index.ts';
import { commandsArb, worldArb } from './support/arbitraries.ts';
import { runAndFold, violations } from './support/invariants.ts';

const base = antimonyWorld();
const check = (world: World, commands: Parameters<typeof runAndFold>[1], months: number, seed: string | number = 7): string[] => {
  const run = runAndFold(world, commands, months, seed);
  return violations(world, run.events, run.finalState, run.outcomes);
};

describe('model invariants (DESIGN.md) over generated worlds and intervention sequences', () => {
  it('hold for the calibrated baseline over the full horizon', () => {
    expect(check(base, [], 144)).toEqual([]);
  });

  it('hold for generated worlds and interventions (shrinks to a minimal failing case)', () => {
    fc.assert(
      fc.property(worldArb(base), commandsArb(6), fc.integer({ min: 6, max: 30 }), fc.string({ maxLength: 4 }), (world, commands, months, seed) => {
        expect(check(world, commands, months, seed)).toEqual([]);
      }),
      { seed: 424242, numRuns: 40, endOnFailure: false },
    );
  });
});

describe('the invariant checker itself', () => {
  it('reports a tampered log (money not conserved, stocks off balance, replay differs)', () => {
    const run = runAndFold(base, [], 3);
    const i = run.events.findIndex((e) => e.type === 'Shipped');
    const shipped = run.events[i] as (typeof run.events)[number];
    const data = shipped.data as { metal: number; settlement: { buyerUsd: number } };
    const tampered = [...run.events];
    tampered[i] = { ...shipped, data: { ...data, metal: data.metal + 1, settlement: { ...data.settlement, buyerUsd: data.settlement.buyerUsd * 1.01 } } } as typeof shipped;
    const found = violations(base, tampered, run.finalState, run.outcomes);
    expect(found.some((v) => v.startsWith('money not conserved'))).toBe(true);
    expect(found.some((v) => v.startsWith('mass balance'))).toBe(true);
    expect(found).toContain('replay(log) differs from the run state');
  });
});

describe('extreme worlds stay finite and non-negative', () => {
  const banAll: WorldIntervention[] = base.countries.map((c) => ({
    kind: 'exportControl', country: c.iso3, measure: 'ban', destinations: ['*'], products: ['ore', 'concentrate', 'metal', 'oxide'],
    licensingDelayMonths: 0, approvalShare: 0, quotaTonnesPerYear: 0,
  }));
  const cases: [string, World, WorldIntervention[]][] = [
    ['zero demand', { ...base, buyers: base.buyers.map((b) => ({ ...b, demandTonnesPerYear: 0 })) }, []],
    ['zero capacity', { ...base, mines: base.mines.map((m) => ({ ...m, capacityTonnesPerYear: 0 })), plants: base.plants.map((p) => ({ ...p, capacityTonnesPerYear: 0 })) }, []],
    ['all exports banned', base, banAll],
    ['single supplier', { ...base, mines: base.mines.map((m) => (m.country === 'CHN' ? m : { ...m, capacityTonnesPerYear: 0 })) }, []],
  ];
  for (const [name, world, interventions] of cases) {
    it(name, () => {
      const commands = interventions.map((intervention, i) => ({ time: 0, command: { type: 'ApplyIntervention' as const, data: { id: `x${i}`, intervention } } }));
      expect(check(world, commands, 36)).toEqual([]);
    });
  }

  it('all exports banned: no country ships across borders and the US price climbs toward its ceiling', () => {
    const commands = banAll.map((intervention, i) => ({ time: 0, command: { type: 'ApplyIntervention' as const, data: { id: `x${i}`, intervention } } }));
    const run = runAndFold(base, commands, 12);
    const crossBorder = run.events.filter((e) => e.type === 'FeedShipped' || (e.type === 'Shipped' && (e.data as { from: string }).from !== 'USA' && (e.data as { market: string }).market === 'us'));
    expect(crossBorder).toEqual([]);
    const us = base.markets.find((m) => m.id === 'us');
    expect(run.finalState.prices['us']).toBeGreaterThan((us?.referencePriceUsdPerTonne ?? 0) * 3);
    expect(run.finalState.prices['us']).toBeLessThanOrEqual((us?.referencePriceUsdPerTonne ?? 0) * (us?.priceCeilingMultiple ?? 0) * (1 + 1e-9));
  });

  it('replays to the same log for the same seed (determinism)', () => {
    const risk: WorldIntervention = { kind: 'disruptionRisk', annualProbability: 0.5, meanDurationMonths: 4, severity: 0.6, countries: [] };
    const commands = [{ time: 0, command: { type: 'ApplyIntervention' as const, data: { id: 'r', intervention: risk } } }];
    const a = runAndFold(base, commands, 36, 'same');
    const b = runAndFold(base, commands, 36, 'same');
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
