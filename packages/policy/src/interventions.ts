import { z } from 'zod';

/**
 * The scenario-facing vocabulary of interventions: typed, timed, validated with zod.
 * Quantities are tonnes of contained antimony (t Sb) unless a field name says otherwise;
 * money is USD; shares and rates are fractions in [0, 1]. Dates are calendar strings
 * ('YYYY-MM' or 'YYYY-MM-DD'); the compiler turns them into model months.
 */

/** A calendar date as a scenario writes it: 'YYYY-MM' (first day of month) or 'YYYY-MM-DD'. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "expected a date 'YYYY-MM' or 'YYYY-MM-DD'");

/** ISO 3166 alpha-3 country code, upper case (e.g. 'PAK', 'USA', 'CHN'). */
export const countrySchema = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 3166 alpha-3 country code such as 'PAK'");

const share = z.number().min(0).max(1);
const nonNegative = z.number().nonnegative();
const positive = z.number().positive();
const months = z.number().int().nonnegative();

/** Processing stages an intervention can build. */
export const PROCESSING_STAGES = ['concentrator', 'roaster', 'smelter', 'trioxide'] as const;
/** Product forms that export controls and earnings distinguish. */
export const PRODUCT_FORMS = ['ore', 'concentrate', 'metal', 'oxide'] as const;
/** Market ids of the price-forming markets. */
export const MARKET_IDS = ['chinaDomestic', 'exChina', 'us'] as const;

const productForm = z.enum(PRODUCT_FORMS);
/** A destination: an ISO3 country, a market id, or '*' for everyone. */
const destination = z.union([countrySchema, z.enum(MARKET_IDS), z.literal('*')]);

/** Fields every intervention body shares (besides `type` and `at`). */
const common = {
  /** Free text shown in reports and logs. */
  note: z.string().optional(),
};

const bodies = {
  buildRefinery: z.object({
    type: z.literal('buildRefinery'),
    ...common,
    /** Facility id, unique in the world (e.g. 'pk-roaster-1'). */
    id: z.string().min(1),
    country: countrySchema,
    stage: z.enum(PROCESSING_STAGES),
    /** Nameplate capacity in t Sb contained per year. */
    capacityTonnesPerYear: positive,
    capexUsd: nonNegative,
    /** Months from decision (`at`) to first output. */
    leadTimeMonths: months,
    /** Months from first output to nameplate (linear ramp). */
    rampUpMonths: months,
    /** Fraction of contained Sb in feed that reaches the product. */
    recovery: z.number().gt(0).max(1),
    operatingCostUsdPerTonne: nonNegative,
    /** 'domestic': processes only the country's own feed (no imported concentrate). Default 'any'. */
    feedSources: z.enum(['domestic', 'any']).optional(),
  }),
  openExportTerminal: z.object({
    type: z.literal('openExportTerminal'),
    ...common,
    /** Terminal (route) id, unique in the world. */
    id: z.string().min(1),
    country: countrySchema,
    /** Route capacity in t Sb per year. */
    throughputTonnesPerYear: positive,
    freightUsdPerTonne: nonNegative,
    transitDays: nonNegative,
    capexUsd: nonNegative,
    leadTimeMonths: months,
    /** Markets or countries served; default every market except China domestic. */
    destinations: z.array(destination).min(1).optional(),
  }),
  certification: z.object({
    type: z.literal('certification'),
    ...common,
    country: countrySchema,
    /** Share of the country's exported volume certified at `at`. */
    coverageStart: share,
    /** Share certified after `rampMonths`. */
    coverageEnd: share,
    rampMonths: months,
    /** Probability that Afghan-origin material in certified flows is detected and excluded. */
    detectionRate: share,
    /** Whether certified material counts as eligible for US (defense) procurement. */
    usProcurementEligible: z.boolean(),
    /** Price premium on certified material, as a share of the market price. */
    premiumShare: share,
    /** Cost of certification per t Sb certified. */
    costUsdPerTonne: nonNegative.optional(),
  }),
  exportControl: z.object({
    type: z.literal('exportControl'),
    ...common,
    /** Exporting country applying the control. */
    country: countrySchema,
    kind: z.enum(['licensing', 'ban', 'suspension', 'quota', 'lift']),
    destinations: z.array(destination).min(1),
    /** Product forms covered; default all. */
    products: z.array(productForm).min(1).optional(),
    /** For 'licensing': mean months a licence takes. */
    licensingDelayMonths: nonNegative.optional(),
    /** For 'licensing': share of pre-control export flow that licensing lets through at steady state. */
    approvalShare: share.optional(),
    /** For 'quota': t Sb per year allowed. */
    quotaTonnesPerYear: nonNegative.optional(),
    /** End of the measure (exclusive); for 'suspension', when the suspended ban resumes. */
    until: dateSchema.optional(),
  }),
  tariff: z.object({
    type: z.literal('tariff'),
    ...common,
    importer: countrySchema,
    exporter: z.union([countrySchema, z.literal('*')]),
    /** Ad valorem rate, e.g. 0.25 for 25%. */
    rate: z.number().min(0).max(10),
    until: dateSchema.optional(),
  }),
  stockpile: z.object({
    type: z.literal('stockpile'),
    ...common,
    country: countrySchema,
    action: z.enum(['buy', 'release']),
    tonnes: positive,
    overMonths: z.number().int().positive(),
  }),
  offtake: z.object({
    type: z.literal('offtake'),
    ...common,
    id: z.string().min(1).optional(),
    /** Selling country (ISO3). */
    seller: countrySchema,
    /** Buying country (ISO3). */
    buyer: countrySchema,
    tonnesPerYear: positive,
    years: z.number().positive(),
    priceFormula: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('fixed'), usdPerTonne: positive }),
      z.object({
        kind: z.literal('indexed'),
        market: z.enum(MARKET_IDS),
        /** Multiplier on the index price (payable), e.g. 0.7 for concentrate. */
        factor: z.number().positive(),
        premiumUsdPerTonne: z.number().optional(),
      }),
    ]),
    floorUsdPerTonne: nonNegative.optional(),
    ceilingUsdPerTonne: positive.optional(),
  }),
  supplyShift: z.object({
    type: z.literal('supplyShift'),
    ...common,
    /** Country or region whose mine supply shifts. */
    country: countrySchema.optional(),
    region: z.string().min(1).optional(),
    kind: z.enum(['growth', 'disruption']),
    /** Absolute change in mine capacity, t Sb/yr. */
    tonnesPerYear: nonNegative.optional(),
    /** Relative change in mine capacity, share of current capacity. */
    share: share.optional(),
    rampMonths: months,
    /** Absent: permanent. */
    durationMonths: z.number().int().positive().optional(),
  }),
  mineDisruption: z.object({
    type: z.literal('mineDisruption'),
    ...common,
    /** Probability per country-year that a disruption starts. */
    annualProbability: share,
    meanDurationMonths: positive,
    /** Share of mine output lost while disrupted. */
    severity: share,
    /** Default: every mining country. */
    countries: z.array(countrySchema).min(1).optional(),
    /** End of the risk regime. */
    until: dateSchema.optional(),
  }),
} as const;

