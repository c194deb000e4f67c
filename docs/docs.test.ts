// Static checks of the docs: generated pages up to date, quoted files in step, YAML pieces
// really part of their file, links and anchors resolve, the CLI reference covers every
// option `--help` shows, and typedoc builds. Running the code is in examples.test.ts and
// commands.test.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '@stibium/cli';
import { scenarioJsonSchema } from '@stibium/scenario';
import { renderOutcomesPage } from './gen-outcomes.ts';
import { ROOT, blocksOf, docFiles, syncIncludes, type CodeBlock } from './markdown.ts';

// The YAML parser the scenario package uses (eemeli/yaml); the root has no copy of its own.
const { parse } = createRequire(join(ROOT, 'packages/scenario/package.json'))('yaml') as { parse(text: string): unknown };
type Command = ReturnType<typeof buildProgram>;

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const allBlocks = (): CodeBlock[] => docFiles().flatMap(blocksOf);

describe('generated pages', () => {
  it('docs/outcomes.md is what docs/gen-outcomes.ts generates from OUTCOME_CATALOGUE', () => {
    // When this fails: pnpm tsx docs/gen-outcomes.ts
    expect(read('docs/outcomes.md')).toBe(renderOutcomesPage());
  });

  it('docs/scenario.schema.json (the $schema of scenarios/*.yaml) is the current scenario schema', () => {
    // When this fails: pnpm stibium schema > docs/scenario.schema.json
    expect(read('docs/scenario.schema.json')).toBe(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  });
});

describe('code blocks', () => {
  it('every block that quotes a file is the file, verbatim', () => {
    // When this fails: pnpm tsx docs/markdown.ts
    for (const file of docFiles()) expect(syncIncludes(read(file)), file).toBe(read(file));
  });

  it('every example program is quoted in the docs, so none is orphaned', () => {
    const quoted = new Set(allBlocks().flatMap((b) => (b.marker?.kind === 'include' ? [b.marker.path] : [])));
    const examples = readdirSync(join(ROOT, 'docs/examples')).filter((f) => f.endsWith('.ts'));
    expect(examples.length).toBeGreaterThan(5);
    for (const f of examples) expect(quoted.has(`docs/examples/${f}`), `docs/examples/${f} is not quoted`).toBe(true);
  });

  it('every YAML block parses, and a block marked part-of is contained in its file', () => {
    const yamlBlocks = allBlocks().filter((b) => b.lang === 'yaml');
    expect(yamlBlocks.length).toBeGreaterThan(3);
    for (const block of yamlBlocks) {
      const where = `${block.file}:${block.line}`;
      const value: unknown = parse(block.body);
      if (block.marker?.kind !== 'part-of') continue;
      const whole: unknown = parse(read(block.marker.path));
      expect(containedIn(value, whole), `${where} is not part of ${block.marker.path}`).toBe(true);
    }
  });

  it('blocks are tagged with a language, and illustrative fragments are rare', () => {
    const blocks = allBlocks().filter((b) => b.file !== 'docs/model.md');
    for (const b of blocks) expect(b.lang, `${b.file}:${b.line} has no language tag`).not.toBe('');
    expect(blocks.filter((b) => b.flags.includes('fragment')).length).toBeLessThanOrEqual(1);
  });
});

describe('links', () => {
  it('relative links point at files that exist, and #anchors at headings that exist', () => {
    for (const file of docFiles()) {
      const text = read(file).replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (target === undefined || /^[a-z]+:/.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const full = path === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), path);
        expect(existsSync(full), `${file}: ${target}`).toBe(true);
        if (anchor !== undefined && full.endsWith('.md')) {
          expect(headingSlugs(readFileSync(full, 'utf8')), `${file}: ${target}`).toContain(anchor);
        }
      }
    }
  });
});

describe('CLI reference (docs/cli.md)', () => {
  const cli = read('docs/cli.md');
  const program = buildProgram(() => undefined);

  it('has a section for every command, with its usage line', () => {
    for (const command of program.commands) {
      const section = sectionOf(cli, command.name());
      expect(section, `no "## stibium ${command.name()}" section`).not.toBe('');
      expect(section).toContain(`stibium ${command.name()} ${command.usage()}`.trim());
    }
  });

  it('documents every option that --help shows, in the section of its command', () => {
    for (const command of program.commands) {
      const section = sectionOf(cli, command.name());
      for (const flag of optionFlags(command)) {
        expect(section, `stibium ${command.name()} ${flag}`).toMatch(new RegExp(`\`[^\`\n]*${flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`));
      }
    }
  });

  it('names every exit code and environment variable the CLI uses', () => {
    for (const code of ['0', '1', '2', '130']) expect(cli).toMatch(new RegExp(`\\| ${code} \\|`));
    const used = new Set<string>();
    for (const dir of ['packages/cli/src', 'packages/cli/src/commands']) {
      for (const f of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.ts'))) {
        for (const [, name] of read(`${dir}/${f}`).matchAll(/process\.env\[?['".]?([A-Z_]+)/g)) if (name !== undefined) used.add(name);
      }
    }
    expect(used.has('STIBIUM_DEBUG')).toBe(true);
    for (const name of used) expect(cli, name).toContain(`\`${name}\``);
  });
});

describe('API reference', () => {
  it('typedoc builds the reference of every package without errors', () => {
    // --emit none: convert and validate only (pnpm docs:api writes docs/api/).
    const out = execFileSync(join(ROOT, 'node_modules/.bin/typedoc'), ['--emit', 'none', '--logLevel', 'Error'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).not.toMatch(/\[error\]/i);
  }, 120_000);
});

/** Whether `part` is contained in `whole`: equal scalars, objects key by key, lists as in-order sub-lists (or part of a `$append`). */
function containedIn(part: unknown, whole: unknown): boolean {
  if (part === null || typeof part !== 'object') return part === whole;
  if (Array.isArray(part)) {
    const list = Array.isArray(whole) ? whole : whole !== null && typeof whole === 'object' ? (whole as Record<string, unknown>)['$append'] : undefined;
    if (!Array.isArray(list)) return false;
    let at = 0;
    for (const item of part) {
      while (at < list.length && !containedIn(item, list[at])) at++;
      if (at++ >= list.length) return false;
    }
    return true;
  }
  if (whole === null || typeof whole !== 'object' || Array.isArray(whole)) return false;
  return Object.entries(part as Record<string, unknown>).every(([k, v]) => containedIn(v, (whole as Record<string, unknown>)[k]));
}

/** GitHub's heading anchors of a Markdown text. */
function headingSlugs(text: string): string[] {
  const slugs: string[] = [];
  for (const [, heading] of text.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const base = (heading ?? '').trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = slugs.filter((s) => s === base || s.startsWith(`${base}-`)).length;
    slugs.push(n === 0 ? base : `${base}-${n}`);
  }
  return slugs;
}

/** The text of the `## stibium <name>` section of docs/cli.md ('' if none). */
function sectionOf(text: string, name: string): string {
  const start = text.search(new RegExp(`^## \`?stibium ${name}\\b`, 'm'));
  if (start < 0) return '';
  const next = text.slice(start + 3).search(/^## /m);
  return next < 0 ? text.slice(start) : text.slice(start, start + 3 + next);
}

/** Long flags (and short ones without a long form) a command's --help lists. */
function optionFlags(command: Command): string[] {
  const help = command.createHelp();
  return help.visibleOptions(command).map((o) => o.long ?? o.short ?? o.flags);
}
