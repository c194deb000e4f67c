/**
 * Sane bounds for scenario files. They exist so a typo (an extra zero block, a pasted
 * log file) fails fast with a clear message instead of exhausting memory or time.
 */

/** Largest scenario file read, in bytes; checked with `stat` before reading. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Most YAML aliases resolved per document (defeats "billion laughs" alias bombs). */
export const MAX_ALIAS_COUNT = 100;

/** Largest magnitude any number may have: 1e12 covers world tonnages and capex in USD. */
export const MAX_MAGNITUDE = 1e12;

/** Most Monte Carlo runs one scenario may ask for. */
export const MAX_RUNS = 1_000_000;

/** Longest horizon, in years. */
export const MAX_HORIZON_YEARS = 200;

/** Deepest `extends` chain. */
export const MAX_EXTENDS_DEPTH = 16;

/** Most samples in an empirical distribution, values in a discrete one, or list items generally. */
export const MAX_LIST_LENGTH = 100_000;

/** Deepest nesting of mappings and lists; real scenarios stay under ten. */
export const MAX_NESTING_DEPTH = 64;
