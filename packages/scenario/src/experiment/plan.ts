import { createHash } from 'node:crypto';
import { StibiumError, canonicalJson } from '@stibium/core';
import type { ResolvedScenario } from '../format/types.ts';
import type { ExperimentPlan } from './types.ts';

/** Checks a plan's consistency: unique case ids, a known baseline, a range inside the runs. */
export function checkPlan(plan: ExperimentPlan): void {
  if (plan.cases.length === 0) throw new StibiumError('USAGE', 'an experiment needs at least one scenario');
  const ids = new Set<string>();
  for (const c of plan.cases) {
    if (ids.has(c.id)) throw new StibiumError('USAGE', `the scenario "${c.id}" is given twice; each scenario (or variant) can appear once`);
    ids.add(c.id);
    if (c.variant !== undefined && c.scenario.variants[c.variant] === undefined) {
      const known = Object.keys(c.scenario.variants);
      throw new StibiumError('USAGE', `scenario "${c.scenario.name}" has no variant "${c.variant}"; ${known.length === 0 ? 'it defines none' : `it defines: ${known.join(', ')}`}`);
    }
  }
  if (plan.baseline !== null && !ids.has(plan.baseline)) throw new StibiumError('USAGE', `the baseline "${plan.baseline}" is not one of the scenarios run`);
  if (!(Number.isInteger(plan.runs) && plan.runs >= 1)) throw new StibiumError('USAGE', `runs must be a whole number >= 1, got ${plan.runs}`);
  const { from, to } = plan.range;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from < to && to <= plan.runs)) {
    throw new StibiumError('USAGE', `the run range ${from}:${to} must satisfy 0 <= a < b <= runs (${plan.runs})`);
  }
}

/**
 * A digest of everything that determines a plan's results (not the worker count), used
 * to refuse resuming or merging work that belongs to another experiment.
 */
export function planFingerprint(plan: ExperimentPlan, engine: unknown): string {
  const identity = {
    cases: plan.cases.map((c) => ({ id: c.id, variant: c.variant ?? null, scenario: c.scenario })),
    baseline: plan.baseline,
    runs: plan.runs,
    range: plan.range,
    seed: plan.seed,
    keepLogs: plan.keepLogs,
    engine,
  };
  return createHash('sha256').update(canonicalJson(identity)).digest('hex');
}

/** Parses `a:b` (half-open, 0-based run indices); throws USAGE with the reason otherwise. */
export function parseRunRange(text: string, runs: number): { from: number; to: number } {
  const m = /^(\d+):(\d+)$/.exec(text.trim());
  if (!m) throw new StibiumError('USAGE', `--run-range expects a:b with whole numbers (runs a to b-1), got "${text}"`);
  const from = Number(m[1]);
  const to = Number(m[2]);
  if (!(from < to)) throw new StibiumError('USAGE', `--run-range ${text}: a must be smaller than b`);
  if (to > runs) throw new StibiumError('USAGE', `--run-range ${text}: b must be at most the number of runs (${runs})`);
  return { from, to };
}

function withRuns(scenario: ResolvedScenario, runs: number): ResolvedScenario {
  if (scenario.runs === runs && Object.values(scenario.variants).every((v) => v.runs === runs)) return scenario;
  const variants = Object.fromEntries(Object.entries(scenario.variants).map(([name, v]) => [name, withRuns(v, runs)]));
  return { ...scenario, runs, variants };
}

/**
 * The plan with every scenario's (and variant's) `runs` set to the experiment's runs: a
 * model that samples uncertainties by run index over a design of `runs` points (Latin
 * hypercube) then draws from the experiment's design, whatever `--runs` says, and the
 * manifest's resolved configuration shows the runs actually made.
 */
export function normalizePlan(plan: ExperimentPlan): ExperimentPlan {
  return { ...plan, cases: plan.cases.map((c) => ({ ...c, scenario: withRuns(c.scenario, plan.runs) })) };
}
