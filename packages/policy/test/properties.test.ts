import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { antimonyWorld, foldOutcomes, worldInvariantViolations } from '@stibium/market';
import { adaptiveRuleSchema, interventionSchema, runPolicyWorld, type AdaptiveRule, type Intervention } from '../src/index.ts';

const world = antimonyWorld();
const date = fc.tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const country = fc.constantFrom('CHN', 'PAK', 'USA', 'RUS', 'TJK', 'THA', 'BEL');
const share = fc.double({ min: 0, max: 1, noNaN: true });

/** Scenario-vocabulary interventions, validated by the same schema users' files go through. */
const interventionArb: fc.Arbitrary<Intervention> = fc
  .oneof(
    fc.record({ type: fc.constant('exportControl'), at: date, country, kind: fc.constantFrom('licensing', 'ban', 'suspension', 'quota', 'lift'), destinations: fc.subarray(['*', 'USA', 'us', 'exChina'], { minLength: 1 }), approvalShare: share, licensingDelayMonths: fc.integer({ min: 0, max: 4 }), quotaTonnesPerYear: fc.integer({ min: 0, max: 40000 }) }),
    fc.record({ type: fc.constant('buildRefinery'), at: date, id: fc.constantFrom('r1', 'r2'), country, stage: fc.constantFrom('concentrator', 'roaster', 'smelter', 'trioxide'), capacityTonnesPerYear: fc.integer({ min: 1, max: 20000 }), capexUsd: fc.integer({ min: 0, max: 1e8 }), leadTimeMonths: fc.integer({ min: 0, max: 36 }), rampUpMonths: fc.integer({ min: 0, max: 12 }), recovery: fc.double({ min: 0.1, max: 1, noNaN: true }), operatingCostUsdPerTonne: fc.integer({ min: 0, max: 10000 }), feedSources: fc.constantFrom('domestic', 'any') }),
    fc.record({ type: fc.constant('stockpile'), at: date, country: fc.constantFrom('USA', 'BEL'), action: fc.constantFrom('buy', 'release'), tonnes: fc.integer({ min: 1, max: 10000 }), overMonths: fc.integer({ min: 1, max: 24 }) }),
    fc.record({ type: fc.constant('certification'), at: date, country: fc.constant('PAK'), coverageStart: share, coverageEnd: share, rampMonths: fc.integer({ min: 0, max: 24 }), detectionRate: share, usProcurementEligible: fc.boolean(), premiumShare: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
    fc.record({ type: fc.constant('supplyShift'), at: date, region: fc.constantFrom('Southeast Asia', 'Central Asia'), kind: fc.constantFrom('growth', 'disruption'), share: share, rampMonths: fc.integer({ min: 0, max: 24 }) }),
    fc.record({ type: fc.constant('tariff'), at: date, importer: fc.constant('USA'), exporter: fc.constantFrom('*', 'CHN', 'BEL'), rate: fc.double({ min: 0, max: 2, noNaN: true }) }),
    fc.record({ type: fc.constant('mineDisruption'), at: date, annualProbability: share, meanDurationMonths: fc.integer({ min: 1, max: 12 }), severity: share }),
  )
  .map((raw) => interventionSchema.parse(raw));

const ruleArb: fc.Arbitrary<AdaptiveRule> = fc
  .record({
    id: fc.constantFrom('a', 'b'),
    when: fc.record({ price: fc.constantFrom('price.us', 'price.exChina'), above: fc.integer({ min: 10000, max: 80000 }), forMonths: fc.integer({ min: 1, max: 6 }) }),
    then: fc.record({ type: fc.constant('stockpile'), country: fc.constant('USA'), action: fc.constantFrom('buy', 'release'), tonnes: fc.integer({ min: 1, max: 2000 }), overMonths: fc.integer({ min: 1, max: 12 }) }),
    maxFirings: fc.integer({ min: 1, max: 3 }),
    cooldownMonths: fc.integer({ min: 0, max: 12 }),
  })
  .map((raw) => adaptiveRuleSchema.parse(raw));

describe('invariants over generated scenarios (interventions and adaptive rules)', () => {
  it('hold, and no rule fires more often than it may', () => {
    fc.assert(
      fc.property(fc.array(interventionArb, { maxLength: 6 }), fc.uniqueArray(ruleArb, { maxLength: 2, selector: (r) => r.id }), (interventions, rules) => {
        const months = 30;
        const run = runPolicyWorld({ world, interventions, rules, months }, { seed: 'prop' });
        expect(worldInvariantViolations(world, run.events, run.finalState, foldOutcomes(world, run.events, months))).toEqual([]);
        for (const rule of rules) {
          const fired = run.finalState.applied.filter((a) => a.id.startsWith(`rule:${rule.id}:`));
          expect(fired.length).toBeLessThanOrEqual(rule.maxFirings);
        }
      }),
      { seed: 424242, numRuns: 25 },
    );
  });
});
