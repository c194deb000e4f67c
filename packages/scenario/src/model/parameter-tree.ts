import type { World } from '@stibium/market';

// Lists of world records are addressed by id in override paths
// (`mines.pak-artisanal.capacityTonnesPerYear`), not by position, so a path keeps its
// meaning when the data gain a row. Each list names the field that identifies a row.
const LIST_KEYS: Readonly<Record<string, (row: Record<string, unknown>) => string>> = {
  markets: (r) => String(r['id']),
  countries: (r) => String(r['iso3']),
  mines: (r) => String(r['id']),
  plants: (r) => String(r['id']),
  feedRoutes: (r) => `${String(r['from'])}-${String(r['to'])}`,
  salesRoutes: (r) => String(r['id']),
  buyers: (r) => String(r['id']),
  stockpiles: (r) => String(r['country']),
};

/** The world as a tree of plain objects keyed by id: what scenario `overrides` address. */
export type ParameterTree = Record<string, unknown>;

/** Turns a world into its parameter tree (lists keyed by id). */
export function worldToTree(world: World): ParameterTree {
  const tree: ParameterTree = {};
  for (const [key, value] of Object.entries(world)) {
    const keyOf = LIST_KEYS[key];
    if (keyOf !== undefined && Array.isArray(value)) {
      tree[key] = Object.fromEntries(value.map((row) => [keyOf(row as Record<string, unknown>), row]));
    } else {
      tree[key] = value;
    }
  }
  return tree;
}

/** Turns a parameter tree back into a world, keeping each list's original order. */
export function treeToWorld(tree: ParameterTree, original: World): World {
  const out: Record<string, unknown> = { ...tree };
  for (const key of Object.keys(LIST_KEYS)) {
    const rows = (original as unknown as Record<string, readonly Record<string, unknown>[]>)[key];
    const keyOf = LIST_KEYS[key] as (row: Record<string, unknown>) => string;
    const byId = tree[key] as Record<string, unknown>;
    if (rows !== undefined) out[key] = rows.map((row) => byId[keyOf(row)]);
  }
  return out as unknown as World;
}

/** Every dotted path to a number in the tree, sorted: the paths `overrides` may set. */
export function numericPaths(tree: ParameterTree): string[] {
  const paths: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'number') {
      paths.push(prefix);
      return;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) walk(value, prefix === '' ? key : `${prefix}.${key}`);
  };
  walk(tree, '');
  return paths.sort();
}

/**
 * A copy of plain data built the same way whatever made the original: arrays by `map`,
 * objects key by key from `{}`. V8 gives objects built alike the same hidden classes, so
 * every run's world (a base world, or one rebuilt from overrides by spreads) looks the same
 * to the optimised model code. Without it, a worker's first runs met worlds of mixed shapes
 * and recompiled the model's hot functions 3-5 times each (~1 s of compile CPU a worker,
 * measured with `--trace-opt`). Values are kept as they are (numbers, strings, booleans).
 */
export function uniformShapes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(uniformShapes) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = uniformShapes((value as Record<string, unknown>)[key]);
  return out as T;
}
