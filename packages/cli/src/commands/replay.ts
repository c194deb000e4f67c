import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedEvent } from '@stibium/core';
import { RESULT_FILES, logFileName, readManifest, safeSegment, sqliteLogStore } from '@stibium/scenario';
import { usage } from '../errors.ts';
import { loadCliModel } from '../model.ts';
import { fmt } from '../table.ts';

/** Options of `stibium replay`. */
export interface ReplayOptions {
  readonly run?: string;
  readonly at?: string;
  readonly scenario?: string;
  readonly json?: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months from `start` ('YYYY-MM') to the end of month `at`: the model-time bound of a replay. */
export function endOfMonth(start: string, at: string): number {
  const a = MONTH.exec(start);
  const b = MONTH.exec(at);
  if (!a || !b) throw usage(`--at expects a month YYYY-MM, got "${at}"`);
  const months = (Number(b[1]) - Number(a[1])) * 12 + (Number(b[2]) - Number(a[2])) + 1;
  if (months < 1) throw usage(`--at ${at} is before the start of the horizon (${start})`);
  return months;
}

function locate(target: string, opts: ReplayOptions): { file: string; horizonStart: string | undefined } {
  if (!existsSync(target)) throw usage(`${target} does not exist`);
  if (statSync(target).isFile()) return { file: target, horizonStart: undefined };
  const manifest = readManifest(target);
  if (!manifest.experiment.keepLogs) throw usage(`${target} has no event logs: run the experiment with --keep-logs to keep them`);
  if (opts.run === undefined) throw usage('replay of a results folder needs --run N');
  const run = Number(opts.run);
  const { from, to } = manifest.experiment.runRange;
  if (!Number.isInteger(run) || run < from || run >= to) throw usage(`--run must be a run index in ${from}..${to - 1}, got "${opts.run}"`);
  const ids = manifest.scenarios.map((s) => s.id);
  const id = opts.scenario ?? (ids[0] as string);
  const scenario = manifest.scenarios.find((s) => s.id === id);
  if (scenario === undefined) throw usage(`--scenario ${id} is not in ${target}; it has: ${ids.join(', ')}`);
  const resolved = scenario.resolved as { horizon?: { start?: string } };
  return { file: join(target, RESULT_FILES.logs, safeSegment(id), logFileName(run)), horizonStart: resolved.horizon?.start };
}

/**
 * `stibium replay`: rebuilds the state and outcomes at the end of month `--at` from a
 * saved event log (a results folder with `--keep-logs`, or one `.sqlite` log).
 */
export async function replayCommand(target: string, opts: ReplayOptions): Promise<number> {
  if (opts.at === undefined) throw usage('replay needs --at YYYY-MM (the month to replay to)');
  const { file, horizonStart } = locate(target, opts);
  if (!existsSync(file)) throw usage(`no log at ${file}`);
  const store = sqliteLogStore().open(file);
  try {
    const start = horizonStart ?? (store.header.meta['horizonStart'] as string | undefined);
    if (start === undefined) throw usage(`${file} does not say when its horizon starts; replay it from its results folder`);
    const until = endOfMonth(start, opts.at);
    // Model time counts months from the horizon start; events at time < until belong to months up to --at.
    const entries: RecordedEvent[] = [...store.readLog({ until })].filter((e) => e.time < until);
    const { model } = await loadCliModel();
    const folded = model.replayOutcomes?.(entries, until - 1e-9);
    const counts: Record<string, number> = {};
    for (const e of entries) counts[e.type] = (counts[e.type] ?? 0) + 1;
    const outcomes = folded ? filterPeriods(folded.outcomes, opts.at) : null;
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ log: file, seed: store.header.seed, at: opts.at, events: entries.length, eventTypes: counts, state: folded?.state ?? null, outcomes })}\n`);
      return 0;
    }
    process.stdout.write(`${file}\nseed ${store.header.seed}; ${entries.length} events up to the end of ${opts.at}\n`);
    for (const type of Object.keys(counts).sort()) process.stdout.write(`  ${type}: ${counts[type]}\n`);
    if (folded === undefined) {
      process.stdout.write('(this model module has no replayOutcomes, so only the events are shown)\n');
      return 0;
    }
    process.stdout.write(`state: ${JSON.stringify(folded.state)}\noutcomes at ${opts.at}:\n`);
    for (const [outcome, periods] of Object.entries(outcomes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const keys = Object.keys(periods).sort();
      const last = keys[keys.length - 1];
      if (last !== undefined) process.stdout.write(`  ${outcome} ${last}: ${fmt(periods[last])}\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}

// Periods after --at are partial folds of the future: leave them out.
function filterPeriods(outcomes: Record<string, Record<string, number>>, at: string): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [id, periods] of Object.entries(outcomes)) {
    out[id] = Object.fromEntries(Object.entries(periods).filter(([p]) => p.slice(0, 4) <= at.slice(0, 4) && (p.length === 4 || p <= at)));
  }
  return out;
}
