import { adaptiveRuleSchema, interventionSchema } from '@stibium/policy';
import type { AdaptiveRule, Intervention } from '@stibium/policy';
import type { z } from 'zod';

// The policy package owns the intervention vocabulary; scenario files only carry it.

/** Schema of one entry of `events`: a timed intervention of `@stibium/policy`. */
export const eventEntrySchema: z.ZodType = interventionSchema;

/** Schema of one entry of `rules`: an adaptive rule of `@stibium/policy`. */
export const ruleEntrySchema: z.ZodType = adaptiveRuleSchema;

/** A validated event entry. */
export type EventEntry = Intervention;

/** A validated rule entry (defaults applied). */
export type RuleEntry = AdaptiveRule;
