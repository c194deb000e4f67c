import { StibiumError } from '@stibium/core';

/** Kinds of problem a scenario file can have; stable, so tests and tools can branch on them. */
export type ScenarioProblemCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_TOO_LARGE'
  | 'FILE_BINARY'
  | 'FILE_EMPTY'
  | 'YAML_SYNTAX'
  | 'DUPLICATE_KEY'
  | 'ALIAS_LIMIT'
  | 'TOO_DEEP'
  | 'NOT_A_MAPPING'
  | 'UNKNOWN_KEY'
  | 'WRONG_TYPE'
  | 'MISSING_FIELD'
  | 'OUT_OF_RANGE'
  | 'NOT_FINITE'
  | 'TOO_LARGE'
  | 'INVALID_VALUE'
  | 'DATE_OUTSIDE_HORIZON'
  | 'UNKNOWN_REFERENCE'
  | 'UNKNOWN_PATH'
  | 'EXTENDS_CYCLE'
  | 'EXTENDS_MISSING'
  | 'MERGE_DIRECTIVE'
  | 'EXPRESSION'
  | 'CORRELATION';

/** One thing wrong in a scenario, located like a compiler diagnostic. */
export interface ScenarioProblem {
  readonly code: ScenarioProblemCode;
  /** The file as the user named it (relative paths stay relative). */
  readonly file: string;
  /** 1-based line, when the problem has a place in the file. */
  readonly line?: number;
  /** 1-based column. */
  readonly column?: number;
  /** Where in the scenario, e.g. `events[2].capacityTonnesPerYear`; '' for the whole file. */
  readonly path: string;
  /** Human text: what is wrong. */
  readonly message: string;
  /** What was expected, e.g. 'a number >= 0'. */
  readonly expected?: string;
  /** What was found, rendered short, e.g. '-5'. */
  readonly found?: string;
  /** The likely intended key or value, for typos. */
  readonly suggestion?: string;
}

/**
 * The problems without repeats: a variant re-checks what it inherits, so a mistake in the
 * base part of a file would otherwise be listed once for the file and once per variant.
 */
export function distinctProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.code, p.file, p.line, p.column, p.path, p.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Renders one problem as `file:line:col path: message (did you mean ...?)`. */
export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
  const path = problem.path === '' ? '' : ` ${problem.path}:`;
  const hint = problem.suggestion === undefined ? '' : ` (did you mean \`${problem.suggestion}\`?)`;
  return `${where}${path} ${problem.message}${hint}`;
}

/**
 * Thrown when a scenario cannot be loaded: carries every problem found, in file order,
 * so a user fixes them in one pass. `message` is the compiler-style listing.
 */
export class ScenarioError extends StibiumError {
  /** The problems, sorted by file, line and column. */
  readonly problems: readonly ScenarioProblem[];

  constructor(problems: readonly ScenarioProblem[]) {
    const sorted = sortProblems(problems);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    super('SCENARIO_INVALID', `${count} in scenario:\n${sorted.map(formatProblem).join('\n')}`, { problems: sorted });
    this.name = 'ScenarioError';
    this.problems = sorted;
  }
}

function sortProblems(problems: readonly ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.file}|${p.line}|${p.column}|${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}

/** True when `error` is a {@link ScenarioError}. */
export function isScenarioError(error: unknown): error is ScenarioError {
  return error instanceof ScenarioError;
}

/** Renders a path array as `events[2].capacity` (keys that are not identifiers are quoted). */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Short rendering of a found value for messages: numbers as numbers, strings quoted, long things cut. */
export function renderFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
