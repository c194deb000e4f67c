import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument, visit, isAlias } from 'yaml';
import type { Document } from 'yaml';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES, MAX_NESTING_DEPTH } from './limits.ts';
import type { ScenarioProblem } from './problems.ts';

/** One scenario file, read and parsed, kept for locating problems and for provenance. */
export interface SourceFile {
  /** The path as the user (or the extending file) wrote it, for messages. */
  readonly file: string;
  /** Absolute path, for cycle detection and relative `extends`; the display path for in-memory text. */
  readonly absolute: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly bytes: number;
  readonly doc: Document;
  readonly lineCounter: LineCounter;
  /** The file's content as plain data (aliases expanded). */
  readonly data: Record<string, unknown>;
}

type ReadResult = { readonly source: SourceFile } | { readonly problems: readonly ScenarioProblem[] };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooLarge(file: string, bytes: number): ScenarioProblem {
  return {
    code: 'FILE_TOO_LARGE',
    file,
    path: '',
    message: `file is ${megabytes(bytes)}; scenario files are limited to ${megabytes(MAX_FILE_BYTES)} (is this the right file?)`,
    expected: `at most ${MAX_FILE_BYTES} bytes`,
    found: `${bytes} bytes`,
  };
}

/** Line and column (1-based) of a byte offset into `bytes`, for binary-content messages. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Reads a scenario file, refusing before any parsing what cannot be a scenario: a missing
 * or unreadable file, more than {@link MAX_FILE_BYTES} (checked with `stat`, so a 50 MB file
 * is refused without being read), NUL bytes or invalid UTF-8.
 */
export function readSource(file: string, absolute: string): ReadResult {
  let size: number;
  try {
    const stat = statSync(absolute);
    if (!stat.isFile()) return { problems: [{ code: 'FILE_UNREADABLE', file, path: '', message: 'not a regular file' }] };
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problems: [{ code: 'FILE_NOT_FOUND', file, path: '', message: 'file not found' }] };
    return { problems: [{ code: 'FILE_UNREADABLE', file, path: '', message: `cannot read file (${code ?? 'error'})` }] };
  }
  if (size > MAX_FILE_BYTES) return { problems: [tooLarge(file, size)] };
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { problems: [{ code: 'FILE_UNREADABLE', file, path: '', message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  return decodeSource(bytes, file, absolute);
}

/** Checks and decodes bytes already in memory; see {@link readSource}. */
export function decodeSource(bytes: Uint8Array, file: string, absolute: string): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) return { problems: [tooLarge(file, bytes.length)] };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      problems: [{ code: 'FILE_BINARY', file, ...positionOf(bytes, nul), path: '', message: 'file contains a NUL byte: this looks like a binary file, not YAML', found: 'NUL byte' }],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problems: [{ code: 'FILE_BINARY', file, path: '', message: 'file is not valid UTF-8 text: save it as UTF-8', expected: 'UTF-8 text' }] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return parseSource(text, file, absolute, sha256, bytes.length);
}

function parseSource(text: string, file: string, absolute: string, sha256: string, bytes: number): ReadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const problems: ScenarioProblem[] = [];
  for (const error of doc.errors) {
    const duplicate = error.code === 'DUPLICATE_KEY';
    const message = duplicate
      ? 'duplicate key: each key may appear once in a mapping'
      : error.code === 'MULTIPLE_DOCS'
        ? 'a scenario file holds one YAML document: remove the `---` separator (use `extends` or `variants` to combine scenarios)'
        : `YAML syntax error: ${error.message}`;
    problems.push({ code: duplicate ? 'DUPLICATE_KEY' : 'YAML_SYNTAX', file, ...at(error.pos[0]), path: '', message });
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      problems.push({ code: 'YAML_SYNTAX', file, ...at(warning.pos[0]), path: '', message: `${warning.message}: scenario files use plain YAML without custom tags` });
    }
  }
  if (problems.length > 0) return { problems };
  let deep: number | undefined;
  visit(doc, (_key, node, path) => {
    // path holds the document and a Pair per mapping level: count collections only.
    if (path.length > 2 * MAX_NESTING_DEPTH + 1 && node && typeof node === 'object' && 'range' in node) {
      deep = (node as { range?: [number, number, number] }).range?.[0];
      return visit.BREAK;
    }
    return undefined;
  });
  if (deep !== undefined) {
    return { problems: [{ code: 'TOO_DEEP', file, ...at(deep), path: '', message: `data nested more than ${MAX_NESTING_DEPTH} levels deep: a scenario does not need this` }] };
  }
  if (doc.contents === null) {
    return { problems: [{ code: 'FILE_EMPTY', file, path: '', message: 'file is empty: a scenario needs at least `name`, `horizon` and `vintage` (or `extends`)' }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    let offset = 0;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range) offset = node.range[0];
        return visit.BREAK;
      },
    });
    return {
      problems: [
        {
          code: 'ALIAS_LIMIT',
          file,
          ...at(offset),
          path: '',
          message: `too many YAML aliases expand here (${error instanceof Error ? error.message : String(error)}); at most ${MAX_ALIAS_COUNT} are allowed`,
        },
      ],
    };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    const range = doc.contents.range;
    return {
      problems: [
        { code: 'NOT_A_MAPPING', file, ...at(range[0]), path: '', message: 'a scenario file must be a mapping of keys (name:, horizon:, ...)', expected: 'a mapping', found: Array.isArray(data) ? 'a list' : JSON.stringify(data) },
      ],
    };
  }
  return { source: { file, absolute, sha256, bytes, doc, lineCounter, data: data as Record<string, unknown> } };
}

/** Parses text given in memory (no file read); `file` names it in messages. */
export function sourceFromText(text: string, file: string, absolute: string): ReadResult {
  return decodeSource(new TextEncoder().encode(text), file, absolute);
}
