import { monthLabel, parseMonth, type MonthOrigin } from '../../time.ts';
import { RecordShape } from '../record-shape.ts';
import type { MonthContext } from './context.ts';
import type { FlowTally } from './flow-tally.ts';
import type { MarketResults } from './clearing.ts';

/** Days in an average month, for days-of-cover. */
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * True when the references list their keys sorted and every flow of the month has one:
 * then the keys to roll are the references' own, in their order. This step writes them
 * sorted and flows seldom bring a new key, so this is the usual case, and it needs no
 * key list (walking a record's keys allocates nothing; listing them does).
 */
function knownSortedKeys(reference: Readonly<Record<string, number>>, shipments: FlowTally): boolean {
  let known = 0;
  let last = '';
  let first = true;
  for (const key in reference) {
    if (!first && last > key) return false;
    first = false;
    last = key;
    if (shipments.has(key)) known++;
  }
  return known === shipments.size;
}

/** The keys of last month's references and this month's flows, sorted (when a flow is new or the references are unsorted). */
function mergedKeys(reference: Readonly<Record<string, number>>, shipments: FlowTally): string[] {
  const keys = Object.keys(reference);
  for (let i = 0; i < shipments.size; i++) {
    const key = shipments.keyAt(i);
    if (!Object.hasOwn(reference, key)) keys.push(key);
  }
  return keys.sort();
}

// The rolled references' keys and values, reused month to month: the keys are cut to
// this month's count (a record is built from exactly them); values past it are unread.
// They stay valid for `lastBuilt`, the record built from them: reading a record's number
// boxes it, so next month rolls from these when the state holds that record.
const keptKeys: string[] = [];
const keptValues: number[] = [];
let lastBuilt: Readonly<Record<string, number>> | undefined;

/** True when every flow of the month has a key among the first `n` of `keys`. */
function allKnown(keys: readonly string[], n: number, shipments: FlowTally): boolean {
  let known = 0;
  for (let i = 0; i < n; i++) if (shipments.has(keys[i] as string)) known++;
  return known === shipments.size;
}

/**
 * Rolls one key: its moving average from `prev` (undefined for a new flow) towards this
 * month's shipments, kept at entry `kept` when above 1e-6 t. Returns the new count of kept
 * entries. A module function, not a closure made each month: under tsx each such closure
 * was also given a name by a `__name` call, which cost more than the rolling.
 */
function roll(shipments: FlowTally, alpha: number, key: string, prev: number | undefined, kept: number): number {
  const x = shipments.get(key) ?? 0;
  const next = prev === undefined ? x : prev + alpha * (x - prev);
  if (!(next > 1e-6)) return kept;
  keptKeys[kept] = key;
  keptValues[kept] = next;
  return kept + 1;
}

/** Rolls the export references one month: each flow's moving average, kept while above 1e-6 t. */
function rollReferences(ctx: MonthContext): Readonly<Record<string, number>> {
  const reference = ctx.s.exportReference;
  const shipments = ctx.shipments;
  const alpha = 1 / Math.max(1, ctx.world.parameters.exportReferenceMonths);
  let kept = 0;
  const cached = reference === lastBuilt ? keptKeys.length : -1;
  if (cached >= 0 && allKnown(keptKeys, cached, shipments)) {
    // The record's keys, in its order, with its values; entry i is read before any write to it (kept <= i).
    for (let i = 0; i < cached; i++) kept = roll(shipments, alpha, keptKeys[i] as string, keptValues[i] as number, kept);
  } else if (knownSortedKeys(reference, shipments)) {
    for (const key in reference) kept = roll(shipments, alpha, key, reference[key], kept);
  } else {
    for (const key of mergedKeys(reference, shipments)) kept = roll(shipments, alpha, key, reference[key], kept);
  }
  if (keptKeys.length > kept) keptKeys.length = kept;
  lastBuilt = ctx.index.referenceShape.build(keptKeys, keptValues);
  return lastBuilt;
}

/** A world's indicator keys in code-unit order (its `price.` keys, then the US keys), and the market each price key reads. */
interface IndicatorKeys {
  readonly priceIndicators: readonly string[];
  readonly keys: readonly string[];
  readonly markets: readonly string[];
}

/** The US indicators' keys, which sort after every `price.` key. */
const US_KEYS = ['us.chinaLinkedShare', 'us.daysOfCover', 'us.shortfall'] as const;

let indicatorKeys: IndicatorKeys | undefined;

/** The sorted indicator keys for `priceIndicators` (kept while the world's list stays the same). */
function indicatorKeysOf(world: MonthContext['world'], priceIndicators: readonly string[]): IndicatorKeys {
  if (indicatorKeys !== undefined && indicatorKeys.priceIndicators === priceIndicators) return indicatorKeys;
  // The last market of each key wins, as when the record was written in market order.
  const marketOfKey = new Map<string, string>();
  world.markets.forEach((mk, i) => marketOfKey.set(priceIndicators[i] as string, mk.id));
  const sorted = [...marketOfKey.keys()].sort();
  indicatorKeys = { priceIndicators, keys: [...sorted, ...US_KEYS], markets: sorted.map((k) => marketOfKey.get(k) as string) };
  return indicatorKeys;
}

// Reused month to month; each build reads only the entries its keys cover.
const indicatorShape = new RecordShape();
const indicatorValues: number[] = [];
let origin: { readonly start: string; readonly month: MonthOrigin } | undefined;

/** The last market with `id`, as a Map filled in market order would give, or -1. */
function lastMarket(world: MonthContext['world'], id: string): number {
  for (let i = world.markets.length - 1; i >= 0; i--) if (world.markets[i]?.id === id) return i;
  return -1;
}

/**
 * Closes the month: computes the indicators adaptive rules watch (prices, US cover,
 * shortfall, China-linked share) and rolls the export references (moving averages of
 * each flow, which export controls scale).
 */
export function closeMonth(ctx: MonthContext, results: MarketResults, usInflow: Map<string, number>): void {
  const { world, s, m } = ctx;
  const us = lastMarket(world, 'us');
  const usConsumed = us < 0 ? 0 : (results.consumed[us] as number);
  const cover = (Math.max(0, s.marketStock['us'] ?? 0) + Math.max(0, s.stockpiles['USA']?.tonnes ?? 0)) / Math.max(usConsumed / DAYS_PER_MONTH, 1e-9);
  let total = 0;
  for (const v of usInflow.values()) total += v;
  // The record lists its keys sorted (the log hash's fast path): prices, then the US keys.
  const keys = indicatorKeysOf(world, ctx.index.priceIndicators);
  const prices = keys.markets.length;
  for (let i = 0; i < prices; i++) indicatorValues[i] = s.prices[keys.markets[i] as string] ?? 0;
  indicatorValues[prices] = total > 0 ? (usInflow.get('CHN') ?? 0) / total : 0;
  indicatorValues[prices + 1] = Math.min(cover, 36500);
  indicatorValues[prices + 2] = (us < 0 ? 0 : (results.shortfall[us] as number)) * 12;
  const indicators = indicatorShape.build(keys.keys, indicatorValues);
  const reference = rollReferences(ctx);
  if (origin === undefined || origin.start !== world.start) origin = { start: world.start, month: parseMonth(world.start) };
  ctx.emit({ type: 'MonthCleared', data: { exportReference: reference, indicators, label: monthLabel(m, origin.month), month: m } });
}
