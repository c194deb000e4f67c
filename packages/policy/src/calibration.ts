import { antimonyWorld, foldOutcomes, type OutcomeTable, type World } from '@stibium/market';
import { CHINA_EXPORT_CONTROLS } from './china-controls.ts';
import { runPolicyWorld } from './run.ts';

/**
 * The calibration table: what the reference run (antimony world, MCS 2026 vintage, with
 * China's 2024-2026 export controls) must reproduce, the data it is compared with, and
 * the tolerance. docs/model.md prints it; a test keeps it true.
 */

/** One calibration target. */
export interface CalibrationTarget {
  readonly id: string;
  readonly description: string;
  /** The data value. */
  readonly data: number;
  readonly unit: string;
  /** Source id in packages/market/data/antimony/world.json `sources` (or calibration-data.json). */
  readonly source: string;
  /** Accepted band for the model value. */
  readonly min: number;
  readonly max: number;
  /** Reads the model value from the reference run's outcomes. */
  readonly model: (t: OutcomeTable) => number;
}

const year = (t: OutcomeTable, id: string, y: number): number => {
  const i = t.years.indexOf(y);
  return i < 0 ? NaN : (t.outcomes[id]?.yearly[i] ?? NaN);
};
const month = (t: OutcomeTable, id: string, label: string): number => {
  const i = t.months.indexOf(label);
  return i < 0 ? NaN : (t.outcomes[id]?.monthly[i] ?? NaN);
};
/** Sum of a monthly series over an inclusive range of month labels. */
const span = (t: OutcomeTable, id: string, from: string, to: string): number => {
  const a = t.months.indexOf(from);
  const b = t.months.indexOf(to);
  let sum = 0;
  for (let i = a; i <= b; i++) sum += t.outcomes[id]?.monthly[i] ?? 0;
  return sum;
};
const band = (data: number, rel: number): { min: number; max: number } => ({ min: data * (1 - rel), max: data * (1 + rel) });

