// @stibium/policy public API: explicit named exports only.
export {
  dateSchema,
  countrySchema,
  PROCESSING_STAGES,
  PRODUCT_FORMS,
  MARKET_IDS,
  INTERVENTION_TYPES,
  interventionSchema,
  ruleActionSchema,
  RULE_METRICS,
  adaptiveRuleSchema,
} from './interventions.ts';
export type {
  Intervention,
  InterventionOf,
  InterventionType,
  RuleAction,
  AdaptiveRule,
  AdaptiveRuleInput,
} from './interventions.ts';
export { compileInterventions, toWorldIntervention, interventionId, DEFAULT_APPROVAL_SHARE } from './compile.ts';
export { CHINA_EXPORT_CONTROLS } from './china-controls.ts';
export { adaptiveRulesPolicy, ruleFiringPrefix } from './rules.ts';
export { runPolicyWorld } from './run.ts';
export type { PolicyRunConfig } from './run.ts';
export { CALIBRATION_TARGETS, calibrationReport } from './calibration.ts';
export type { CalibrationTarget, CalibrationRow } from './calibration.ts';
