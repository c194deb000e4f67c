import type { Policy, ScheduledCommand } from '@stibium/core';
import { dateToMonths, parseMonth, type World, type WorldCommand, type WorldEvent, type WorldState } from '@stibium/market';
import { toWorldIntervention } from './compile.ts';
import type { AdaptiveRule } from './interventions.ts';

/** The id prefix of the n-th firing of a rule, as it appears in InterventionApplied events. */
export function ruleFiringPrefix(ruleId: string): string {
  return `rule:${ruleId}:`;
}

function holds(values: readonly number[], n: number, above: number | undefined, below: number | undefined): boolean {
  if (values.length < n) return false;
  for (let i = values.length - n; i < values.length; i++) {
    const v = values[i] as number;
    if (above !== undefined && !(v > above)) return false;
    if (below !== undefined && !(v < below)) return false;
  }
  return true;
}

/**
 * Adaptive rules as a policy: after each MonthCleared it checks every rule's indicator
 * history in the state (e.g. price.us above 55,000 for 3 months) and, when a rule holds,
 * fires its intervention now. Firings are counted from the log (InterventionApplied ids
 * `rule:<id>:<n>`), so the policy keeps no state of its own and replays exactly.
 */
export function adaptiveRulesPolicy(rules: readonly AdaptiveRule[], world: World): Policy<WorldCommand, WorldEvent, WorldState> {
  const origin = parseMonth(world.start);
  const compiled = rules.map((rule, i) => ({
    id: rule.id ?? `rule-${i}`,
    rule,
    metric: rule.when.outcome ?? rule.when.price ?? '',
    from: rule.from === undefined ? 0 : dateToMonths(rule.from, origin),
    action: toWorldIntervention(rule.then, world, i),
  }));
  return {
    name: 'adaptiveRules',
    react(event, state) {
      if (event.type !== 'MonthCleared') return [];
      const month = (event.data as { month: number }).month;
      const out: ScheduledCommand<WorldCommand>[] = [];
      for (const r of compiled) {
        if (month + 1 <= r.from) continue;
        const prefix = ruleFiringPrefix(r.id);
        const firings = state.applied.filter((a) => a.id.startsWith(prefix));
        if (firings.length >= r.rule.maxFirings) continue;
        const last = firings[firings.length - 1];
        const window = last === undefined ? Infinity : month - last.month;
        if (window < Math.max(r.rule.cooldownMonths, r.rule.when.forMonths)) continue;
        const history = state.indicators[r.metric] ?? [];
        if (!holds(history, r.rule.when.forMonths, r.rule.when.above, r.rule.when.below)) continue;
        out.push({
          command: { type: 'ApplyIntervention', data: { id: `${prefix}${firings.length + 1}`, intervention: r.action, source: `rule ${r.id}` } },
        });
      }
      return out;
    },
  };
}
