import type { World } from '../world/types.ts';
import type { OutcomeSeries } from './fold.ts';
import type { MonthlySums } from './monthly-sums.ts';

const DAYS_PER_MONTH = 365.25 / 12;

/** Herfindahl-Hirschman index of non-negative quantities: sum of (100 x share)^2, 0 when all are 0. */
export function hhi(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += Math.max(0, v);
  if (total <= 0) return 0;
  let h = 0;
  for (const v of values) {
    const share = (100 * Math.max(0, v)) / total;
    h += share * share;
  }
  return Math.min(10000, h);
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const safeDiv = (a: number, b: number): number => (b > 0 && Number.isFinite(a) ? a / b : 0);

/** `hhi` over the first `k` values of a reused buffer: the same sums in the same order, no array per month. */
function hhiOfBuffer(values: Float64Array, k: number): number {
  let total = 0;
  for (let i = 0; i < k; i++) total += Math.max(0, values[i] as number);
  if (total <= 0) return 0;
  let h = 0;
  for (let i = 0; i < k; i++) {
    const share = (100 * Math.max(0, values[i] as number)) / total;
    h += share * share;
  }
  return Math.min(10000, h);
}

/**
 * Builds every outcome series from the fold's monthly sums (see catalogue.ts for the formulas).
 * Outcomes `monthlyFor` rejects get an empty `monthly`: a caller that reports only yearly
 * values skips most of the work and allocation here; yearly values are the same either way.
 */
export function deriveOutcomes(
  world: World,
  s: MonthlySums,
  yearOf: readonly number[],
  years: readonly number[],
  monthlyFor: (id: string) => boolean = () => true,
): Record<string, OutcomeSeries> {
  const n = s.n;
  const out: Record<string, OutcomeSeries> = {};
  // Months of each year in ascending order, found in one pass; every yearly value sums
  // them in that order, as the per-year filter did.
  const yearIndex = new Map<number, number>();
  years.forEach((y, i) => yearIndex.set(y, i));
  const monthsOfYear: number[][] = years.map(() => []);
  for (let m = 0; m < yearOf.length; m++) {
    const i = yearIndex.get(yearOf[m] as number);
    if (i !== undefined) (monthsOfYear[i] as number[]).push(m);
  }
  const ny = monthsOfYear.length;
  const sumOf = (a: ArrayLike<number>, months: readonly number[]): number => {
    let acc = 0;
    for (let i = 0; i < months.length; i++) acc += a[months[i] as number] ?? 0;
    return acc;
  };
  const yearSums = (a: ArrayLike<number>): number[] => {
    const values: number[] = [];
    for (let y = 0; y < ny; y++) values.push(sumOf(a, monthsOfYear[y] as number[]));
    return values;
  };
  // Plain loops: Array.from over typed arrays and length objects went through iterators.
  const copy = (a: ArrayLike<number>): number[] => {
    const values: number[] = [];
    for (let i = 0; i < a.length; i++) values.push(a[i] as number);
    return values;
  };
  const put = (id: string, unit: string, monthly: number[], yearly: number[]): void => {
    out[id] = { id, unit, monthly, yearly };
  };
  const sum = (id: string, unit: string, a: ArrayLike<number>): void => put(id, unit, monthlyFor(id) ? copy(a) : [], yearSums(a));
  const mean = (id: string, unit: string, a: ArrayLike<number>): void => {
    const yearly: number[] = [];
    for (let y = 0; y < ny; y++) {
      const ms = monthsOfYear[y] as number[];
      yearly.push(ms.length > 0 ? sumOf(a, ms) / ms.length : 0);
    }
    put(id, unit, monthlyFor(id) ? copy(a) : [], yearly);
  };
  const end = (id: string, unit: string, a: ArrayLike<number>): void => {
    const yearly: number[] = [];
    for (let y = 0; y < ny; y++) {
      const ms = monthsOfYear[y] as number[];
      yearly.push(a[ms[ms.length - 1] ?? 0] ?? 0);
    }
    put(id, unit, monthlyFor(id) ? copy(a) : [], yearly);
  };
  const ratio = (id: string, unit: string, num: ArrayLike<number>, den: ArrayLike<number>, clamp = false, offset = 0): void => {
    const monthly: number[] = [];
    for (let m = monthlyFor(id) ? 0 : n; m < n; m++) {
      const d = den[m] ?? 0;
      if (d > 0) {
        const x = safeDiv(num[m] ?? 0, d) + offset;
        monthly.push(clamp ? clamp01(x) : x);
      } else monthly.push(0);
    }
    const yearly: number[] = [];
    for (let y = 0; y < ny; y++) {
      const ms = monthsOfYear[y] as number[];
      const d = sumOf(den, ms);
      if (d > 0) {
        const x = safeDiv(sumOf(num, ms), d) + offset;
        yearly.push(clamp ? clamp01(x) : x);
      } else yearly.push(0);
    }
    put(id, unit, monthly, yearly);
  };
  const hhiOf = (id: string, keys: string[]): void => {
    const arrays = keys.map((k) => s.get(k));
    const k = arrays.length;
    const buffer = new Float64Array(k);
    const monthly: number[] = [];
    for (let m = monthlyFor(id) ? 0 : n; m < n; m++) {
      for (let i = 0; i < k; i++) buffer[i] = (arrays[i] as Float64Array)[m] ?? 0;
      monthly.push(hhiOfBuffer(buffer, k));
    }
    const yearly: number[] = [];
    for (let y = 0; y < ny; y++) {
      const ms = monthsOfYear[y] as number[];
      for (let i = 0; i < k; i++) buffer[i] = sumOf(arrays[i] as Float64Array, ms);
      yearly.push(hhiOfBuffer(buffer, k));
    }
    put(id, '0-10000', monthly, yearly);
  };
  const combine = (f: (m: number) => number): Float64Array => {
    const values = new Float64Array(n);
    for (let m = 0; m < n; m++) values[m] = f(m);
    return values;
  };
  const p = world.parameters;
  const pak = world.countries.find((c) => c.iso3 === 'PAK');

  // Prices.
  for (const mk of world.markets) mean(`price.${mk.id}`, 'USD/t Sb', s.get(`price.${mk.id}`));

  // Pakistan.
  const exportUsd = s.get('pk.exportUsd');
  const exportT = s.get('pk.exportT');
  sum('pk.exportEarnings', 'USD/yr', exportUsd);
  for (const form of ['ore', 'concentrate', 'metal', 'oxide']) sum(`pk.exportEarnings.${form}`, 'USD/yr', s.get(`pk.exportUsd.form.${form}`));
  for (const k of s.keys('pk.exportUsd.to.')) sum(`pk.exportEarnings.to.${k.slice('pk.exportUsd.to.'.length)}`, 'USD/yr', s.get(k));
  sum('pk.exportVolume', 't Sb/yr', exportT);
  for (const k of s.keys('pk.exportT.to.')) sum(`pk.exportVolume.${k.slice('pk.exportT.to.'.length)}`, 't Sb/yr', s.get(k));
  const mineGate = s.get('pk.mineGate');
  sum('pk.mineGateRevenue', 'USD/yr', mineGate);
  const opex = s.get('pk.opex');
  const informalUsd = s.get('pk.informalUsd');
  const importedFeedUsd = s.get('pk.importedFeedUsd');
  const dva = combine((m) => (exportUsd[m] ?? 0) - (importedFeedUsd[m] ?? 0) - p.importedInputShare * (opex[m] ?? 0) - (informalUsd[m] ?? 0));
  sum('pk.domesticValueAdded', 'USD/yr', dva);
  const feed = s.get('pk.feed');
  const informal = s.get('pk.informal');
  const exPrice = s.get('price.exChina');
  const importedFeedT = s.get('pk.importedFeedT');
  ratio('pk.valueAddedCapture', '0-1', dva, combine((m) => ((feed[m] ?? 0) + (informal[m] ?? 0) + (importedFeedT[m] ?? 0)) * (exPrice[m] ?? 0)), true);
  ratio('pk.exportUnitValue', 'USD/t Sb', exportUsd, exportT);
  const chPrice = s.get('price.chinaDomestic');
  ratio('pk.beneficiationUplift', 'ratio', exportUsd, combine((m) => (exportT[m] ?? 0) * p.payableOre * (chPrice[m] ?? 0)), false, -1);
  const feedValue = s.get('pk.feedValue');
  const take = combine((m) => {
    const margin = (exportUsd[m] ?? 0) - (feedValue[m] ?? 0) - (informalUsd[m] ?? 0) - (importedFeedUsd[m] ?? 0) - (opex[m] ?? 0);
    return (pak?.royaltyRate ?? 0) * (mineGate[m] ?? 0) + (pak?.corporateTaxRate ?? 0) * Math.max(0, margin);
  });
  sum('pk.governmentTake', 'USD/yr', take);
  ratio('pk.certifiedShare', '0-1', s.get('pk.certifiedT'), exportT, true);
  sum('pk.informalInflow', 't Sb/yr', s.get('pk.informalT'));

  // United States.
  const consumption = s.get('us.consumption');
  const imports = s.get('us.imports');
  const usProduction = s.get('us.production');
  const usSecondary = s.get('us.secondary');
  const production = combine((m) => (usProduction[m] ?? 0) + (usSecondary[m] ?? 0));
  const stockpileDelta = s.get('us.stockpileDelta');
  const apparent = combine((m) => (consumption[m] ?? 0) + (stockpileDelta[m] ?? 0));
  sum('us.consumption', 't Sb/yr', consumption);
  sum('us.imports', 't Sb/yr', imports);
  ratio('us.netImportReliance', '0-1', combine((m) => (apparent[m] ?? 0) - (production[m] ?? 0)), apparent, true);
  hhiOf('us.importHhi', s.keys('us.importsFrom.'));
  for (const k of s.keys('us.importsFrom.')) ratio(`us.importShare.${k.slice('us.importsFrom.'.length)}`, '0-1', s.get(k), imports, true);
  ratio('us.chinaLinkedShare', '0-1', s.get('us.importsFrom.CHN'), combine((m) => (imports[m] ?? 0) + (production[m] ?? 0)), true);
  ratio('us.exportRestrictionExposure', '0-1', s.get('us.importsRestricted'), imports, true);
  sum('us.shortfall', 't Sb/yr', s.get('us.shortfall'));
  ratio('us.shortfallShare', '0-1', s.get('us.shortfall'), s.get('us.demand'), true);
  sum('us.defenseShortfall', 't Sb/yr', s.get('us.defenseShortfall'));
  const initial = world.stockpiles.find((x) => x.country === 'USA')?.tonnes ?? 0;
  let held = initial;
  const stockpile = combine((m) => (held += stockpileDelta[m] ?? 0));
  const stock = s.get('us.stock');
  end('us.stockpile', 't Sb', stockpile);
  end(
    'us.daysOfCover',
    'days',
    combine((m) => Math.min(36500, safeDiv((stock[m] ?? 0) + (stockpile[m] ?? 0), (consumption[m] ?? 0) / DAYS_PER_MONTH))),
  );
  ratio('us.pricePaid', 'USD/t Sb', s.get('us.paidUsd'), s.get('us.paidT'));

  // World.
  const mineCountries = [...new Set([...world.mines.map((m) => m.country), ...s.keys('mine.').map((k) => k.slice(5))])].sort();
  const refineCountries = [...new Set([...world.plants.filter((x) => x.stage === 'smelter' || x.stage === 'roaster').map((x) => x.country), ...s.keys('refined.').map((k) => k.slice(8))])].sort();
  const totalOf = (series: readonly Float64Array[]): Float64Array =>
    combine((m) => {
      let total = 0;
      for (const a of series) total += a[m] ?? 0;
      return total;
    });
  const mineTotal = totalOf(mineCountries.map((c) => s.get(`mine.${c}`)));
  const refTotal = totalOf(refineCountries.map((c) => s.get(`refined.${c}`)));
  sum('world.mineProduction', 't Sb/yr', mineTotal);
  for (const c of mineCountries) sum(`world.mineProduction.${c}`, 't Sb/yr', s.get(`mine.${c}`));
  sum('world.refiningProduction', 't Sb/yr', refTotal);
  for (const c of refineCountries) sum(`world.refiningProduction.${c}`, 't Sb/yr', s.get(`refined.${c}`));
  hhiOf('world.mineHhi', mineCountries.map((c) => `mine.${c}`));
  hhiOf('world.refiningHhi', refineCountries.map((c) => `refined.${c}`));
  ratio('world.chinaRefiningShare', '0-1', s.get('refined.CHN'), refTotal, true);
  return out;
}
