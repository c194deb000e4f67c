// Scenario-file layer of @stibium/scenario: explicit named exports for the package index.
export { loadScenario, parseScenarioText, checkScenarioFile } from './load.ts';
export type { LoadOptions } from './load.ts';
export type { LeverChoice } from './levers.ts';
export type { LeverLayer } from './lever-layer.ts';
export { suggest } from './suggest.ts';
export { leverCombinations, leverCaseId, parseLeverAssignment, declaredLevers, MAX_LEVER_COMBINATIONS } from './lever-sweep.ts';
export { scenarioJsonSchema } from './json-schema.ts';
export { applyOverrides } from './apply-overrides.ts';
export { overridesForRun } from './run-overrides.ts';
export { ScenarioError, isScenarioError, formatProblem } from './problems.ts';
export type { ScenarioProblem, ScenarioProblemCode } from './problems.ts';
export type { IdCatalog } from './catalog.ts';
export type {
  ResolvedScenario,
  ResolvedDistribution,
  ResolvedCorrelations,
  ResolvedLever,
  LeverValue,
  DeferredExpression,
  ScenarioFileRef,
} from './types.ts';
export { MERGE_DIRECTIVES } from './merge.ts';
export { MAX_FILE_BYTES, MAX_ALIAS_COUNT, MAX_MAGNITUDE, MAX_RUNS, MAX_HORIZON_YEARS, MAX_EXTENDS_DEPTH } from './limits.ts';
export { evaluateExpression, compileExpression } from '../expressions/evaluate.ts';
export type { CompiledExpression, ScopeValue } from '../expressions/evaluate.ts';
export { EXPRESSION_FUNCTIONS, MAX_EXPRESSION_LENGTH } from '../expressions/whitelist.ts';
export { createUncertaintySampler } from '../uncertainty/sampler.ts';
export type { UncertaintySampler, SamplerOptions, SamplingMethod } from '../uncertainty/sampler.ts';
export { quantileFunction } from '../uncertainty/quantile.ts';
