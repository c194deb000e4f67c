// The scenario-file API the CLI uses, in one place.
export { loadScenario, checkScenarioFile, scenarioJsonSchema, ScenarioError, isScenarioError, formatProblem } from '@stibium/scenario';
export { declaredLevers, leverCaseId, leverCombinations, parseLeverAssignment, suggest } from '@stibium/scenario';
export type { IdCatalog, LeverChoice, ResolvedScenario, ScenarioProblem } from '@stibium/scenario';
