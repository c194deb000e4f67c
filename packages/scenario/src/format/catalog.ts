/**
 * The ids a scenario may refer to, provided by the world data so the format layer can
 * reject `country: PAKK` with a suggestion without depending on the world model.
 */
export interface IdCatalog {
  /** ISO 3166 alpha-3 codes of the countries in the world (e.g. 'PAK'). */
  readonly countries: readonly string[];
  /** Facility ids (mines, smelters, refineries). */
  readonly facilities: readonly string[];
  /** Market ids (e.g. 'exChina'). */
  readonly markets: readonly string[];
  /** Route ids (ports, terminals, corridors). */
  readonly routes: readonly string[];
  /** Whether a dotted path names a world parameter that `overrides` may set. */
  readonly parameterPaths: (path: string) => boolean;
  /** Known parameter paths, if listable: used to suggest the intended path for a typo. */
  readonly parameterPathList?: readonly string[];
  /** Known outcome ids, if given: `outcomes` entries are checked against them. */
  readonly outcomes?: readonly string[];
  /** Known data vintages, if given: `vintage` is checked against them. */
  readonly vintages?: readonly string[];
}
