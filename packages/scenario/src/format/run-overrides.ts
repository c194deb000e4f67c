import { StibiumError } from '@stibium/core';
import { evaluateExpression } from '../expressions/evaluate.ts';
import { leverValues } from './levers.ts';
import type { ResolvedScenario } from './types.ts';

/**
 * The overrides of one run: fixed numbers as they are, deferred expressions evaluated
 * over the parameters, the numeric and boolean levers and this run's sample, and each uncertainty with a `target` written
 * to its path. Feed the result to {@link applyOverrides}.
 */
export function overridesForRun(scenario: ResolvedScenario, sample: Readonly<Record<string, number>>): Record<string, number> {
  const scope = { ...scenario.parameters, ...leverValues(scenario.levers), ...sample };
  const out: Record<string, number> = {};
  for (const [path, value] of Object.entries(scenario.overrides)) {
    out[path] = typeof value === 'number' ? value : evaluateExpression(value.expression, scope);
  }
  for (const [name, dist] of Object.entries(scenario.uncertainties)) {
    if (dist.target === undefined) continue;
    const value = sample[name];
    if (value === undefined) throw new StibiumError('INVALID_ARGUMENT', `the sample has no value for uncertainty \`${name}\``);
    out[dist.target] = value;
  }
  return out;
}
