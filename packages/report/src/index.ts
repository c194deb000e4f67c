// @stibium/report public API: explicit named exports only.
export { renderReport, renderResults } from './render.ts';
export type { ReportOptions } from './render.ts';
export { writeReport, REPORT_FILE } from './write.ts';
export { readResults, REPORT_INPUT_FILES } from './input/read.ts';
export type {
  ResultsData,
  PeriodStats,
  SummaryData,
  ComparisonData,
  DifferenceStats,
  OutcomeInfo,
  SourceInfo,
  AssumptionInfo,
  ScenarioInfo,
  ScenarioFileInfo,
  ProvenanceInfo,
} from './input/types.ts';
export { FAN_OUTCOMES, COMPARISON_OUTCOMES, PRICE_OUTCOMES } from './input/outcomes.ts';
export { FLOW_OUTCOME_PREFIX, FLOW_OUTCOME_PATTERN, FLOW_STAGES, FLOW_END_LABEL, parseFlowId } from './flows.ts';
export type { Flow } from './flows.ts';
export { CONTENT_SECURITY_POLICY } from './page.ts';
export { escapeHtml } from './escape.ts';
