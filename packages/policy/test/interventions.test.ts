import { describe, expect, it } from 'vitest';
import { antimonyWorld } from '@stibium/market';
import { adaptiveRuleSchema, compileInterventions, INTERVENTION_TYPES, interventionSchema, type Intervention } from '../src/index.ts';

const world = antimonyWorld();

describe('intervention schemas', () => {
  it('accepts each kind and rejects bad dates with a clear message', () => {
    expect(INTERVENTION_TYPES).toHaveLength(9);
    const ok = interventionSchema.safeParse({ type: 'tariff', at: '2026-01', importer: 'USA', exporter: 'CHN', rate: 0.25 });
    expect(ok.success).toBe(true);
    const bad = interventionSchema.safeParse({ type: 'tariff', at: '2026-1', importer: 'USA', exporter: 'CHN', rate: 0.25 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/YYYY-MM/);
  });

  it('rejects a country that is not ISO alpha-3', () => {
    const r = interventionSchema.safeParse({ type: 'stockpile', at: '2026-01', country: 'Pakistan', action: 'buy', tonnes: 100, overMonths: 12 });
    expect(r.success).toBe(false);
  });

  it('applies rule defaults and needs exactly one watched metric', () => {
    const rule = adaptiveRuleSchema.parse({ when: { price: 'price.us', above: 55000, forMonths: 3 }, then: { type: 'stockpile', country: 'USA', action: 'release', tonnes: 500, overMonths: 6 } });
    expect(rule.maxFirings).toBe(1);
    expect(rule.cooldownMonths).toBe(12);
    expect(adaptiveRuleSchema.safeParse({ when: { above: 1 }, then: rule.then }).success).toBe(false);
  });
});

describe('compiling interventions to world commands', () => {
  it('turns dates into model months and fills defaults', () => {
    const interventions: Intervention[] = [
      { type: 'exportControl', at: '2024-09-15', country: 'CHN', kind: 'licensing', destinations: ['*'] },
      { type: 'openExportTerminal', at: '2026-01', id: 'pasni', country: 'PAK', throughputTonnesPerYear: 2000, freightUsdPerTonne: 90, transitDays: 25, capexUsd: 1.2e9, leadTimeMonths: 36 },
      { type: 'supplyShift', at: '2027-01', region: 'Southeast Asia', kind: 'growth', tonnesPerYear: 3000, rampMonths: 24 },
    ];
    const [control, terminal, shift] = compileInterventions(interventions, world);
    expect(control?.time).toBeCloseTo(8 + 14 / 30, 12);
    expect(control?.command.type).toBe('ApplyIntervention');
    const ci = control?.command.type === 'ApplyIntervention' ? control.command.data.intervention : undefined;
    expect(ci).toMatchObject({ kind: 'exportControl', measure: 'licensing', products: ['ore', 'concentrate', 'metal', 'oxide'], approvalShare: 0.15 });
    const ti = terminal?.command.type === 'ApplyIntervention' ? terminal.command.data.intervention : undefined;
    expect(ti).toMatchObject({ kind: 'openTerminal', markets: ['exChina', 'us'] });
    const si = shift?.command.type === 'ApplyIntervention' ? shift.command.data.intervention : undefined;
    expect(si).toMatchObject({ kind: 'supplyShift', direction: 'growth', countries: ['MMR', 'VNM', 'LAO', 'THA'] });
  });
});
