const SIGNIFICANT = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A number for tables and labels: four significant digits with thousands separators; a dash when missing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value !== 0 && Math.abs(value) < 1e-4) return value.toExponential(3);
  return SIGNIFICANT.format(value);
}

/** A number with its unit for running text ("12.3 million USD/yr", "45%"). */
export function formatWithUnit(value: number | null, unit: string | null): string {
  if (value === null || !Number.isFinite(value)) return 'no value';
  if (unit === '0-1') return `${(value * 100).toFixed(1)}%`;
  const abs = Math.abs(value);
  const scaled = abs >= 1e9 ? `${formatNumber(value / 1e9)} billion` : abs >= 1e6 ? `${formatNumber(value / 1e6)} million` : formatNumber(value);
  // Range units ('0-10000') describe a scale, not a quantity: the number alone reads better.
  return unit === null || /^0-\d+$/.test(unit) ? scaled : `${scaled} ${unit}`;
}
