// Experiment layer of @stibium/scenario: explicit named exports for the package index.
export { runExperiment, DEFAULT_MODEL_MODULE } from './run.ts';
export type { RunExperimentOptions, ExperimentResult } from './run.ts';
export { runSeed, RUN_SEED_RULE } from './seeds.ts';
export { checkPlan, planFingerprint, parseRunRange } from './plan.ts';
export { executeRuns, executePacked, loadModel } from './execute.ts';
export type { ExecutionContext } from './execute.ts';
export type { RunOutput, RunOnceOptions, ModelModule, ExperimentCase, ExperimentPlan, RunGroup, RunRange, OutcomeValues } from './types.ts';
