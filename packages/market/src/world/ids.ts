import type { World } from './types.ts';

/** The ids a world defines, for checking a scenario's references before a run. */
export interface WorldIds {
  readonly countries: readonly string[];
  readonly markets: readonly string[];
  readonly mines: readonly string[];
  readonly plants: readonly string[];
  readonly routes: readonly string[];
  readonly buyers: readonly string[];
  readonly regions: readonly string[];
}

/** Lists every id in `world` (sorted), so validators can say "unknown country 'PAKK'". */
export function worldIds(world: World): WorldIds {
  const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
  return {
    countries: sorted(world.countries.map((c) => c.iso3)),
    markets: sorted(world.markets.map((m) => m.id)),
    mines: sorted(world.mines.map((m) => m.id)),
    plants: sorted(world.plants.map((p) => p.id)),
    routes: sorted(world.salesRoutes.map((r) => r.id)),
    buyers: sorted(world.buyers.map((b) => b.id)),
    regions: sorted(world.countries.map((c) => c.region)),
  };
}
