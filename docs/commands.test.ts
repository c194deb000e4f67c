// Runs the shell examples of the docs: every ```sh block whose first command is
// `pnpm stibium` or `pnpm tsx`, from the repository root. A block that reads a results
// folder an earlier block writes (`--out results/x`) runs after it; the others run side by
// side (a few at a time), since each command is mostly process start-up and model loading.
// `sh exit=N` expects exit code N; a following ```text output block lists lines the command
// must print. Results go to results/ (git-ignored).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, blocksOf, docFiles, type CodeBlock } from './markdown.ts';

interface Step {
  readonly block: CodeBlock;
  readonly exit: number;
  readonly expected: readonly string[];
  /** Indices of earlier steps whose output folder this one reads. */
  readonly after: readonly number[];
}

const RUNNABLE = /^pnpm (stibium|tsx)\b/;

function stepsOf(file: string): Step[] {
  const blocks = blocksOf(file);
  const steps: Step[] = [];
  blocks.forEach((block, i) => {
    const first = block.body.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (block.lang !== 'sh' || block.flags.includes('fragment') || first === undefined || !RUNNABLE.test(first.trim())) return;
    const exit = Number(/^exit=(\d+)$/.exec(block.flags.find((f) => f.startsWith('exit=')) ?? '')?.[1] ?? 0);
    const next = blocks[i + 1];
    const expected = next?.lang === 'text' && next.flags.includes('output') ? next.body.split('\n').map((l) => l.trim()).filter((l) => l !== '') : [];
    const after = steps.flatMap((earlier, j) => outputsOf(earlier.block.body).some((out) => readsFolder(block.body, out)) ? [j] : []);
    steps.push({ block, exit, expected, after });
  });
  return steps;
}

/** Results folders a block writes (`--out results/x`). */
function outputsOf(script: string): string[] {
  return [...script.matchAll(/--out\s+(results\/[\w.+-]+)/g)].map((m) => m[1] as string);
}

/** Whether a block uses folder `out` other than by writing it. */
function readsFolder(script: string, out: string): boolean {
  return script.replace(new RegExp(`--out\\s+${out.replace(/[.+]/g, '\\$&')}(?![\\w.+-])`, 'g'), '').split(/\s+/).some((word) => word === out || word.startsWith(`${out}/`));
}

// At most this many commands at once over all docs (the CI machine has two cores; each
// command loads the model, ~250 MB).
let free = 2;
const waiting: Array<() => void> = [];
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
  else free--;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else free++;
  }
}

function run(script: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

// eslint-disable-next-line no-control-regex
const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

const docs = docFiles()
  .map((file) => ({ file, steps: stepsOf(file) }))
  .filter((d) => d.steps.length > 0);

describe.concurrent('shell examples in the docs', () => {
  it('there are some', () => expect(docs.map((d) => d.file)).toEqual(expect.arrayContaining(['docs/cli.md', 'docs/tutorial.md'])));
  for (const { file, steps } of docs) {
    it(`${file}: ${steps.length} command block(s) run as documented`, async () => {
      mkdirSync(join(ROOT, 'results'), { recursive: true }); // some examples redirect into it
      const done: Array<Promise<void>> = [];
      for (const { block, exit, expected, after } of steps) {
        done.push(
          (async () => {
            await Promise.all(after.map((j) => done[j]));
            const { code, output } = await slot(() => run(block.body));
            const where = `${file}:${block.line}\n$ ${block.body}\n${plain(output).slice(-4000)}`;
            expect(code, where).toBe(exit);
            for (const line of expected) expect(plain(output).replace(/[ \t]+/g, ' '), where).toContain(line.replace(/[ \t]+/g, ' '));
          })(),
        );
      }
      await Promise.all(done);
    }, 600_000);
  }
});
