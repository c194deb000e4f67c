/**
 * Commodity value chains (markets, countries, mines, plants, routes, price formation, trade), the antimony world data, and the outcome folds.
 *
 * @module @stibium/market
 */
// Typedoc entry point only (docs/api is generated from it): re-exports the package's public API.
export * from '../../packages/market/src/index.ts';