/** The targets, in table order. */
export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = [
  { id: 'world.mineProduction 2024', description: 'World mine production, 2024', data: 119000, unit: 't', source: 'MCS2026', ...band(119000, 0.06), model: (t) => year(t, 'world.mineProduction', 2024) },
  { id: 'world.mineProduction.CHN 2024', description: 'China mine production, 2024', data: 40000, unit: 't', source: 'MCS2026', ...band(40000, 0.06), model: (t) => year(t, 'world.mineProduction.CHN', 2024) },
  { id: 'world.mineProduction.RUS 2024', description: 'Russia mine production, 2024', data: 40000, unit: 't', source: 'MCS2026', ...band(40000, 0.06), model: (t) => year(t, 'world.mineProduction.RUS', 2024) },
  { id: 'world.mineProduction.TJK 2024', description: 'Tajikistan mine production, 2024', data: 22000, unit: 't', source: 'MCS2026', ...band(22000, 0.06), model: (t) => year(t, 'world.mineProduction.TJK', 2024) },
  { id: 'world.mineProduction.PAK 2024', description: 'Pakistan mine production, 2024', data: 260, unit: 't', source: 'MCS2026', ...band(260, 0.06), model: (t) => year(t, 'world.mineProduction.PAK', 2024) },
  { id: 'world.chinaRefiningShare 2024', description: "China's share of refined (metal + oxide) supply, 2024", data: 0.8, unit: 'share', source: 'Argus_2025_02', min: 0.72, max: 0.88, model: (t) => year(t, 'world.chinaRefiningShare', 2024) },
  { id: 'us.consumption 2024', description: 'US apparent consumption, 2024', data: 28600, unit: 't', source: 'MCS2026', ...band(28600, 0.1), model: (t) => year(t, 'us.consumption', 2024) },
  { id: 'us.netImportReliance 2024', description: 'US net import reliance, 2024', data: 0.86, unit: 'share', source: 'MCS2026', min: 0.83, max: 0.89, model: (t) => year(t, 'us.netImportReliance', 2024) },
  {
    id: 'us.importShare.CHN Jan-Aug 2024', description: 'China share of US metal and oxide imports before controls (data: 2020-23 average)', data: 0.63, unit: 'share', source: 'MCS2025',
    min: 0.55, max: 0.71, model: (t) => span(t, 'us.importShare.CHN', '2024-01', '2024-08') / 8,
  },
  { id: 'us.importShare.BEL 2024', description: 'Belgium share of US metal and oxide imports (data: 2021-24)', data: 0.12, unit: 'share', source: 'MCS2026', min: 0.07, max: 0.17, model: (t) => year(t, 'us.importShare.BEL', 2024) },
  { id: 'us.importShare.THA 2024', description: 'Thailand share of US metal and oxide imports (data: 2021-24)', data: 0.08, unit: 'share', source: 'MCS2026', min: 0.04, max: 0.13, model: (t) => year(t, 'us.importShare.THA', 2024) },
  { id: 'us.importShare.IND 2024', description: 'India share of US metal and oxide imports (data: 2021-24)', data: 0.06, unit: 'share', source: 'MCS2026', min: 0.03, max: 0.11, model: (t) => year(t, 'us.importShare.IND', 2024) },
  { id: 'price.us 2024', description: 'US (Argus CIF) price, 2024 average', data: 22575, unit: 'USD/t', source: 'MCS2026', ...band(22575, 0.15), model: (t) => year(t, 'price.us', 2024) },
  { id: 'price.us 2025', description: 'US (Argus CIF) price, 2025 average', data: 55116, unit: 'USD/t', source: 'MCS2026', ...band(55116, 0.2), model: (t) => year(t, 'price.us', 2025) },
  { id: 'price.exChina 2024-12', description: 'Argus metal price, December 2024', data: 39904, unit: 'USD/t', source: 'MCS2026', ...band(39904, 0.25), model: (t) => month(t, 'price.exChina', '2024-12') },
  { id: 'price.exChina 2025-06', description: 'Argus metal price, June 2025 (peak)', data: 60627, unit: 'USD/t', source: 'MCS2026', ...band(60627, 0.25), model: (t) => month(t, 'price.exChina', '2025-06') },
  { id: 'price.exChina 2025-12', description: 'Rotterdam price, December 2025 (34,000-40,000)', data: 37000, unit: 'USD/t', source: 'FT_2025_12', ...band(37000, 0.3), model: (t) => month(t, 'price.exChina', '2025-12') },
  {
    id: 'price.exChina change Sep 2024-Jan 2025', description: 'European price change after controls took effect (order of magnitude: x0.4-x2.5)', data: 0.573, unit: 'change', source: 'Reuters_2025_01_20',
    min: 0.573 * 0.4, max: 0.573 * 2.5, model: (t) => month(t, 'price.exChina', '2025-01') / month(t, 'price.exChina', '2024-09') - 1,
  },
  {
    id: 'price.chinaDomestic change Sep 2024-Jan 2025', description: 'China domestic price change after controls took effect (direction: a fall of 3-30%)', data: -0.105, unit: 'change', source: 'Reuters_2025_01_20',
    min: -0.3, max: -0.03, model: (t) => month(t, 'price.chinaDomestic', '2025-01') / month(t, 'price.chinaDomestic', '2024-09') - 1,
  },
  {
    id: 'wedge mid-2025', description: 'Ex-China over China-domestic price, Jun-Jul 2025 (derived: 60,000 / 25,100; order of magnitude: 1.5-4.5)', data: 2.39, unit: 'ratio', source: 'SMM_2025_07_04',
    min: 1.5, max: 4.5, model: (t) => span(t, 'price.exChina', '2025-06', '2025-07') / span(t, 'price.chinaDomestic', '2025-06', '2025-07'),
  },
  {
    id: 'pk mine-gate share 2024', description: 'Pakistan mine-gate price over ex-China price (assumed range 0.25-0.45)', data: 0.35, unit: 'share', source: 'assumption',
    min: 0.25, max: 0.45, model: (t) => year(t, 'pk.mineGateRevenue', 2024) / year(t, 'world.mineProduction.PAK', 2024) / year(t, 'price.exChina', 2024),
  },
];

/** A target with the model's value and whether it is inside the band. */
export interface CalibrationRow {
  readonly target: CalibrationTarget;
  readonly value: number;
  readonly ok: boolean;
}

/** Runs the reference scenario (2024-2026) and compares it with every target. */
export function calibrationReport(world: World = antimonyWorld('mcs2026'), seed: string | number = 'calibration'): CalibrationRow[] {
  const months = 36;
  const run = runPolicyWorld({ world, interventions: CHINA_EXPORT_CONTROLS, months }, { seed });
  const table = foldOutcomes(world, run.events, months);
  return CALIBRATION_TARGETS.map((target) => {
    const value = target.model(table);
    return { target, value, ok: Number.isFinite(value) && value >= target.min && value <= target.max };
  });
}
