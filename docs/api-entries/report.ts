/**
 * The self-contained HTML report of a results folder: Vega-Lite charts rendered to SVG, Sankey flows, tables and provenance.
 *
 * @module @stibium/report
 */
// Typedoc entry point only (docs/api is generated from it): re-exports the package's public API.
export * from '../../packages/report/src/index.ts';
