import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The markup a hostile scenario name and description carry; the report must show it as text. */
export const EVIL_NAME = 'evil<script>alert(1)</script>';
export const EVIL_DESCRIPTION = 'Terminal <img src=x onerror=alert(1)> & "quotes" <script>alert(2)</script>';

/** Options of {@link writeFixture}. */
export interface FixtureOptions {
  /** Number of scenarios (the first is the baseline, the last the hostile one); default 3. */
  readonly scenarios?: number;
  /** Extra world.mineProduction.* outcomes on top of the key ones; default 4. */
  readonly extraOutcomes?: number;
  /** First simulated year and number of years; default 2025 and 12. */
  readonly startYear?: number;
  readonly years?: number;
  /** Files to leave out, to test graceful degradation. */
  readonly omit?: readonly ('manifest' | 'comparison' | 'outcomes' | 'assumptions' | 'flows')[];
}

const KEY = [
  ['pk.exportEarnings', 'USD/yr', 9e6, 0.12],
  ['pk.mineGateRevenue', 'USD/yr', 2.5e6, 0.05],
  ['pk.valueAddedCapture', '0-1', 0.18, 0.03],
  ['us.netImportReliance', '0-1', 0.84, -0.01],
  ['us.importHhi', '0-10000', 3100, -0.02],
  ['us.chinaLinkedShare', '0-1', 0.42, -0.03],
  ['us.shortfall', 't Sb/yr', 1800, -0.04],
  ['us.defenseShortfall', 't Sb/yr', 120, -0.05],
  ['us.daysOfCover', 'days', 45, 0.02],
  ['price.chinaDomestic', 'USD/t Sb', 21000, 0.01],
  ['price.exChina', 'USD/t Sb', 52000, -0.04],
  ['price.us', 'USD/t Sb', 58000, -0.04],
] as const;

const FLOWS: readonly [string, number][] = [
  ['flow.mine.PAK.CHN', 220],
  ['flow.mine.PAK.PAK', 40],
  ['flow.mine.CHN.CHN', 40000],
  ['flow.mine.RUS.CHN', 15000],
  ['flow.mine.TJK.CHN', 12000],
  ['flow.mine.BOL.USA', 900],
  ['flow.refined.CHN.USA', 6000],
  ['flow.refined.CHN.CHN', 55000],
  ['flow.refined.PAK.USA', 30],
  ['flow.refined.USA.USA', 900],
];

/** A small deterministic generator (LCG), so fixtures are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function scenarioNames(n: number): string[] {
  const pool = ['baseline', 'pk-refinery', 'pk-terminal', 'sea-disruption', 'china-ban', 'us-stockpile', 'pk-certification'];
  const names = pool.slice(0, Math.max(1, n - 1));
  while (names.length < n - 1) names.push(`policy-${names.length}`);
  return n >= 2 ? [...names, EVIL_NAME] : names;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes a small but realistic results folder (manifest, summary, comparison, outcome
 * definitions, assumptions with sources) into a new temporary directory and returns it.
 * The last scenario's name and description carry markup.
 */
