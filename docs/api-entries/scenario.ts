/**
 * Scenario files (YAML, extends, expressions, validation with positions), Monte Carlo experiments on common random numbers, and results folders.
 *
 * @module @stibium/scenario
 */
// Typedoc entry point only (docs/api is generated from it): re-exports the package's public API.
export * from '../../packages/scenario/src/index.ts';
