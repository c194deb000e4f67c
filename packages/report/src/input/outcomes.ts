import type { OutcomeInfo } from './types.ts';

/** Outcomes drawn as fan charts, one chart per outcome with a panel per scenario. */
export const FAN_OUTCOMES: readonly string[] = [
  'pk.exportEarnings',
  'pk.mineGateRevenue',
  'pk.valueAddedCapture',
  'us.netImportReliance',
  'us.importHhi',
  'us.chinaLinkedShare',
  'us.shortfall',
  'us.defenseShortfall',
  'us.daysOfCover',
];

/** Outcomes compared policy against baseline: Pakistan's earnings and US supply security. */
export const COMPARISON_OUTCOMES: readonly string[] = FAN_OUTCOMES;

/** Price outcomes, one panel per market. */
export const PRICE_OUTCOMES: readonly { readonly id: string; readonly market: string }[] = [
  { id: 'price.chinaDomestic', market: 'China domestic' },
  { id: 'price.exChina', market: 'Ex-China (Rotterdam)' },
  { id: 'price.us', market: 'US delivered' },
];

/**
 * The definition of an outcome id: exact match first, then a family whose `<...>` part
 * stands for one dot-free segment (`world.mineProduction.<ISO3>` for `...PAK`).
 */
export function outcomeInfo(outcomes: ReadonlyMap<string, OutcomeInfo>, id: string): OutcomeInfo | undefined {
  const exact = outcomes.get(id);
  if (exact !== undefined) return exact;
  for (const o of outcomes.values()) {
    const i = o.id.indexOf('<');
    if (i > 0 && id.startsWith(o.id.slice(0, i)) && !id.slice(i).includes('.') && id.length > i) return o;
  }
  return undefined;
}

/** Order of outcome ids in tables: catalogue order where known, then code-point order. */
export function orderOutcomes(ids: Iterable<string>, outcomes: ReadonlyMap<string, OutcomeInfo>): string[] {
  const rank = new Map<string, number>();
  let i = 0;
  for (const id of outcomes.keys()) rank.set(id, i++);
  const key = (id: string): number => {
    const o = outcomeInfo(outcomes, id);
    return o === undefined ? Number.MAX_SAFE_INTEGER : (rank.get(o.id) ?? Number.MAX_SAFE_INTEGER);
  };
  return [...ids].sort((a, b) => key(a) - key(b) || (a < b ? -1 : a > b ? 1 : 0));
}
