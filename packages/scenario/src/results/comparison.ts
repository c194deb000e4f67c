import { BLOCK_CACHE, BoundedCache, layoutOf, type Block } from './layout.ts';
import type { PackedOutput } from './packed.ts';
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

// The periods of a policy block that the baseline block of the same outcome also has (as
// row offsets in each), and the moments of each pair, made when a pair first has two finite
// values (so cells appear in the result exactly when they have a pair).
interface Pairs {
  readonly policy: Int32Array;
  readonly baseline: Int32Array;
  readonly moments: (Moments | undefined)[];
}

/**
 * Accumulates paired differences between every policy case and the baseline, run by run.
 * Outcome/period cells present in only one of the two are left out.
 */
export class ComparisonAccumulator {
  readonly #baseline: string;
  readonly #cells = new Map<string, Map<string, Map<string, Moments>>>();
  // Per policy scenario, policy block and baseline block.
  readonly #pairs = new BoundedCache<string, BoundedCache<Block, Map<Block, Pairs>>>(BLOCK_CACHE);

  constructor(baseline: string) {
    this.#baseline = baseline;
  }

  /** Adds the outputs of one run index (all cases). */
  add(group: { readonly outputs: readonly PackedOutput[] }): void {
    const base = group.outputs.find((o) => o.scenario === this.#baseline);
    if (base === undefined) return;
    const baseLayout = layoutOf(base.layout);
    for (const output of group.outputs) {
      if (output.scenario === this.#baseline) continue;
      const policy = output.scenario;
      let outcomes = this.#cells.get(policy);
      if (outcomes === undefined) this.#cells.set(policy, (outcomes = new Map()));
      const byBlock = this.#pairs.get(policy, () => new BoundedCache(BLOCK_CACHE));
      const layout = layoutOf(output.layout);
      for (const [k, block] of layout.blocks.entries()) {
        const baseIndex = baseLayout.blockIndex(block.outcome);
        if (baseIndex < 0) continue;
        const baseBlock = baseLayout.blocks[baseIndex] as Block;
        const byBase = byBlock.get(block, () => new Map());
        let pairs = byBase.get(baseBlock);
        if (pairs === undefined) byBase.set(baseBlock, (pairs = pairsOf(block, baseBlock)));
        const p0 = layout.starts[k] as number;
        const b0 = baseLayout.starts[baseIndex] as number;
        for (let j = 0; j < pairs.policy.length; j++) {
          const p = output.values[p0 + (pairs.policy[j] as number)] as number;
          const b = base.values[b0 + (pairs.baseline[j] as number)] as number;
          if (!Number.isFinite(p) || !Number.isFinite(b)) continue;
          let m = pairs.moments[j];
          if (m === undefined) m = pairs.moments[j] = momentsOf(outcomes, block.outcome, block.periods[pairs.policy[j] as number] as string);
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

function pairsOf(block: Block, baseBlock: Block): Pairs {
  const baseRows = new Map(baseBlock.periods.map((period, j) => [period, j]));
  const policy: number[] = [];
  const baseline: number[] = [];
  for (const [j, period] of block.periods.entries()) {
    const b = baseRows.get(period);
    if (b === undefined) continue;
    policy.push(j);
    baseline.push(b);
  }
  return { policy: Int32Array.from(policy), baseline: Int32Array.from(baseline), moments: new Array<Moments | undefined>(policy.length) };
}

// The moments of one cell, shared by every layout pair that has it.
function momentsOf(outcomes: Map<string, Map<string, Moments>>, outcome: string, period: string): Moments {
  let cells = outcomes.get(outcome);
  if (cells === undefined) outcomes.set(outcome, (cells = new Map()));
  let m = cells.get(period);
  if (m === undefined) cells.set(period, (m = new Moments()));
  return m;
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
