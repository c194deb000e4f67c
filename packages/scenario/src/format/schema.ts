import { z } from 'zod';
import { MAX_EXPRESSION_LENGTH } from '../expressions/whitelist.ts';
import { MAX_HORIZON_YEARS, MAX_LIST_LENGTH, MAX_RUNS } from './limits.ts';

/**
 * The zod schema of a scenario file as written (after `extends` is merged). It is the
 * source of the published JSON Schema, so every field carries a description.
 */

/** A number, or a string holding a mathjs expression over declared names. */
export const numberOrExpression = z
  .union([z.number(), z.string().min(1).max(MAX_EXPRESSION_LENGTH)])
  .describe('A number, or a mathjs expression over declared parameters, e.g. "baseCapacity * 1.2".');

const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month 'YYYY-MM'")
  .describe("A calendar month 'YYYY-MM'.");

const note = { description: z.string().max(10_000).optional().describe('Free text: what this is and why, with sources.') };

const horizonSchema = z
  .strictObject({
    start: month.describe("First simulated month, 'YYYY-MM' (inclusive)."),
    end: month.describe("Last simulated month, 'YYYY-MM' (inclusive)."),
  })
  .describe(`Simulated period, at most ${MAX_HORIZON_YEARS} years.`);

const parameterSchema = z
  .union([
    numberOrExpression,
    z.strictObject({
      value: numberOrExpression.describe('The value: a number or an expression over other parameters.'),
      unit: z.string().max(100).optional().describe('Unit, for readers (e.g. "t Sb/yr").'),
      ...note,
    }),
  ])
  .describe('A named number, usable in expressions: a number, an expression, or { value, unit, description }.');

const distributionCommon = {
  target: z
    .string()
    .min(1)
    .optional()
    .describe('Dotted path of a world parameter the sampled value overrides in each run (same paths as `overrides`).'),
  unit: z.string().max(100).optional().describe('Unit of the sampled value, for readers.'),
  ...note,
};

const numberList = z.array(numberOrExpression).max(MAX_LIST_LENGTH);

const distributionSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('uniform'), min: numberOrExpression, max: numberOrExpression, ...distributionCommon }).describe('Uniform on [min, max].'),
    z
      .strictObject({ type: z.literal('triangular'), min: numberOrExpression, mode: numberOrExpression, max: numberOrExpression, ...distributionCommon })
      .describe('Triangular with min <= mode <= max.'),
    z
      .strictObject({
        type: z.literal('normal'),
        mean: numberOrExpression,
        sd: numberOrExpression.describe('Standard deviation, > 0.'),
        truncate: z
          .strictObject({ min: numberOrExpression.optional(), max: numberOrExpression.optional() })
          .optional()
          .describe('Truncation bounds (sampled by inverse CDF, so no rejection loop).'),
        ...distributionCommon,
      })
      .describe('Normal, optionally truncated.'),
    z
      .strictObject({
        type: z.literal('lognormal'),
        mu: numberOrExpression.optional().describe('Mean of log(x). Give mu and sigma, or median and gsd.'),
        sigma: numberOrExpression.optional().describe('Standard deviation of log(x), > 0.'),
        median: numberOrExpression.optional().describe('Median of x, > 0 (= exp(mu)).'),
        gsd: numberOrExpression.optional().describe('Geometric standard deviation, > 1 (= exp(sigma)).'),
        ...distributionCommon,
      })
      .describe('Lognormal, by {mu, sigma} or by {median, gsd}.'),
    z
      .strictObject({
        type: z.literal('discrete'),
        values: numberList.min(1).describe('The possible values.'),
        weights: numberList.optional().describe('Relative weights (>= 0, same length as values); default equal.'),
        ...distributionCommon,
      })
      .describe('A finite set of values with weights.'),
    z
      .strictObject({
        type: z.literal('empirical'),
        samples: numberList.min(2).describe('Observed values; sampled by their empirical quantiles (linear interpolation).'),
        ...distributionCommon,
      })
      .describe('The empirical distribution of observed samples.'),
  ])
  .describe('A probability distribution for one uncertain quantity.');

