import { readFileSync } from 'node:fs';

/** What a malformed fixture's `# expect:` header says its first matching problem is. */
export interface Expectation {
  readonly code: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly path: string | undefined;
  readonly suggestion: string | undefined;
}

/** Fixtures that cannot carry a comment header (binary, empty, JSON) are described here. */
export const SIDE_EXPECTATIONS: Readonly<Record<string, Expectation>> = {
  'binary.yaml': { code: 'FILE_BINARY', line: 2, column: 1, path: undefined, suggestion: undefined },
  'invalid-utf8.yaml': { code: 'FILE_BINARY', line: undefined, column: undefined, path: undefined, suggestion: undefined },
  'empty.yaml': { code: 'FILE_EMPTY', line: undefined, column: undefined, path: undefined, suggestion: undefined },
  'yaml-json-syntax.json': { code: 'YAML_SYNTAX', line: 3, column: 14, path: undefined, suggestion: undefined },
};

/** Reads `# expect: CODE LINE:COL PATH [suggestion=X]` (`-` for none), or undefined for helpers. */
export function readExpectation(file: string, name: string): Expectation | undefined {
  const side = SIDE_EXPECTATIONS[name];
  if (side) return side;
  const first = readFileSync(file, 'utf8').split('\n')[0] ?? '';
  const match = /^# expect: (\S+) (\S+) (\S+)(?: suggestion=(\S+))?$/.exec(first);
  if (!match) return undefined;
  const [, code, place, path, suggestion] = match as unknown as [string, string, string, string, string | undefined];
  const [line, column] = place === '-' ? [undefined, undefined] : place.split(':').map(Number);
  return { code, line, column, path: path === '-' ? undefined : path, suggestion };
}
