import { Simulation, normal, type RecordedEvent } from '@stibium/core';
import type { IdCatalog } from '../../../src/format/catalog.ts';
import type { ResolvedScenario } from '../../../src/format/types.ts';
import type { OutcomeValues, RunOnceOptions, RunOutput } from '../../../src/experiment/types.ts';

/**
 * A small stochastic model on the core Simulation with the shape of the real model
 * module: a monthly price random walk and output with random disruptions, recorded as
 * events, so log hashes are real. `parameters.capacity` and `parameters.drift` change it;
 * `parameters.work` adds events per month (for benchmarks); `parameters.failAtRun` makes a
 * run throw (for error paths); `parameters.slowMs` busy-waits per run (for kill tests);
 * `parameters.ragged` makes awkward outputs (see {@link raggedOutcomes}) for result-file tests.
 */
export function runScenarioOnce(scenario: ResolvedScenario, variant: string | undefined, runIndex: number, runSeed: string, options: RunOnceOptions): RunOutput {
  const s = variant === undefined ? scenario : (scenario.variants[variant] as ResolvedScenario);
  const p = s.parameters;
  if (p['failAtRun'] === runIndex) throw new Error(`fake model failure at run ${runIndex}`);
  const slow = p['slowMs'] ?? 0;
  if (slow > 0) {
    const until = performance.now() + slow;
    while (performance.now() < until) {
      // busy-wait: stands for a slow model
    }
  }
  const [startYear, startMonth] = s.horizon.start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = s.horizon.end.split('-').map(Number) as [number, number];
  const months = (endYear - startYear) * 12 + (endMonth - startMonth) + 1;
  const capacity = p['capacity'] ?? 100;
  const drift = p['drift'] ?? 0;
  const work = p['work'] ?? 0;
  const sim = new Simulation({ seed: runSeed, record: true });
  const state = { price: 10_000 };
  const outcomes: OutcomeValues = { 'pk.exportEarnings': {}, 'price.exChina': {} };
  const tick = sim.define<number>('Tick', () => {}, { record: false });
  const month = sim.define<number>('MonthStarted', (m, sim) => {
    const total = startYear * 12 + (startMonth - 1) + m;
    const year = String(Math.floor(total / 12));
    const label = `${year}-${String((total % 12) + 1).padStart(2, '0')}`;
    state.price *= Math.exp(drift + 0.05 * normal(sim.rng('price'), 0, 1));
    const disrupted = sim.rng('disruption').next() < 0.1;
    const output = disrupted ? capacity * 0.5 : capacity;
    sim.record('Traded', { month: label, price: state.price, output });
    const earnings = outcomes['pk.exportEarnings'] as Record<string, number>;
    earnings[year] = (earnings[year] ?? 0) + state.price * output;
    (outcomes['price.exChina'] as Record<string, number>)[label] = state.price;
    for (let i = 0; i < work; i++) sim.schedule(i / (work + 1), tick, i);
    if (m + 1 < months) sim.schedule(1, month, m + 1);
  });
  sim.schedule(0, month, 0);
  sim.run();
  const log = sim.log as NonNullable<Simulation['log']>;
  return {
    scenario: s.name,
    run: runIndex,
    seed: runSeed,
    logHash: log.digest(),
    outcomes: p['ragged'] === undefined ? outcomes : raggedOutcomes(outcomes, runIndex),
    ...(options.keepLog ? { log: log.toArray() } : {}),
  };
}

/**
 * Outcomes that stress the result files: non-finite values and -0, periods and outcomes
 * missing in some runs (so the set of cells changes from run to run), an outcome id that
 * CSV must quote, a non-ASCII id, and keys inserted out of order.
 */
export function raggedOutcomes(outcomes: OutcomeValues, runIndex: number): OutcomeValues {
  const price = outcomes['price.exChina'] as Record<string, number>;
  const earnings = outcomes['pk.exportEarnings'] as Record<string, number>;
  const months = Object.keys(price);
  const out: OutcomeValues = {};
  if (runIndex % 5 !== 0) {
    const odd: Record<string, number> = {};
    for (const year of Object.keys(earnings).reverse()) odd[year] = runIndex % 3 === 0 ? -0 : (earnings[year] as number) / 7;
    out['odd,"name"'] = odd;
  }
  out['price.exChina'] = price;
  out['pk.exportEarnings'] = earnings;
  const accent: Record<string, number> = {};
  months.forEach((m, i) => {
    if (runIndex % 7 === 3 && i % 4 === 1) return;
    const v = price[m] as number;
    accent[m] = (i + runIndex) % 11 === 0 ? NaN : (i + runIndex) % 13 === 0 ? Infinity : (i + runIndex) % 17 === 0 ? -Infinity : v / 3;
  });
  out['prix.été'] = accent;
  if (runIndex % 4 === 1) out['empty'] = {};
  return out;
}

/** Outcomes folded from a stored log up to time `until` (the fake's replay). */
export function replayOutcomes(entries: Iterable<RecordedEvent>, until: number): { state: Record<string, unknown>; outcomes: OutcomeValues } {
  const earnings: Record<string, number> = {};
  const price: Record<string, number> = {};
  let last: Record<string, unknown> = {};
  for (const e of entries) {
    if (e.time > until) break;
    if (e.type !== 'Traded') continue;
    const d = e.data as { month: string; price: number; output: number };
    const year = d.month.slice(0, 4);
    earnings[year] = (earnings[year] ?? 0) + d.price * d.output;
    price[d.month] = d.price;
    last = { ...d };
  }
  return { state: last, outcomes: { 'pk.exportEarnings': earnings, 'price.exChina': price } };
}

/** The ids the fake world knows, for scenario validation. */
export const scenarioCatalog: IdCatalog = {
  countries: ['PAK', 'USA', 'CHN'],
  facilities: [],
  markets: ['chinaDomestic', 'exChina', 'us'],
  routes: [],
  parameterPaths: () => true,
};