type Bodies = typeof bodies;
type Kind = keyof Bodies;

/** The intervention kinds, in documentation order. */
export const INTERVENTION_TYPES = Object.keys(bodies) as readonly Kind[];

function timed<K extends Kind>(kind: K) {
  return bodies[kind].extend({ at: dateSchema });
}

/** One timed intervention, validated; a discriminated union on `type`. */
export const interventionSchema = z.discriminatedUnion('type', [
  timed('buildRefinery'),
  timed('openExportTerminal'),
  timed('certification'),
  timed('exportControl'),
  timed('tariff'),
  timed('stockpile'),
  timed('offtake'),
  timed('supplyShift'),
  timed('mineDisruption'),
]);

/** A validated, timed intervention. */
export type Intervention = z.infer<typeof interventionSchema>;
/** The intervention of one kind, e.g. `InterventionOf<'tariff'>`. */
export type InterventionOf<K extends Intervention['type']> = Extract<Intervention, { type: K }>;
/** Intervention kind names. */
export type InterventionType = Intervention['type'];

/** An intervention a rule fires: `at` is optional and ignored (the rule fires it now). */
export const ruleActionSchema = z.discriminatedUnion('type', [
  bodies.buildRefinery.extend({ at: dateSchema.optional() }),
  bodies.openExportTerminal.extend({ at: dateSchema.optional() }),
  bodies.certification.extend({ at: dateSchema.optional() }),
  bodies.exportControl.extend({ at: dateSchema.optional() }),
  bodies.tariff.extend({ at: dateSchema.optional() }),
  bodies.stockpile.extend({ at: dateSchema.optional() }),
  bodies.offtake.extend({ at: dateSchema.optional() }),
  bodies.supplyShift.extend({ at: dateSchema.optional() }),
  bodies.mineDisruption.extend({ at: dateSchema.optional() }),
]);

/** What a rule fires. */
export type RuleAction = z.infer<typeof ruleActionSchema>;

/** Monthly indicators an adaptive rule may watch (ids shared with the outcome catalogue). */
export const RULE_METRICS = [
  'price.us',
  'price.exChina',
  'price.chinaDomestic',
  'us.daysOfCover',
  'us.shortfall',
  'us.chinaLinkedShare',
] as const;

/** A watched metric: exactly one of `outcome` or `price` (shorthand for `price.<market>`). */
const conditionSchema = z
  .object({
    outcome: z.enum(RULE_METRICS).optional(),
    price: z.enum(['price.us', 'price.exChina', 'price.chinaDomestic']).optional(),
    above: z.number().optional(),
    below: z.number().optional(),
    /** Consecutive months the condition must hold before the rule fires. */
    forMonths: z.number().int().positive().default(1),
  })
  .refine((c) => (c.outcome === undefined) !== (c.price === undefined), {
    message: "give exactly one of 'outcome' or 'price'",
  })
  .refine((c) => c.above !== undefined || c.below !== undefined, { message: "give 'above' or 'below' (or both)" });

/**
 * An adaptive rule: when a monthly indicator stays above/below a threshold for N months,
 * fire an intervention (e.g. release the US stockpile when price.us > 55,000 for 3 months).
 */
export const adaptiveRuleSchema = z.object({
  id: z.string().min(1).optional(),
  when: conditionSchema,
  then: ruleActionSchema,
  /** Fire at most this many times (default 1). */
  maxFirings: z.number().int().positive().default(1),
  /** Months to wait after firing before the condition is counted again. */
  cooldownMonths: z.number().int().nonnegative().default(12),
  /** Rule inactive before this date. */
  from: dateSchema.optional(),
});

/** A validated adaptive rule (defaults applied). */
export type AdaptiveRule = z.infer<typeof adaptiveRuleSchema>;
/** An adaptive rule as written (defaults optional). */
export type AdaptiveRuleInput = z.input<typeof adaptiveRuleSchema>;
