import type { MineState, PlantState, WorldState } from './state.ts';

/**
 * Drafts: states whose top-level maps the caller owns, and the copies that make them.
 * The copies are written out per field or per map because V8 copied these objects
 * slowly through a spread site that sees many shapes, and a run copies them thousands
 * of times (once per event when policies react).
 */

/** `T` without readonly, for drafts. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A state whose top-level maps the caller owns and may mutate in place. */
export type Draft = Mutable<WorldState> & {
  prices: Record<string, number>;
  expectedPrices: Record<string, number>;
  marketStock: Record<string, number>;
  substitution: Record<string, number>;
  ore: Record<string, number>;
  concentrate: Record<string, number>;
  metal: Record<string, number>;
  oxide: Record<string, number>;
  mines: Record<string, WorldState['mines'][string]>;
  plants: Record<string, WorldState['plants'][string]>;
  stockpiles: Record<string, WorldState['stockpiles'][string]>;
  disruptions: Record<string, WorldState['disruptions'][string]>;
};

/** The state's maps: a draft owns a copy of each. */
export const MAPS = ['prices', 'expectedPrices', 'marketStock', 'substitution', 'ore', 'concentrate', 'metal', 'oxide', 'mines', 'plants', 'stockpiles', 'disruptions'] as const;
/** A map of the state. */
export type MapKey = (typeof MAPS)[number];

/**
 * A shallow copy of the state, field by field in initialWorldState's order (so
 * states serialise as before). Evolve copies the state once per event; a spread there,
 * seeing many object shapes, was the costliest line of a run with reacting policies.
 */
export function copyState(s: WorldState): Draft {
  return {
    month: s.month,
    prices: s.prices,
    expectedPrices: s.expectedPrices,
    marketStock: s.marketStock,
    substitution: s.substitution,
    ore: s.ore,
    concentrate: s.concentrate,
    metal: s.metal,
    oxide: s.oxide,
    mines: s.mines,
    plants: s.plants,
    terminals: s.terminals,
    certifications: s.certifications,
    controls: s.controls,
    tariffs: s.tariffs,
    stockpiles: s.stockpiles,
    offtakes: s.offtakes,
    shifts: s.shifts,
    regimes: s.regimes,
    disruptions: s.disruptions,
    exportReference: s.exportReference,
    indicators: s.indicators,
    applied: s.applied,
  } as Draft;
}

/** Copies of each map, one spread per map so each spread sees one object shape (a shared one was slow). */
export const copyMap: { readonly [K in MapKey]: (s: WorldState) => Draft[K] } = {
  prices: (s) => ({ ...s.prices }),
  expectedPrices: (s) => ({ ...s.expectedPrices }),
  marketStock: (s) => ({ ...s.marketStock }),
  substitution: (s) => ({ ...s.substitution }),
  ore: (s) => ({ ...s.ore }),
  concentrate: (s) => ({ ...s.concentrate }),
  metal: (s) => ({ ...s.metal }),
  oxide: (s) => ({ ...s.oxide }),
  mines: (s) => ({ ...s.mines }),
  plants: (s) => ({ ...s.plants }),
  stockpiles: (s) => ({ ...s.stockpiles }),
  disruptions: (s) => ({ ...s.disruptions }),
};

/**
 * A mine with new utilisation and capacity factor. Written out field by field: spreading
 * the previous month's object was the costliest line of the fold (V8 took its slow path).
 * The field order is the spread's (MineState's), so states serialise as before.
 */
export function withUtilization(m: MineState, utilization: number, capacityFactor: number): MineState {
  return {
    id: m.id,
    country: m.country,
    form: m.form,
    capacityTonnesPerYear: m.capacityTonnesPerYear,
    startMonth: m.startMonth,
    rampUpMonths: m.rampUpMonths,
    elasticityShortRun: m.elasticityShortRun,
    elasticityLongRun: m.elasticityLongRun,
    utilization,
    capacityFactor,
  };
}

/** A plant with a new availability; field by field (as {@link withUtilization}) unless it has optional fields. */
export function withAvailability(p: PlantState, availability: number): PlantState {
  if (p.endMonth !== undefined || p.feedSources !== undefined) {
    const copy = { ...p } as Mutable<PlantState>;
    copy.availability = availability;
    return copy;
  }
  return {
    id: p.id,
    country: p.country,
    stage: p.stage,
    capacityTonnesPerYear: p.capacityTonnesPerYear,
    baseUtilization: p.baseUtilization,
    oxideShare: p.oxideShare,
    recovery: p.recovery,
    operatingCostUsdPerTonne: p.operatingCostUsdPerTonne,
    startMonth: p.startMonth,
    rampUpMonths: p.rampUpMonths,
    capexUsd: p.capexUsd,
    availability,
    added: p.added,
  };
}

