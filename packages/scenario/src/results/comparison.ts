import type { RunGroup } from '../experiment/types.ts';
import { byCodePoint } from './rows.ts';
import { studentTQuantile } from './stats.ts';

/** Policy minus baseline for one outcome and period, paired by run. */
export interface PairedDifference {
  /** Runs where both scenarios have a finite value. */
  readonly n: number;
  readonly meanDifference: number;
  /** Sample sd of the paired differences; null below two pairs. */
  readonly sd: number | null;
  /** 95% confidence interval of the mean difference (t quantile, n - 1 df); null below two pairs. */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly baselineMean: number;
  readonly policyMean: number;
}

/** `comparison.json`. */
export interface Comparison {
  readonly baseline: string;
  readonly confidence: 0.95;
  readonly method: string;
  /** policy scenario -> outcome -> period -> difference. */
  readonly differences: Record<string, Record<string, Record<string, PairedDifference>>>;
}

/** How comparisons are computed, written into `comparison.json`. */
export const COMPARISON_METHOD =
  'paired by run on common random numbers: d_i = policy_i - baseline_i; mean and sample sd of d; 95% CI = mean +/- t(0.975, n-1) * sd / sqrt(n)';

// Running moments updated in run order (Welford), so no per-run storage is needed.
class Moments {
  n = 0;
  mean = 0;
  m2 = 0;
  baseline = 0;
  policy = 0;

  add(policy: number, baseline: number): void {
    const d = policy - baseline;
    this.n++;
    const delta = d - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (d - this.mean);
    this.baseline += baseline;
    this.policy += policy;
  }
}

/**
 * Accumulates paired differences between every policy case and the baseline, run by run.
 * Outcome/period cells present in only one of the two are left out.
 */
export class ComparisonAccumulator {
  readonly #baseline: string;
  readonly #cells = new Map<string, Map<string, Map<string, Moments>>>();

  constructor(baseline: string) {
    this.#baseline = baseline;
  }

  /** Adds the outputs of one run index (all cases). */
  add(group: RunGroup): void {
    const base = group.outputs.find((o) => o.scenario === this.#baseline);
    if (base === undefined) return;
    for (const output of group.outputs) {
      if (output.scenario === this.#baseline) continue;
      let outcomes = this.#cells.get(output.scenario);
      if (outcomes === undefined) this.#cells.set(output.scenario, (outcomes = new Map()));
      for (const outcome of Object.keys(output.outcomes).sort(byCodePoint)) {
        const basePeriods = base.outcomes[outcome];
        if (basePeriods === undefined) continue;
        const periods = output.outcomes[outcome] as Record<string, number>;
        for (const period of Object.keys(periods).sort(byCodePoint)) {
          const p = periods[period] as number;
          const b = basePeriods[period];
          if (b === undefined || !Number.isFinite(p) || !Number.isFinite(b)) continue;
          let cells = outcomes.get(outcome);
          if (cells === undefined) outcomes.set(outcome, (cells = new Map()));
          let m = cells.get(period);
          if (m === undefined) cells.set(period, (m = new Moments()));
          m.add(p, b);
        }
      }
    }
  }

  /** The comparison so far. */
  result(): Comparison {
    const differences: Comparison['differences'] = {};
    for (const [policy, outcomes] of this.#cells) {
      const byOutcome: Record<string, Record<string, PairedDifference>> = (differences[policy] = {});
      for (const [outcome, periods] of outcomes) {
        const byPeriod: Record<string, PairedDifference> = (byOutcome[outcome] = {});
        for (const [period, m] of periods) byPeriod[period] = finish(m);
      }
    }
    return { baseline: this.#baseline, confidence: 0.95, method: COMPARISON_METHOD, differences };
  }
}

function finish(m: Moments): PairedDifference {
  const sd = m.n >= 2 ? Math.sqrt(m.m2 / (m.n - 1)) : null;
  const half = sd === null ? null : (studentTQuantile(0.975, m.n - 1) * sd) / Math.sqrt(m.n);
  return {
    n: m.n,
    meanDifference: m.mean,
    sd,
    ciLow: half === null ? null : m.mean - half,
    ciHigh: half === null ? null : m.mean + half,
    baselineMean: m.baseline / m.n,
    policyMean: m.policy / m.n,
  };
}

/** `comparison.csv`: one line per policy, outcome and period. */
export function comparisonCsv(comparison: Comparison, field: (text: string) => string): string {
  const num = (v: number | null): string => (v === null || !Number.isFinite(v) ? '' : String(v));
  let out = 'policy,baseline,outcome,period,n,mean_difference,sd,ci_low,ci_high,baseline_mean,policy_mean\n';
  for (const policy of Object.keys(comparison.differences).sort(byCodePoint)) {
    const outcomes = comparison.differences[policy] as Record<string, Record<string, PairedDifference>>;
    for (const outcome of Object.keys(outcomes).sort(byCodePoint)) {
      const periods = outcomes[outcome] as Record<string, PairedDifference>;
      for (const period of Object.keys(periods).sort(byCodePoint)) {
        const d = periods[period] as PairedDifference;
        out += `${field(policy)},${field(comparison.baseline)},${field(outcome)},${field(period)},${d.n},${num(d.meanDifference)},${num(d.sd)},${num(d.ciLow)},${num(d.ciHigh)},${num(d.baselineMean)},${num(d.policyMean)}\n`;
      }
    }
  }
  return out;
}
