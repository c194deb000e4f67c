/**
 * The flow outcomes the Sankey diagram reads. A flow outcome id is
 * `flow.<stage>.<from>.<to>`: tonnes of contained antimony per year (t Sb/yr) that leave
 * stage `<stage>` in country `<from>` (ISO 3166 alpha-3, or `ROW`) for the next stage in
 * country `<to>`. Examples: `flow.mine.PAK.CHN` (Pakistani ore and concentrate smelted in
 * China), `flow.refined.CHN.USA` (Chinese metal and oxide used in the US). The report
 * reads each flow's yearly mean from summary.json.
 */
export const FLOW_OUTCOME_PREFIX = 'flow.';

/** Pattern of a flow outcome id: prefix, then stage, origin and destination segments. */
export const FLOW_OUTCOME_PATTERN = /^flow\.([A-Za-z][A-Za-z0-9_-]*)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/;

/**
 * Stages in chain order, each with the label of its column. A flow of a stage runs from
 * that stage's column to the column of the next stage present in the data; flows of the
 * last present stage end in the `use` column. Stages not listed here come after these,
 * in code-point order.
 */
export const FLOW_STAGES: readonly { readonly id: string; readonly label: string }[] = [
  { id: 'mine', label: 'Mining' },
  { id: 'concentrate', label: 'Concentrating' },
  { id: 'refined', label: 'Refining (metal, oxide)' },
];

/** Label of the last column, where flows end. */
export const FLOW_END_LABEL = 'End use';

/** One flow: stage, origin, destination and tonnes per year. */
export interface Flow {
  readonly stage: string;
  readonly from: string;
  readonly to: string;
  readonly tonnes: number;
}

/** Parses a flow outcome id, or null when the id is not a flow. */
export function parseFlowId(id: string): { stage: string; from: string; to: string } | null {
  const m = FLOW_OUTCOME_PATTERN.exec(id);
  return m === null ? null : { stage: m[1] as string, from: m[2] as string, to: m[3] as string };
}

/** Stage ids in column order: the known stages first, then any others. */
export function orderStages(stages: Iterable<string>): string[] {
  const known = FLOW_STAGES.map((s) => s.id);
  const present = new Set(stages);
  const rest = [...present].filter((s) => !known.includes(s)).sort();
  return [...known.filter((s) => present.has(s)), ...rest];
}

/** Column label of a stage id. */
export function stageLabel(stage: string): string {
  return FLOW_STAGES.find((s) => s.id === stage)?.label ?? stage;
}
