// Results-folder layer of @stibium/scenario: explicit named exports for the package index.
export { ResultsWriter, RESULT_FILES } from './writer.ts';
export type { FinishedResults } from './writer.ts';
export { ResultsFolder, PARTIAL_SUFFIX } from './folder.ts';
export { mergeResults, sliceGroups } from './merge.ts';
export { readManifest } from './read.ts';
export { manifestHeader, caseScenario, RESULTS_FORMAT, RESULTS_FORMAT_VERSION } from './manifest.ts';
export type { Manifest, ManifestHeader, ManifestRun, ManifestScenario } from './manifest.ts';
export type { Summary, PeriodSummary } from './summary.ts';
export type { Comparison, PairedDifference } from './comparison.ts';
export { readRunsCsv, RUNS_CSV_HEADER } from './csv.ts';
export type { RunRow } from './rows.ts';
export { RUNS_SCHEMA, ARROW_BATCH_ROWS } from './arrow.ts';
export { logFileName, safeSegment, sqliteLogStore } from './log-store.ts';
export { stableJson } from './stable-json.ts';
export { writeFileAtomic, AtomicFile } from './atomic.ts';
export { studentTQuantile, quantileSorted } from './stats.ts';
