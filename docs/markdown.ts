// Reads fenced code blocks out of the docs, and keeps blocks that quote a file in step with
// it. Used by the docs tests and by `pnpm tsx docs/markdown.ts` (rewrites quoted blocks).
//
// Conventions in docs/*.md and README.md:
//   <!-- include docs/examples/x.ts -->   the next block is the file's content, verbatim
//   <!-- part-of docs/examples/y.yaml --> the next (YAML) block is a piece of that file
//   ```sh exit=2                          the command is expected to fail with this code
//   ```text output                        lines the previous command must print
//   ```ts fragment                        an illustrative piece that is not run (avoid)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** One fenced block of a Markdown file. */
export interface CodeBlock {
  /** Markdown file, relative to the root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** First word of the info string (`ts`, `sh`, `yaml`, `text`...), '' when none. */
  readonly lang: string;
  /** The rest of the info string, split on spaces (`fragment`, `exit=2`, `output`). */
  readonly flags: readonly string[];
  readonly body: string;
  /** A marker comment right above the block: `include <path>` or `part-of <path>`. */
  readonly marker: { readonly kind: 'include' | 'part-of'; readonly path: string } | undefined;
}

const MARKER = /^<!--\s*(include|part-of)\s+(\S+)\s*-->$/;

/** Every fenced code block of `text` (from file `file`), in order. */
export function codeBlocks(file: string, text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i] as string);
    if (open === null) continue;
    const fence = open[2] as string;
    const [lang = '', ...flags] = (open[3] as string).trim().split(/\s+/).filter((w) => w !== '');
    let end = i + 1;
    while (end < lines.length && !(lines[end] as string).trim().startsWith(fence)) end++;
    const above = i > 0 ? MARKER.exec((lines[i - 1] as string).trim()) : null;
    blocks.push({
      file,
      line: i + 1,
      lang,
      flags,
      body: lines.slice(i + 1, end).join('\n'),
      marker: above === null ? undefined : { kind: above[1] as 'include' | 'part-of', path: above[2] as string },
    });
    i = end;
  }
  return blocks;
}

/** The Markdown files the docs tests cover: README.md and docs/*.md (not the generated API). */
export function docFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/** The blocks of one doc file (path relative to the root). */
export function blocksOf(file: string): CodeBlock[] {
  return codeBlocks(file, readFileSync(join(ROOT, file), 'utf8'));
}

/** `text` with every `include` block replaced by the current content of its file. */
export function syncIncludes(text: string): string {
  // The body is optional: a freshly added marker may sit above an empty block.
  return text.replace(/(<!--\s*include\s+(\S+)\s*-->\n(`{3,})([^\n]*)\n)(?:[\s\S]*?\n)??\3\n/g, (_all, head: string, path: string, fence: string) => {
    const content = readFileSync(join(ROOT, path), 'utf8').replace(/\n+$/, '');
    return `${head}${content}\n${fence}\n`;
  });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const file of docFiles()) {
    const path = join(ROOT, file);
    const text = readFileSync(path, 'utf8');
    const synced = syncIncludes(text);
    if (synced !== text) {
      writeFileSync(path, synced);
      process.stdout.write(`updated ${relative(ROOT, path)}\n`);
    }
  }
}
