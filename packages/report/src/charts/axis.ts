/** Vega-Lite axis label settings for a unit: percentages for shares, SI with B for money and tonnes. */
export function axisLabels(unit: string | null, difference = false): { format?: string; labelExpr?: string } {
  if (unit === '0-1') return { format: difference ? '+.1~%' : '.0%' };
  if (unit !== null && /USD|t Sb/.test(unit)) {
    return { labelExpr: `replace(format(datum.value, '${difference ? '+' : ''}~s'), 'G', 'B')` };
  }
  if (unit === '0-10000' || unit === 'days') return { format: difference ? '+,~r' : ',~r' };
  // Unknown unit: SI prefixes for large magnitudes, plain digits for small ones.
  const sign = difference ? '+' : '';
  return { labelExpr: `abs(datum.value) >= 10000 ? replace(format(datum.value, '${sign}~s'), 'G', 'B') : format(datum.value, '${sign},~r')` };
}

/** Axis title for a unit (the unit text, or nothing when unknown). */
export function unitTitle(unit: string | null, difference = false): string | null {
  const name = unit === '0-1' ? 'share' : unit === '0-10000' ? 'HHI (0-10000)' : unit;
  if (name === null) return difference ? 'difference' : null;
  return difference ? `difference (${name})` : name;
}

/** Number of facet columns for `n` panels: at most four side by side. */
export function facetColumns(n: number): number {
  return Math.max(1, Math.min(4, n));
}
