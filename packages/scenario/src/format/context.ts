import type { IdCatalog } from './catalog.ts';
import { nodeIn, type DataPath, type Origins, type Place } from './origins.ts';
import { formatPath } from './problems.ts';
import type { ScenarioProblem, ScenarioProblemCode } from './problems.ts';

/** Optional parts of a problem besides code, path and message. */
export interface ProblemExtra {
  readonly expected?: string | undefined;
  readonly found?: string | undefined;
  readonly suggestion?: string | undefined;
  /** Point at the key rather than the value (unknown keys). */
  readonly atKey?: boolean;
  /** Characters to move right within a one-line scalar (the position inside an expression). */
  readonly index?: number;
}

/**
 * Everything a validation step needs: the merged data, where each part came from, and
 * the list problems are added to. Steps never throw; they report and carry on, so a user
 * sees every problem at once.
 */
export class ValidationContext {
  readonly problems: ScenarioProblem[] = [];
  readonly #reported = new Set<string>();

  constructor(
    readonly root: Record<string, unknown>,
    readonly origins: Origins,
    readonly catalog: IdCatalog,
    /** File named in problems that have no place (e.g. a missing top-level field of an empty merge). */
    readonly rootFile: string,
    /** Set when validating a variant merged onto its scenario. */
    readonly variant?: string,
  ) {}

  /** Adds a problem at `path` of the merged data. */
  report(path: DataPath, code: ScenarioProblemCode, message: string, extra: ProblemExtra = {}): void {
    this.#reported.add(JSON.stringify(path));
    const place = this.origins.locate(this.root, path, extra.atKey ?? false);
    const shift = place && extra.index !== undefined ? scalarShift(place, extra.index) : 0;
    const { atKey: _atKey, index: _index, ...rest } = extra;
    const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    this.problems.push({
      code,
      file: place?.source.file ?? this.rootFile,
      ...(place ? { line: place.line, column: place.column + shift } : {}),
      path: this.#displayPath(path, place),
      message,
      ...clean,
    });
  }

  /** Whether a problem was already reported at exactly `path` (one mistake, one message). */
  reportedAt(path: DataPath): boolean {
    return this.#reported.has(JSON.stringify(path));
  }

  /** Whether any problem was reported under top-level key `key` (or at the root, for ''). */
  reportedUnder(key: string): boolean {
    for (const p of this.#reported) {
      const first = (JSON.parse(p) as unknown[])[0];
      if (first === key || (key === '' && first === undefined)) return true;
    }
    return false;
  }

  #displayPath(path: DataPath, place: Place | undefined): string {
    if (this.variant === undefined || !place) return formatPath(path);
    const inVariant = place.filePath[0] === 'variants' && place.filePath[1] === this.variant;
    return formatPath(inVariant ? ['variants', this.variant, ...path] : path);
  }
}

/** Offset to add to a scalar's column to land on character `index` of its value. */
function scalarShift(place: Place, index: number): number {
  const node = nodeIn(place.source.doc, place.filePath) as { type?: string; source?: string; range?: [number, number, number] } | undefined;
  if (!node?.range) return 0;
  const start = node.range[0];
  const end = node.range[1];
  const startLine = place.source.lineCounter.linePos(start).line;
  const endLine = place.source.lineCounter.linePos(Math.max(start, end - 1)).line;
  if (startLine !== endLine) return 0;
  return (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0) + index;
}
