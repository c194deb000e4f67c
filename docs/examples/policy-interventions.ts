// @stibium/policy: typed, timed interventions (validated with zod) compiled onto the world.
// Compare China's controls alone with the same world plus a Pakistani roaster and certification.
import assert from 'node:assert/strict';
import { antimonyWorld, foldOutcomes } from '@stibium/market';
import { CHINA_EXPORT_CONTROLS, interventionSchema, runPolicyWorld, type Intervention } from '@stibium/policy';

const world = antimonyWorld();
const months = 36; // 2024-2026

// Scenario files go through the same schema; parse() fills defaults and rejects bad input.
const pakistan: Intervention[] = [
  interventionSchema.parse({
    type: 'buildRefinery', id: 'pk-roaster', at: '2024-03', country: 'PAK', stage: 'roaster',
    capacityTonnesPerYear: 1500, capexUsd: 24e6, leadTimeMonths: 12, rampUpMonths: 6,
    recovery: 0.95, operatingCostUsdPerTonne: 2500, feedSources: 'domestic',
  }),
  interventionSchema.parse({
    type: 'certification', at: '2025-01', country: 'PAK', coverageStart: 0.3, coverageEnd: 0.9,
    rampMonths: 12, detectionRate: 0.8, usProcurementEligible: true, premiumShare: 0.05,
  }),
];

const seed = 11; // the same seed for both runs: common random numbers
const base = foldOutcomes(world, runPolicyWorld({ world, interventions: CHINA_EXPORT_CONTROLS, months }, { seed }).events, months);
const policy = foldOutcomes(world, runPolicyWorld({ world, interventions: [...CHINA_EXPORT_CONTROLS, ...pakistan], months }, { seed }).events, months);

for (const id of ['pk.exportEarnings', 'pk.valueAddedCapture', 'pk.certifiedShare']) {
  const last = base.years.length - 1;
  const b = base.outcomes[id]?.yearly[last] ?? NaN;
  const p = policy.outcomes[id]?.yearly[last] ?? NaN;
  console.log(`${id} ${base.years[last]}: controls only ${b.toPrecision(3)}, with roaster + certification ${p.toPrecision(3)}`);
}
assert.ok((policy.outcomes['pk.exportEarnings']?.yearly[2] ?? 0) > (base.outcomes['pk.exportEarnings']?.yearly[2] ?? 0));

// Invalid input is rejected with a message that says what to fix.
const bad = interventionSchema.safeParse({ type: 'certification', at: '2025-13', country: 'Pakistan' });
assert.equal(bad.success, false);
console.log(`rejected: ${bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 2).join('; ')}`);
