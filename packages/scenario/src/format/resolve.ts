import type { z } from 'zod';
import type { ValidationContext } from './context.ts';
import { resolveCorrelations } from './correlations.ts';
import { resolveEntries } from './events.ts';
import { reportIssues } from './issues.ts';
import { checkLeverNames, leverScope } from './levers.ts';
import { scanNumbers } from './numbers.ts';
import { resolveOverrides } from './overrides.ts';
import { evaluateParameters } from './parameters.ts';
import { eventEntrySchema, ruleEntrySchema } from './policy-schemas.ts';
import type { EventEntry, RuleEntry } from './policy-schemas.ts';
import { checkHorizon, checkOutcomes, checkVintage, resolveLevers } from './sections.ts';
import type { ResolvedScenario } from './types.ts';
import { resolveUncertainties } from './uncertainties.ts';

type Raw = Record<string, unknown>;

/** A resolved scenario minus what only the loader knows (files, variants). */
export type ResolvedBody = Omit<ResolvedScenario, 'files' | 'variants'>;

/**
 * Validates one merged scenario (a file with its `extends`, or that plus a variant) and
 * resolves it. Structure first (zod), then meaning: parameters, uncertainties, levers,
 * overrides, correlations, events and rules (whose expressions read levers, and whose
 * `if` switches them by lever), outcomes. `layered` names the levers whose value the
 * caller set (`--lever`), for messages. Reports into `ctx`; returns the result only when
 * nothing was reported.
 */
export function resolveBody(ctx: ValidationContext, schema: z.ZodType, layered: ReadonlySet<string> = new Set()): ResolvedBody | undefined {
  const data = ctx.root;
  const skip = scanNumbers(ctx, data);
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) reportIssues(ctx, schema, data, parsed.error.issues, [], skip);
  const ok = (key: string): boolean => !ctx.reportedUnder(key);
  const d = data as Raw & {
    parameters?: Raw;
    uncertainties?: Record<string, Raw>;
    overrides?: Raw;
    events?: unknown[];
    rules?: unknown[];
    horizon?: { start: string; end: string };
  };
  const horizon = ok('horizon') && d.horizon && checkHorizon(ctx, d.horizon) ? d.horizon : undefined;
  if (ok('vintage') && typeof d['vintage'] === 'string') checkVintage(ctx, d['vintage']);
  const uncertaintyRaw = ok('uncertainties') ? (d.uncertainties ?? {}) : {};
  const uncertaintyNames = new Set(Object.keys(uncertaintyRaw));
  const leverRaw = ok('levers') ? ((d['levers'] ?? {}) as Raw) : undefined;
  const params = ok('parameters') ? evaluateParameters(ctx, d.parameters ?? {}, uncertaintyNames, new Set(Object.keys(d['levers'] ?? {}))) : {};
  const uncertainties = resolveUncertainties(ctx, uncertaintyRaw, params);
  const levers = leverRaw ? resolveLevers(ctx, leverRaw as never, layered) : {};
  const clashes = checkLeverNames(ctx, Object.keys(levers), Object.keys(d.parameters ?? {}), uncertaintyNames);
  const scope = leverScope(levers, clashes);
  const overrides = ok('overrides') ? resolveOverrides(ctx, d.overrides ?? {}, params, uncertainties, uncertaintyNames, scope) : {};
  const correlations = ok('correlations') ? resolveCorrelations(ctx, d['correlations'] as never, [...uncertaintyNames]) : null;
  const entryScope = { values: { ...params, ...scope.values }, text: scope.text, levers: ctx.reportedUnder('levers') ? undefined : levers };
  const events = ok('events') && Array.isArray(d.events) ? resolveEntries(ctx, 'events', d.events, eventEntrySchema, entryScope, horizon, skip) : [];
  const rules = ok('rules') && Array.isArray(d.rules) ? resolveEntries(ctx, 'rules', d.rules, ruleEntrySchema, entryScope, horizon, skip) : [];
  const outcomes = Array.isArray(d['outcomes']) && d['outcomes'].length > 0 ? (d['outcomes'] as string[]) : ['*'];
  if (ok('outcomes')) checkOutcomes(ctx, outcomes.filter((o) => o !== '*'));
  if (ctx.problems.length > 0 || !parsed.success) return undefined;
  return {
    name: d['name'] as string,
    ...(typeof d['description'] === 'string' ? { description: d['description'] } : {}),
    horizon: { start: (d.horizon as { start: string }).start, end: (d.horizon as { end: string }).end },
    timeStep: 'month',
    vintage: d['vintage'] as string,
    parameters: params,
    overrides,
    uncertainties,
    correlations,
    levers,
    events: events as EventEntry[],
    rules: rules as RuleEntry[],
    runs: typeof d['runs'] === 'number' ? d['runs'] : 1,
    seed: typeof d['seed'] === 'number' || typeof d['seed'] === 'string' ? d['seed'] : 0,
    outcomes,
  };
}
