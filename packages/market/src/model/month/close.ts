import { monthLabel, parseMonth } from '../../time.ts';
import type { MonthContext } from './context.ts';
import type { MarketResults } from './clearing.ts';

/** Days in an average month, for days-of-cover. */
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Closes the month: computes the indicators adaptive rules watch (prices, US cover,
 * shortfall, China-linked share) and rolls the export references (moving averages of
 * each flow, which export controls scale).
 */
export function closeMonth(ctx: MonthContext, results: MarketResults, usInflow: Map<string, number>): void {
  const { world, s, m } = ctx;
  const indicators: Record<string, number> = {};
  for (const mk of world.markets) indicators[`price.${mk.id}`] = s.prices[mk.id] ?? 0;
  const usConsumed = results.consumed.get('us') ?? 0;
  const cover = (Math.max(0, s.marketStock['us'] ?? 0) + Math.max(0, s.stockpiles['USA']?.tonnes ?? 0)) / Math.max(usConsumed / DAYS_PER_MONTH, 1e-9);
  indicators['us.daysOfCover'] = Math.min(cover, 36500);
  indicators['us.shortfall'] = (results.shortfall.get('us') ?? 0) * 12;
  let total = 0;
  for (const v of usInflow.values()) total += v;
  indicators['us.chinaLinkedShare'] = total > 0 ? (usInflow.get('CHN') ?? 0) / total : 0;
  const alpha = 1 / Math.max(1, world.parameters.exportReferenceMonths);
  const reference: Record<string, number> = {};
  const keys = new Set([...Object.keys(s.exportReference), ...ctx.shipments.keys()]);
  for (const key of [...keys].sort()) {
    const x = ctx.shipments.get(key) ?? 0;
    const prev = s.exportReference[key];
    const next = prev === undefined ? x : prev + alpha * (x - prev);
    if (next > 1e-6) reference[key] = next;
  }
  ctx.emit({ type: 'MonthCleared', data: { month: m, label: monthLabel(m, parseMonth(world.start)), indicators, exportReference: reference } });
}
