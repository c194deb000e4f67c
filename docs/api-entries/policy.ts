/**
 * Interventions and adaptive rules as typed, timed events; China's export-control timeline; the calibration targets.
 *
 * @module @stibium/policy
 */
// Typedoc entry point only (docs/api is generated from it): re-exports the package's public API.
export * from '../../packages/policy/src/index.ts';
