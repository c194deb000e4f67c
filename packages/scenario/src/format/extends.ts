import { dirname, join, resolve } from 'node:path';
import type { IdCatalog } from './catalog.ts';
import { ValidationContext } from './context.ts';
import { MAX_EXTENDS_DEPTH } from './limits.ts';
import type { Merger } from './merge.ts';
import type { Origins } from './origins.ts';
import type { ScenarioProblem } from './problems.ts';
import { readSource } from './source.ts';
import type { SourceFile } from './source.ts';

/** A file with everything it extends merged in. */
export interface LoadedTree {
  readonly data: Record<string, unknown>;
  /** The file, then the files it extends, depth first (each once). */
  readonly sources: readonly SourceFile[];
}

interface Link {
  readonly file: string;
  readonly absolute: string;
}

/**
 * Merges `source` onto the files it `extends` (resolved relative to `source`, merged left
 * to right, recursively). A cycle, a missing base or a chain deeper than
 * {@link MAX_EXTENDS_DEPTH} is reported at the `extends` entry, naming the whole chain.
 */
export function loadTree(
  source: SourceFile,
  chain: readonly Link[],
  origins: Origins,
  merger: Merger,
  catalog: IdCatalog,
  problems: ScenarioProblem[],
): LoadedTree | undefined {
  const tagged = origins.tag(source.data, source, []) as Record<string, unknown>;
  const ctx = new ValidationContext(tagged, origins, catalog, source.file);
  const here: Link[] = [...chain, { file: source.file, absolute: source.absolute }];
  const raw = tagged['extends'];
  const entries: [string, (string | number)[]][] = [];
  if (typeof raw === 'string') entries.push([raw, ['extends']]);
  else if (Array.isArray(raw)) {
    raw.forEach((entry, i) => {
      if (typeof entry === 'string' && entry.length > 0) entries.push([entry, ['extends', i]]);
      else ctx.report(['extends', i], 'WRONG_TYPE', 'expected a file path (string)', { expected: 'a file path', found: JSON.stringify(entry) });
    });
  } else if (raw !== undefined) {
    ctx.report(['extends'], 'WRONG_TYPE', 'expected a file path or a list of file paths', { expected: 'a string or a list of strings', found: JSON.stringify(raw) });
  }
  let merged: unknown = undefined;
  const sources: SourceFile[] = [source];
  let failed = false;
  for (const [entry, at] of entries) {
    const absolute = resolve(dirname(source.absolute), entry);
    const file = join(dirname(source.file), entry);
    const names = [...here.map((l) => l.file), file].join(' -> ');
    if (here.some((l) => l.absolute === absolute)) {
      ctx.report(at, 'EXTENDS_CYCLE', `\`extends\` forms a cycle: ${names}`, { found: entry });
      failed = true;
      continue;
    }
    if (here.length >= MAX_EXTENDS_DEPTH) {
      ctx.report(at, 'EXTENDS_CYCLE', `\`extends\` chain is deeper than ${MAX_EXTENDS_DEPTH} files: ${names}`);
      failed = true;
      continue;
    }
    const read = readSource(file, absolute);
    if ('problems' in read) {
      const missing = read.problems[0]?.code === 'FILE_NOT_FOUND';
      if (missing) ctx.report(at, 'EXTENDS_MISSING', `cannot find extended file \`${entry}\` (looked for ${absolute}; chain: ${names})`, { found: entry });
      else problems.push(...read.problems);
      failed = true;
      continue;
    }
    const base = loadTree(read.source, here, origins, merger, catalog, problems);
    if (!base) {
      failed = true;
      continue;
    }
    for (const s of base.sources) if (!sources.some((x) => x.absolute === s.absolute)) sources.push(s);
    merged = merger.merge(merged, base.data, true);
  }
  problems.push(...ctx.problems);
  if (failed || ctx.problems.length > 0) return undefined;
  const own: Record<string, unknown> = { ...tagged };
  delete own['extends'];
  origins.set(own, origins.get(tagged));
  const data = merger.merge(merged, own, true) as Record<string, unknown>;
  return { data, sources };
}
