/**
 * A predicate for a scenario's `outcomes` list: exact ids, or globs where `*` matches any
 * run of characters (`pk.*`, `world.mineProduction.*`, `*`).
 */
export function outcomeSelector(patterns: readonly string[]): (id: string) => boolean {
  if (patterns.length === 0 || patterns.includes('*')) return () => true;
  const regexes = patterns.map((p) => new RegExp(`^${p.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`));
  return (id) => regexes.some((r) => r.test(id));
}
