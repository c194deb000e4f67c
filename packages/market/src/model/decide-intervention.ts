import type { World } from '../world/types.ts';
import type { ApplyIntervention } from './commands.ts';
import type { WorldEvent } from './events.ts';
import type { WorldIntervention } from './interventions.ts';
import { sortedCopy, sortedRecord } from './sorted.ts';
import type { WorldState } from './state.ts';

/** Why an intervention cannot apply to this world and state, or undefined when it can. */
function problem(world: World, state: WorldState, i: WorldIntervention): string | undefined {
  const known = new Set(world.countries.map((c) => c.iso3));
  const markets = new Set(world.markets.map((m) => m.id));
  const country = (c: string): string | undefined => (known.has(c) ? undefined : `unknown country '${c}'`);
  const finite = (...xs: number[]): string | undefined => (xs.every((x) => Number.isFinite(x) && x >= 0) ? undefined : 'numbers must be finite and non-negative');
  switch (i.kind) {
    case 'buildPlant':
      if (state.plants[i.id] !== undefined) return `a plant with id '${i.id}' already exists`;
      return country(i.country) ?? finite(i.capacityTonnesPerYear, i.capexUsd, i.leadTimeMonths, i.rampUpMonths, i.recovery, i.operatingCostUsdPerTonne);
    case 'openTerminal':
      if (state.terminals.some((t) => t.id === i.id)) return `a terminal with id '${i.id}' already exists`;
      return country(i.country) ?? i.markets.map((m) => (markets.has(m) ? undefined : `unknown market '${m}'`)).find((x) => x) ?? finite(i.freightUsdPerTonne, i.throughputTonnesPerYear, i.transitDays);
    case 'certify':
      return country(i.country);
    case 'exportControl':
      return country(i.country) ?? i.destinations.map((d) => (d === '*' || markets.has(d) || known.has(d) || /^[A-Z]{3}$/.test(d) ? undefined : `unknown destination '${d}'`)).find((x) => x);
    case 'tariff':
      return country(i.importer) ?? (i.exporter === '*' ? undefined : country(i.exporter)) ?? finite(i.rate);
    case 'stockpile':
      return country(i.country) ?? (i.overMonths > 0 ? finite(i.tonnes) : 'overMonths must be positive');
    case 'offtake':
      if (state.offtakes.some((o) => o.id === i.id)) return `an offtake with id '${i.id}' already exists`;
      return country(i.seller) ?? country(i.buyer) ?? finite(i.tonnesPerYear, i.years);
    case 'supplyShift':
      return i.countries.length === 0 ? 'a supply shift needs at least one country (or a region with countries)' : i.countries.map(country).find((x) => x);
    case 'disruptionRisk':
      return i.countries.map(country).find((x) => x) ?? finite(i.annualProbability, i.meanDurationMonths, i.severity);
    default: {
      const never: never = i;
      return `unknown intervention ${JSON.stringify(never)}`;
    }
  }
}

/** Signed t/yr per country for a supply shift: absolute tonnes by capacity weight plus a share of capacity. */
function shiftAllocation(state: WorldState, i: Extract<WorldIntervention, { kind: 'supplyShift' }>): Record<string, number> {
  const sign = i.direction === 'growth' ? 1 : -1;
  const cap = new Map<string, number>();
  for (const mine of Object.values(state.mines)) {
    if (!i.countries.includes(mine.country)) continue;
    cap.set(mine.country, (cap.get(mine.country) ?? 0) + mine.capacityTonnesPerYear * mine.capacityFactor);
  }
  const total = [...cap.values()].reduce((a, b) => a + b, 0);
  const out: Record<string, number> = {};
  for (const c of i.countries) {
    const w = total > 0 ? (cap.get(c) ?? 0) / total : 1 / i.countries.length;
    out[c] = sign * (i.tonnesPerYear * w + i.share * (cap.get(c) ?? 0));
  }
  return out;
}

/** Decides ApplyIntervention: applied with the data it needs frozen in, or rejected with the reason. */
export function decideIntervention(world: World, data: ApplyIntervention['data'], state: WorldState, now: number): WorldEvent[] {
  const month = Math.max(0, Math.floor(now));
  const why = problem(world, state, data.intervention);
  if (why !== undefined) return [{ type: 'InterventionRejected', data: { id: data.id, month, reason: why } }];
  const i = data.intervention;
  // Keys in code-unit order at every level (the log hash's fast path), optional ones in place.
  const applied = (extra: { allocation?: Record<string, number>; reference?: Record<string, number> }): WorldEvent => ({
    type: 'InterventionApplied',
    data: {
      ...(extra.allocation === undefined ? {} : { allocation: extra.allocation }),
      at: now,
      id: data.id,
      intervention: sortedCopy(i),
      month,
      ...(extra.reference === undefined ? {} : { reference: extra.reference }),
      ...(data.source === undefined ? {} : { source: data.source }),
    },
  });
  if (i.kind === 'exportControl') {
    const reference: Record<string, number> = {};
    const prefix = `${i.country}>`;
    for (const key of Object.keys(state.exportReference).sort()) if (key.startsWith(prefix)) reference[key] = state.exportReference[key] as number;
    return [applied({ reference })];
  }
  if (i.kind === 'supplyShift') return [applied({ allocation: sortedRecord(shiftAllocation(state, i)) })];
  return [applied({})];
}
