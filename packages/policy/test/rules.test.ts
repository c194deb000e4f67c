import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@stibium/core';
import { antimonyWorld, initialWorldState, type WorldEvent, type WorldState } from '@stibium/market';
import { adaptiveRuleSchema, adaptiveRulesPolicy, CHINA_EXPORT_CONTROLS, runPolicyWorld } from '../src/index.ts';

const world = antimonyWorld();
const release = adaptiveRuleSchema.parse({
  id: 'nds-release',
  when: { price: 'price.us', above: 50000, forMonths: 3 },
  then: { type: 'stockpile', country: 'USA', action: 'release', tonnes: 600, overMonths: 6 },
});
const monthCleared = (month: number): RecordedEvent<WorldEvent> => ({ seq: month, time: month + 1, type: 'MonthCleared', data: { month, label: '', indicators: {}, exportReference: {} } });
const withPrices = (prices: number[], applied: WorldState['applied'] = []): WorldState => ({ ...initialWorldState(world), indicators: { 'price.us': prices }, applied });
const ctx = { now: 0, rng: () => { throw new Error('rules draw nothing'); } };

describe('adaptive rule: release the stockpile when price.us stays above a threshold', () => {
  const policy = adaptiveRulesPolicy([release], world);

  it('given two months above the threshold, when a month clears, then nothing fires', () => {
    expect(policy.react(monthCleared(5), withPrices([40000, 52000, 53000]), ctx)).toEqual([]);
  });

  it('given three months above, when a month clears, then it fires the release once with a log-visible id', () => {
    const out = policy.react(monthCleared(5), withPrices([52000, 53000, 54000]), ctx);
    expect(out).toHaveLength(1);
    expect(out[0]?.command).toMatchObject({ type: 'ApplyIntervention', data: { id: 'rule:nds-release:1', intervention: { kind: 'stockpile', action: 'release', tonnes: 600 } } });
  });

  it('given it already fired (maxFirings 1), when the condition holds again, then it stays quiet', () => {
    expect(policy.react(monthCleared(30), withPrices([60000, 60000, 60000], [{ id: 'rule:nds-release:1', month: 10 }]), ctx)).toEqual([]);
  });

  it('ignores events other than MonthCleared', () => {
    const other: RecordedEvent<WorldEvent> = { seq: 0, time: 1, type: 'InterventionRejected', data: { id: 'x', month: 0, reason: '' } };
    expect(policy.react(other, withPrices([60000, 60000, 60000]), ctx)).toEqual([]);
  });

  it('in a run with China controls, fires once the US price crosses 50,000 for 3 months, and the release reaches the market', () => {
    const run = runPolicyWorld({ world, interventions: CHINA_EXPORT_CONTROLS, rules: [release], months: 30 }, { seed: 1 });
    const applied = run.events.filter((e) => e.type === 'InterventionApplied' && (e.data as { id: string }).id.startsWith('rule:'));
    expect(applied).toHaveLength(1);
    const releases = run.events.filter((e) => e.type === 'StockpileChanged' && (e.data as { tonnes: number }).tonnes < 0);
    expect(releases.length).toBe(6);
    const prices = run.events.filter((e) => e.type === 'MarketCleared' && (e.data as { market: string }).market === 'us').map((e) => (e.data as { priceUsdPerTonne: number }).priceUsdPerTonne);
    const firedAt = (applied[0]?.data as { month: number }).month;
    expect(prices.slice(firedAt - 2, firedAt + 1).every((p) => p > 50000)).toBe(true);
  });
});
