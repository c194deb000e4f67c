import { num, obj, str } from './json.ts';
import type { ComparisonData, DifferenceStats, PeriodStats, SummaryData } from './types.ts';

function nested<T>(value: unknown, leaf: (v: Readonly<Record<string, unknown>>) => T): Map<string, Map<string, Map<string, T>>> {
  const out = new Map<string, Map<string, Map<string, T>>>();
  for (const [a, byB] of Object.entries(obj(value) ?? {})) {
    const bs = new Map<string, Map<string, T>>();
    for (const [b, byC] of Object.entries(obj(byB) ?? {})) {
      const cs = new Map<string, T>();
      for (const [c, v] of Object.entries(obj(byC) ?? {})) {
        const o = obj(v);
        if (o !== null) cs.set(c, leaf(o));
      }
      bs.set(b, cs);
    }
    out.set(a, bs);
  }
  return out;
}

/** Parses `summary.json` (scenario -> outcome -> period -> stats); malformed leaves are skipped. */
export function parseSummary(value: unknown): SummaryData {
  return nested<PeriodStats>(value, (o) => ({
    mean: num(o['mean']),
    sd: num(o['sd']),
    p5: num(o['p5']),
    p25: num(o['p25']),
    p50: num(o['p50']),
    p75: num(o['p75']),
    p95: num(o['p95']),
    n: num(o['n']),
  }));
}

/** Parses `comparison.json`; null when it has no baseline (not a comparison file). */
export function parseComparison(value: unknown): ComparisonData | null {
  const o = obj(value);
  const baseline = str(o?.['baseline']);
  if (o === null || baseline === null) return null;
  return {
    baseline,
    confidence: num(o['confidence']),
    method: str(o['method']),
    differences: nested<DifferenceStats>(o['differences'], (d) => ({
      n: num(d['n']),
      meanDifference: num(d['meanDifference']),
      ciLow: num(d['ciLow']),
      ciHigh: num(d['ciHigh']),
      baselineMean: num(d['baselineMean']),
      policyMean: num(d['policyMean']),
    })),
  };
}
