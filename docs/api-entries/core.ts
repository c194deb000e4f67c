/**
 * The engine: clock, (time, priority, seq) event queue, named random streams, event log with SHA-256 hash, deciders and policies, snapshots, fork, replay, log storage, SimPy-style processes and resources.
 *
 * @module @stibium/core
 */
// Typedoc entry point only (docs/api is generated from it): re-exports the package's public API.
export * from '../../packages/core/src/index.ts';