const correlationsSchema = z
  .union([
    z
      .array(
        z.strictObject({
          between: z.tuple([z.string(), z.string()]).describe('Two uncertainty names.'),
          rho: z.number().min(-1).max(1).describe('Spearman rank correlation in [-1, 1].'),
        }),
      )
      .describe('Pairs of uncertainties and their rank correlation; unlisted pairs are uncorrelated.'),
    z
      .strictObject({
        variables: z.array(z.string()).min(2).describe('Uncertainty names, in matrix order.'),
        matrix: z.array(z.array(z.number().min(-1).max(1))).describe('Symmetric rank correlation matrix with unit diagonal.'),
      })
      .describe('A full rank correlation matrix.'),
  ])
  .describe('Rank (Spearman) correlations between uncertainties, induced by Iman-Conover.');

const leverValue = z.union([z.number(), z.string(), z.boolean()]);
const leverSchema = z
  .union([
    leverValue,
    z.array(leverValue).max(1000),
    z.strictObject({
      value: z.union([leverValue, z.array(leverValue).max(1000)]).describe('The chosen option.'),
      options: z.array(leverValue).max(1000).optional().describe('The options this lever may take; value must be one of them.'),
      ...note,
    }),
  ])
  .describe('A named policy choice: a value, a list, or { value, options, description }.');

/**
 * `if` on an event or rule entry: the entry is kept only when every named lever has one
 * of the given values. Checked by the loader (not by the policy package's schemas).
 */
export const entryIfSchema = z
  .record(z.string(), z.union([leverValue, z.array(leverValue).min(1).max(1000)]))
  .describe('Keep this entry only when every named lever has the given value (or one of the listed values; a list-valued lever must hold one of them), e.g. { refinery: build }.');

/** Fields that a variant may set (everything but `extends` and `variants`). */
export const scenarioFields = {
  $schema: z.string().optional().describe('Optional URL or path of this JSON Schema, for editors.'),
  name: z.string().min(1).max(200).describe('Scenario name, used in results and reports.'),
  ...note,
  horizon: horizonSchema,
  timeStep: z.literal('month').optional().describe("Simulation time step; only 'month' is supported (the default)."),
  vintage: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a data vintage id such as "mcs2025"')
    .describe('Data vintage id of the calibration (e.g. "mcs2025"), recorded in the results manifest.'),
  parameters: z.record(z.string(), parameterSchema).optional().describe('Declared named numbers; expressions may use them.'),
  overrides: z
    .record(z.string(), numberOrExpression)
    .optional()
    .describe('World parameters to change: dotted path -> number or expression (over parameters and uncertainties).'),
  uncertainties: z.record(z.string(), distributionSchema).optional().describe('Uncertain quantities, sampled per run; expressions in overrides may use them.'),
  correlations: correlationsSchema.optional(),
  levers: z.record(z.string(), leverSchema).optional().describe('Named policy choices, recorded with results and read by the policy layer.'),
  events: z.array(z.unknown()).max(10_000).optional().describe('Timed interventions (see @stibium/policy), applied in date order.'),
  rules: z.array(z.unknown()).max(1_000).optional().describe('Adaptive rules: when an indicator crosses a threshold, fire an intervention.'),
  runs: z.number().int().min(1).max(MAX_RUNS).optional().describe(`Monte Carlo runs (1 to ${MAX_RUNS}); default 1.`),
  seed: z
    .union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(200)])
    .optional()
    .describe('Experiment seed; every run and stream seed derives from it. Default 0.'),
  outcomes: z
    .array(z.string().regex(/^[A-Za-z0-9_.*-]+$/, 'expected an outcome id or glob such as "pk.*"'))
    .max(10_000)
    .optional()
    .describe('Outcome ids or globs (`*` matches any characters) to report; default all.'),
};

const extendsSchema = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1).max(16)])
  .describe('Base scenario file(s), relative to this file; merged left to right, then this file on top.');

/** The scenario after merging `extends` (and, per variant, the variant): what gets validated. */
export const scenarioSchema = z.strictObject({
  ...scenarioFields,
  variants: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .optional()
    .describe('Named sub-scenarios deep-merged onto this one (e.g. growth, disruption); each is run as its own scenario.'),
});

/** A scenario file as written: like {@link scenarioSchema} plus `extends`, every field optional. */
export const scenarioFileSchema = scenarioSchema.partial().extend({ extends: extendsSchema.optional() });

/** What a merged variant is validated against: a full scenario without `variants`. */
export const variantScenarioSchema = z.strictObject(scenarioFields);