export function writeFixture(options: FixtureOptions = {}, dir = mkdtempSync(join(tmpdir(), 'stibium-report-'))): string {
  mkdirSync(dir, { recursive: true });
  const omit = new Set(options.omit ?? []);
  const names = scenarioNames(options.scenarios ?? 3);
  const start = options.startYear ?? 2025;
  const years = Array.from({ length: options.years ?? 12 }, (_, i) => start + i);
  const extra = Array.from({ length: options.extraOutcomes ?? 4 }, (_, i) => [`world.mineProduction.${['CHN', 'RUS', 'TJK', 'PAK', 'BOL', 'MMR', 'TUR', 'AUS'][i % 8]}${i >= 8 ? i : ''}`, 't Sb/yr', 1000 * (i + 1), 0.01] as const);
  const outcomes = [...KEY, ...extra];
  const rand = lcg(424242);
  const level = (name: string, id: string, base: number, trend: number, year: number): number => {
    const k = names.indexOf(name);
    const uplift = id.startsWith('pk.') ? 1 + 0.25 * k : id.startsWith('us.') ? 1 - 0.05 * k : 1 + 0.02 * k;
    return base * uplift * Math.pow(1 + trend, year - start);
  };
  const summary: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const name of names) {
    const byOutcome: Record<string, Record<string, unknown>> = (summary[name] = {});
    for (const [id, unit, base, trend] of outcomes) {
      const periods: Record<string, unknown> = (byOutcome[id] = {});
      for (const year of years) {
        const m = level(name, id, base, trend, year);
        const spread = 0.08 + 0.02 * (year - start) + 0.02 * rand();
        const cap = (v: number): number => (unit === '0-1' ? Math.min(1, Math.max(0, v)) : v);
        periods[String(year)] = { mean: cap(m), sd: m * spread / 2, p5: cap(m * (1 - spread)), p50: cap(m * (1 - 0.01 * rand())), p95: cap(m * (1 + spread)), n: 50 };
      }
      if (id === 'price.us') periods[`${start}-01`] = { mean: base, sd: 1, p5: base, p50: base, p95: base, n: 50 };
    }
    if (!omit.has('flows')) {
      for (const [id, tonnes] of FLOWS) {
        const periods: Record<string, unknown> = (byOutcome[id] = {});
        for (const year of years) {
          const t = tonnes * (id.includes('PAK') ? 1 + 0.3 * names.indexOf(name) : 1) * (1 + 0.01 * (year - start));
          periods[String(year)] = { mean: t, sd: t * 0.1, p5: t * 0.85, p50: t, p95: t * 1.15, n: 50 };
        }
      }
    }
  }
  writeFileSync(join(dir, 'summary.json'), json(summary));

  const baseline = names[0] as string;
  if (!omit.has('comparison') && names.length > 1) {
    const differences: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const name of names.slice(1)) {
      const byOutcome: Record<string, Record<string, unknown>> = (differences[name] = {});
      for (const [id, , base, trend] of outcomes) {
        const periods: Record<string, unknown> = (byOutcome[id] = {});
        for (const year of years) {
          const b = level(baseline, id, base, trend, year);
          const p = level(name, id, base, trend, year);
          const half = Math.abs(p - b) * 0.4 + Math.abs(b) * 0.01;
          periods[String(year)] = { n: 50, meanDifference: p - b, sd: half, ciLow: p - b - half, ciHigh: p - b + half, baselineMean: b, policyMean: p };
        }
      }
    }
    writeFileSync(join(dir, 'comparison.json'), json({ baseline, confidence: 0.95, method: 'paired by run on common random numbers', differences }));
  }

  if (!omit.has('outcomes')) {
    const defs = [
      ...KEY.map(([id, unit]) => ({ id, unit, description: `Definition of ${id}`, formula: `formula of ${id}`, yearly: 'sum' })),
      { id: 'world.mineProduction.<ISO3>', unit: 't Sb/yr', description: 'Mine production by country', formula: 'sum of MineProduced.tonnes', yearly: 'sum' },
      { id: 'flow.<stage>.<from>.<to>', unit: 't Sb/yr', description: 'Flow between countries', formula: 'sum of shipped tonnes', yearly: 'sum' },
    ];
    writeFileSync(join(dir, 'outcomes.json'), json({ outcomes: defs }));
  }
  if (!omit.has('assumptions')) {
    writeFileSync(
      join(dir, 'assumptions.json'),
      json({
        sources: {
          MCS2026: { title: 'USGS Mineral Commodity Summaries 2026: Antimony', url: 'https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-antimony.pdf', via: 'direct' },
          BAD: { title: 'A source with a bad <b>url</b>', url: 'javascript:alert(3)' },
        },
        assumptions: [
          { id: 'vintages.mcs2026.mineProductionTonnes.PAK', value: 260, unit: 't Sb/yr', description: 'Pakistan mine production', src: 'MCS2026' },
          { id: 'markets.chinaDomestic.priceFlexibility', value: 0.35, description: 'Price response to stock gap', src: 'assumption', note: 'calibrated' },
          { id: 'plants.bad.note', value: '<script>alert(4)</script>', description: 'hostile value', src: 'BAD' },
        ],
      }),
    );
  }
  if (!omit.has('manifest')) {
    const scenarios = names.map((name, i) => ({
      id: name,
      name,
      variant: null,
      vintage: 'mcs2026',
      files: [{ path: `scenarios/${name}.yaml`, sha256: `${String(i).repeat(64)}`.slice(0, 64), bytes: 1200 + i }],
      resolved: {
        name,
        description: name === EVIL_NAME ? EVIL_DESCRIPTION : `Scenario ${name}: what happens when ${name.replace('-', ' ')}.`,
        horizon: { start: `${start}-01`, end: `${start + years.length - 1}-12` },
        vintage: 'mcs2026',
        parameters: { royaltyRate: 0.05 },
        overrides: i === 0 ? {} : { 'plants.pk-roaster.capacityTonnesPerYear': 2000 * i },
        uncertainties: { chinaQuota: { type: 'triangular', min: 0.5, mode: 0.8, max: 1, unit: 'share', description: 'Share of exports China licenses' } },
        levers: { terminal: { value: i % 2 === 1, description: 'Open the Gwadar terminal' } },
        events: i === 0 ? [] : [{ type: 'buildFacility', at: `${start + 1}-06`, capacity: 2000 }],
      },
    }));
    const runs = Array.from({ length: 50 }, (_, r) => ({ run: r, seed: `seed-${r}`, logHashes: Object.fromEntries(names.map((n) => [n, 'ab'.repeat(32)])) }));
    writeFileSync(
      join(dir, 'manifest.json'),
      json({
        format: 'stibium-results',
        formatVersion: 1,
        engine: { version: '0.1.0', gitCommit: '0123456789abcdef0123456789abcdef01234567', node: 'v20.20.2' },
        experiment: { seed: 'fixture', runs: 50, runRange: { from: 0, to: 50 }, runSeedRule: 'sha256(seed, run)', baseline: names.length > 1 ? baseline : null, keepLogs: false },
        dataVintages: ['mcs2026'],
        scenarios,
        runs,
        files: { 'summary.json': { bytes: 1, sha256: 'c'.repeat(64) }, 'runs.csv': { bytes: 2, sha256: 'd'.repeat(64) } },
      }),
    );
  }
  return dir;
}
