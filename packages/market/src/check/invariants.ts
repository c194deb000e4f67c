import type { RecordedEvent } from '@stibium/core';
import { evolveWorld } from '../model/evolve.ts';
import type { WorldEvent } from '../model/events.ts';
import { initialWorldState } from '../model/initial.ts';
import type { WorldState } from '../model/state.ts';
import type { OutcomeTable } from '../outcomes/fold.ts';
import type { World } from '../world/types.ts';

/** Path of the first value in `x` that JSON cannot carry faithfully (NaN, Infinity, undefined, non-plain objects), or ''. */
function notJsonSafe(x: unknown, path = ''): string {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return '';
  if (typeof x === 'number') return Number.isFinite(x) ? '' : path || '(root)';
  if (Array.isArray(x)) {
    for (let i = 0; i < x.length; i++) {
      const bad = notJsonSafe(x[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return '';
  }
  const proto: unknown = typeof x === 'object' ? Object.getPrototypeOf(x) : undefined;
  if (typeof x === 'object' && (proto === Object.prototype || proto === null)) {
    for (const [k, v] of Object.entries(x)) {
      const bad = notJsonSafe(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return '';
  }
  return path || '(root)';
}

const close = (a: number, b: number, tol = 1e-6): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Checks DESIGN.md's invariants on one run's log and final state, and returns the
 * violations (empty = fine), for property tests and CI: JSON-safe event data,
 * mass balance per stage and country, non-negative stocks, positive finite prices, money
 * conservation, shares in [0,1], HHI in [0,10000], and replay equality.
 */
export function worldInvariantViolations(world: World, events: readonly RecordedEvent<WorldEvent>[], finalState: WorldState, outcomes?: OutcomeTable): string[] {
  const bad: string[] = [];
  const initial = initialWorldState(world);
  const bal: Record<string, number> = {};
  const add = (k: string, v: number): void => {
    bal[k] = (bal[k] ?? 0) + v;
  };
  for (const [m, v] of Object.entries(initial.marketStock)) add(`market/${m}`, v);
  for (const recorded of events) {
    const e = { seq: recorded.seq, type: recorded.type, data: recorded.data } as WorldEvent & { seq: number };
    const unsafe = notJsonSafe(e.data);
    if (unsafe) bad.push(`${e.type} #${e.seq} is not JSON-safe at ${unsafe}`);
    const settlement = (e.data as { settlement?: { buyerUsd: number; sellerUsd: number; freightUsd: number; tariffUsd: number } }).settlement;
    if (settlement) {
      const { buyerUsd, sellerUsd, freightUsd, tariffUsd } = settlement;
      if (![buyerUsd, sellerUsd, freightUsd, tariffUsd].every(Number.isFinite)) bad.push(`non-finite money in ${e.type} #${e.seq}`);
      if (!close(buyerUsd, sellerUsd + freightUsd + tariffUsd)) bad.push(`money not conserved in ${e.type} #${e.seq}`);
    }
    switch (e.type) {
      case 'MineProduced':
      case 'InformalInflow':
        add(`${e.data.form}/${e.data.country}`, e.data.tonnes);
        if (e.data.tonnes < 0) bad.push(`negative production #${e.seq}`);
        break;
      case 'Processed': {
        const p = e.data;
        add(`ore/${p.country}`, -p.oreIn);
        add(`concentrate/${p.country}`, p.concentrateOut - p.concentrateIn);
        add(`metal/${p.country}`, p.metalOut - p.metalIn);
        add(`oxide/${p.country}`, p.oxideOut);
        const input = p.oreIn + p.concentrateIn + p.metalIn;
        const output = p.concentrateOut + p.metalOut + p.oxideOut + p.lossTonnes;
        if (!close(input, output, 1e-9)) bad.push(`processing mass balance broken in ${p.country}/${p.stage} month ${p.month}`);
        if (p.lossTonnes < -1e-9) bad.push(`negative loss #${e.seq}`);
        break;
      }
      case 'FeedShipped':
        add(`${e.data.form}/${e.data.from}`, -e.data.tonnes);
        add(`${e.data.form}/${e.data.to}`, e.data.tonnes);
        if (e.data.tonnes < 0) bad.push(`negative shipment #${e.seq}`);
        break;
      case 'Shipped':
        add(`metal/${e.data.from}`, -e.data.metal);
        add(`oxide/${e.data.from}`, -e.data.oxide);
        add(`market/${e.data.market}`, e.data.metal + e.data.oxide);
        if (e.data.metal < 0 || e.data.oxide < 0) bad.push(`negative shipment #${e.seq}`);
        break;
      case 'SecondarySupplied':
        add(`market/${e.data.market}`, e.data.tonnes);
        break;
      case 'MarketPurchased':
        add(`market/${e.data.market}`, -e.data.tonnes);
        add(`metal/${e.data.country}`, e.data.tonnes);
        break;
      case 'StockpileChanged':
        add(`market/${e.data.market}`, -e.data.tonnes);
        break;
      case 'MarketCleared': {
        const c = e.data;
        add(`market/${c.market}`, -c.consumed);
        if (!(Number.isFinite(c.priceUsdPerTonne) && c.priceUsdPerTonne > 0)) bad.push(`price ${c.priceUsdPerTonne} in ${c.market} month ${c.month}`);
        if (c.stockEnd < -1e-9 || c.consumed < -1e-9 || c.shortfall < -1e-9) bad.push(`negative market quantity in ${c.market} month ${c.month}`);
        if (!close(bal[`market/${c.market}`] ?? 0, c.stockEnd, 1e-6)) bad.push(`market stock of ${c.market} off balance in month ${c.month}`);
        break;
      }
      default:
        break;
    }
  }
  const maps = { ore: finalState.ore, concentrate: finalState.concentrate, metal: finalState.metal, oxide: finalState.oxide, market: finalState.marketStock };
  for (const [stage, map] of Object.entries(maps)) {
    for (const [key, v] of Object.entries(map)) {
      if (!(Number.isFinite(v) && v >= -1e-6)) bad.push(`stock ${stage}/${key} = ${v}`);
      if (!close(v, bal[`${stage}/${key}`] ?? 0, 1e-6)) bad.push(`mass balance ${stage}/${key}: state ${v} vs events ${bal[`${stage}/${key}`] ?? 0}`);
    }
  }
  for (const [c, sp] of Object.entries(finalState.stockpiles)) if (!(sp.tonnes >= -1e-6)) bad.push(`stockpile ${c} = ${sp.tonnes}`);
  for (const o of Object.values(outcomes?.outcomes ?? {})) {
    for (const v of [...o.monthly, ...o.yearly]) {
      if (!Number.isFinite(v)) bad.push(`outcome ${o.id} not finite`);
      if (o.unit === '0-1' && (v < 0 || v > 1)) bad.push(`share ${o.id} = ${v}`);
      if (o.unit === '0-10000' && (v < 0 || v > 10000)) bad.push(`HHI ${o.id} = ${v}`);
    }
  }
  let replayed = initial;
  for (const e of events) replayed = evolveWorld(replayed, { type: e.type, data: e.data } as WorldEvent);
  if (JSON.stringify(replayed) !== JSON.stringify(finalState)) bad.push('replay(log) differs from the run state');
  return [...new Set(bad)].slice(0, 20);
}
