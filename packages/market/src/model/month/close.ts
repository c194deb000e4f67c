import { monthLabel, parseMonth } from '../../time.ts';
import { sortedRecord } from '../sorted.ts';
import type { MonthContext } from './context.ts';
import type { MarketResults } from './clearing.ts';

/** Days in an average month, for days-of-cover. */
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * The keys of last month's references and this month's flows, sorted. The references
 * list theirs sorted (this step writes them so); flows seldom bring a new key, so the
 * usual case is a count, not a search.
 */
function referenceKeys(reference: Readonly<Record<string, number>>, shipments: ReadonlyMap<string, number>): string[] {
  const keys = Object.keys(reference);
  let known = 0;
  for (const key of keys) if (shipments.has(key)) known++;
  if (known === shipments.size) return keys.sort();
  for (const key of shipments.keys()) if (!Object.hasOwn(reference, key)) keys.push(key);
  return keys.sort();
}

/**
 * Closes the month: computes the indicators adaptive rules watch (prices, US cover,
 * shortfall, China-linked share) and rolls the export references (moving averages of
 * each flow, which export controls scale).
 */
export function closeMonth(ctx: MonthContext, results: MarketResults, usInflow: Map<string, number>): void {
  const { world, s, m } = ctx;
  const indicators: Record<string, number> = {};
  world.markets.forEach((mk, i) => (indicators[ctx.index.priceIndicators[i] as string] = s.prices[mk.id] ?? 0));
  const usConsumed = results.consumed.get('us') ?? 0;
  const cover = (Math.max(0, s.marketStock['us'] ?? 0) + Math.max(0, s.stockpiles['USA']?.tonnes ?? 0)) / Math.max(usConsumed / DAYS_PER_MONTH, 1e-9);
  indicators['us.daysOfCover'] = Math.min(cover, 36500);
  indicators['us.shortfall'] = (results.shortfall.get('us') ?? 0) * 12;
  let total = 0;
  for (const v of usInflow.values()) total += v;
  indicators['us.chinaLinkedShare'] = total > 0 ? (usInflow.get('CHN') ?? 0) / total : 0;
  const alpha = 1 / Math.max(1, world.parameters.exportReferenceMonths);
  const kept: string[] = [];
  const values: number[] = [];
  for (const key of referenceKeys(s.exportReference, ctx.shipments)) {
    const x = ctx.shipments.get(key) ?? 0;
    const prev = s.exportReference[key];
    const next = prev === undefined ? x : prev + alpha * (x - prev);
    if (next > 1e-6) {
      kept.push(key);
      values.push(next);
    }
  }
  const reference = ctx.index.referenceShape.build(kept, values);
  ctx.emit({ type: 'MonthCleared', data: { exportReference: reference, indicators: sortedRecord(indicators), label: monthLabel(m, parseMonth(world.start)), month: m } });
}
