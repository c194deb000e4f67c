/**
 * The stibium command line (run, compare, validate, replay, report, schema, merge).
 *
 * @module @stibium/cli
 */
// Typedoc entry point only (docs/api is generated from it): re-exports the package's public API.
export * from '../../packages/cli/src/index.ts';
