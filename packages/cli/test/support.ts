import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The workspace root (commands run from there, as `pnpm stibium` does). */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** Fixture scenarios for the fake model. */
export const FIXTURES = 'packages/scenario/test/experiment/fixtures';
// node with tsx's loader, not the tsx CLI: the CLI runs the program in a child process,
// and a signal sent to the wrapper would not reach the program itself.
const NODE_ARGS = ['--import', 'tsx', 'packages/cli/src/bin.ts'];
const ENV = { ...process.env, STIBIUM_MODEL_MODULE: join(ROOT, 'packages/scenario/test/experiment/support/fake-model.ts'), STIBIUM_DEBUG: '' };

/** Runs `stibium <args>` to completion. */
export function stibium(args: readonly string[], env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, env: { ...ENV, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `stibium <args>` in the background. */
export function start(args: readonly string[]): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((res) => child.on('exit', (code, signal) => res({ code, signal, stderr })));
  return { child, done };
}

/** Waits until the journal in `partial` holds at least `lines` runs (polls; no assertion on time). */
export async function waitForJournal(partial: string, lines: number): Promise<void> {
  const file = join(partial, 'runs.ndjson');
  for (let i = 0; i < 3600; i++) {
    if (existsSync(file) && readFileSync(file, 'utf8').split('\n').length - 1 >= lines) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the journal ${file} never reached ${lines} lines`);
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'stibium-cli-'));
}
