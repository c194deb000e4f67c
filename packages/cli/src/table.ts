import Table from 'cli-table3';
import type { Comparison, PairedDifference, PeriodSummary, Summary } from '@stibium/scenario';

// No rule between rows: tables of many outcomes stay readable.
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** A number for the terminal: 3 significant digits, compact (12.3M); exact values are in the files. */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value !== 0 && Math.abs(value) < 0.01) return value.toExponential(2);
  return compact.format(value);
}

/** At most `max` periods to show: yearly ones when there are any, spread over the horizon. */
export function displayPeriods(periods: readonly string[], max = 5): string[] {
  const years = periods.filter((p) => /^\d{4}$/.test(p));
  const pool = years.length > 0 ? years : periods;
  if (pool.length <= max) return [...pool];
  const picked = new Set<number>();
  for (let i = 0; i < max; i++) picked.add(Math.round((i * (pool.length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => pool[i] as string);
}

/** Outcomes shown in the terminal by default: the headline ids of the design. */
export const HEADLINE_OUTCOMES = [
  'pk.exportEarnings', 'pk.mineGateRevenue', 'pk.valueAddedCapture',
  'us.netImportReliance', 'us.importHhi', 'us.chinaLinkedShare', 'us.shortfall', 'us.defenseShortfall', 'us.daysOfCover',
  'price.exChina', 'price.chinaDomestic', 'price.us', 'world.mineHhi', 'world.refiningHhi',
];

/** A filter from comma-separated globs (`*` matches any run of characters); the headline ids when none. */
export function outcomeFilter(patterns: string | undefined): (id: string) => boolean {
  if (patterns === undefined) return (id) => HEADLINE_OUTCOMES.includes(id);
  const res = patterns.split(',').map((p) => new RegExp(`^${p.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`));
  return (id) => res.some((re) => re.test(id));
}

const sorted = (keys: Iterable<string>): string[] => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The summary as one table per scenario: outcome, period, mean, p5–p95. */
export function summaryTable(summary: Summary, show: (id: string) => boolean = () => true): string {
  const parts: string[] = [];
  for (const scenario of sorted(Object.keys(summary))) {
    const table = new Table({ head: ['outcome', 'period', 'mean', 'p5 – p95', 'n'], style: { head: [], border: [] }, chars: COMPACT });
    const outcomes = summary[scenario] as Record<string, Record<string, PeriodSummary>>;
    for (const outcome of sorted(Object.keys(outcomes).filter(show))) {
      const periods = outcomes[outcome] as Record<string, PeriodSummary>;
      for (const period of displayPeriods(sorted(Object.keys(periods)))) {
        const s = periods[period] as PeriodSummary;
        table.push([outcome, period, fmt(s.mean), `${fmt(s.p5)} – ${fmt(s.p95)}`, String(s.n)]);
      }
    }
    parts.push(`${scenario}\n${table.toString()}`);
  }
  return parts.join('\n\n');
}

/** The comparison as one table per policy: difference from the baseline with its 95% CI. */
export function comparisonTable(comparison: Comparison, show: (id: string) => boolean = () => true): string {
  const parts: string[] = [];
  for (const policy of sorted(Object.keys(comparison.differences))) {
    const table = new Table({ head: ['outcome', 'period', 'baseline', 'policy', 'difference', '95% CI', 'n'], style: { head: [], border: [] }, chars: COMPACT });
    const outcomes = comparison.differences[policy] as Record<string, Record<string, PairedDifference>>;
    for (const outcome of sorted(Object.keys(outcomes).filter(show))) {
      const periods = outcomes[outcome] as Record<string, PairedDifference>;
      for (const period of displayPeriods(sorted(Object.keys(periods)))) {
        const d = periods[period] as PairedDifference;
        const sign = d.meanDifference > 0 ? '+' : '';
        table.push([outcome, period, fmt(d.baselineMean), fmt(d.policyMean), `${sign}${fmt(d.meanDifference)}`, d.ciLow === null ? '–' : `${fmt(d.ciLow)} … ${fmt(d.ciHigh)}`, String(d.n)]);
      }
    }
    parts.push(`${policy} minus ${comparison.baseline}\n${table.toString()}`);
  }
  return parts.join('\n\n');
}

/** How many outcome ids of the summary the filter hides (for a hint under the tables). */
export function hiddenCount(summary: Summary, show: (id: string) => boolean): number {
  const ids = new Set<string>();
  for (const outcomes of Object.values(summary)) for (const id of Object.keys(outcomes)) ids.add(id);
  let hidden = 0;
  for (const id of ids) if (!show(id)) hidden++;
  return hidden;
}
