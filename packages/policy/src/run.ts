import { runWorld, type World, type WorldRunOptions, type WorldRunResult } from '@stibium/market';
import { compileInterventions } from './compile.ts';
import type { AdaptiveRule, Intervention } from './interventions.ts';
import { adaptiveRulesPolicy } from './rules.ts';

/** A world with its scenario's timed interventions and adaptive rules. */
export interface PolicyRunConfig {
  readonly world: World;
  readonly interventions?: readonly Intervention[];
  readonly rules?: readonly AdaptiveRule[];
  /** Months to clear (default: to 2035-12). */
  readonly months?: number;
}

/** Compiles interventions and rules, then runs the world (kernel-free loop of @stibium/market). */
export function runPolicyWorld(config: PolicyRunConfig, options: WorldRunOptions): WorldRunResult {
  const rules = config.rules ?? [];
  return runWorld(
    {
      world: config.world,
      commands: compileInterventions(config.interventions ?? [], config.world),
      policies: rules.length > 0 ? [adaptiveRulesPolicy(rules, config.world)] : [],
      ...(config.months === undefined ? {} : { months: config.months }),
    },
    options,
  );
}
