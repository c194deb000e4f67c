// @stibium/market: the calibrated antimony world, run month by month on the engine, and the
// outcome fold over its event log. No interventions here: China's controls are @stibium/policy's.
import assert from 'node:assert/strict';
import { OUTCOME_CATALOGUE, antimonyWorld, foldOutcomes, outcomeDefinition, runWorld, worldIds } from '@stibium/market';

const world = antimonyWorld(); // vintage mcs2026; antimonyWorld('mcs2025') for the other edition
const ids = worldIds(world);
const format = (v: number): string => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : v.toPrecision(3));
console.log(`${ids.countries.length} countries, ${ids.markets.length} markets (${ids.markets.join(', ')}), world starts ${world.start}`);

const run = runWorld({ world, months: 24 }, { seed: 7 }); // January 2024 to December 2025
const table = foldOutcomes(world, run.events, 24); // 24 months: years 2024 and 2025
console.log(`${run.eventCount} events, log hash ${run.logHash.slice(0, 12)}, ${Object.keys(table.outcomes).length} outcome series`);

for (const id of ['price.exChina', 'world.mineProduction.PAK', 'pk.exportEarnings', 'us.netImportReliance']) {
  const series = table.outcomes[id];
  assert.ok(series !== undefined, id);
  const def = outcomeDefinition(id);
  const values = table.years.map((year, i) => `${year}: ${format(series.yearly[i] ?? NaN)}`);
  console.log(`${id} [${series.unit}] ${values.join(', ')}  (${def?.description ?? ''})`);
}

// Same seed, same log: determinism is checked by the hash.
assert.equal(runWorld({ world, months: 24 }, { seed: 7, record: false }).logHash, run.logHash);
assert.ok(OUTCOME_CATALOGUE.some((o) => o.id === 'us.netImportReliance'));
