import type { InterventionApplied } from './events.ts';
import type { Draft } from './draft.ts';

/**
 * The allocation with its countries in the intervention's order. The event lists them
 * sorted (for the log hash), but mining adds shifted output to new countries in this
 * order, and the order of those events is part of the run.
 */
function inCountryOrder(allocation: Readonly<Record<string, number>>, countries: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of countries) {
    const v = allocation[c];
    if (v !== undefined) out[c] = v;
  }
  for (const [c, v] of Object.entries(allocation)) if (out[c] === undefined) out[c] = v;
  return out;
}

/** Folds an applied intervention into the state: its lasting parts become plain data there. */
export function interventionToState(s: Draft, d: InterventionApplied['data']): void {
  const i = d.intervention;
  const at = d.at;
  s.applied = [...s.applied, { id: d.id, month: d.month }];
  switch (i.kind) {
    case 'buildPlant':
      s.plants[i.id] = {
        id: i.id,
        country: i.country,
        stage: i.stage,
        capacityTonnesPerYear: i.capacityTonnesPerYear,
        baseUtilization: 0.85,
        oxideShare: i.stage === 'smelter' ? 0 : i.stage === 'concentrator' ? 0 : 1,
        recovery: i.recovery,
        operatingCostUsdPerTonne: i.operatingCostUsdPerTonne,
        startMonth: at + i.leadTimeMonths,
        rampUpMonths: i.rampUpMonths,
        capexUsd: i.capexUsd,
        availability: 0.85,
        added: true,
        ...(i.feedSources === undefined ? {} : { feedSources: i.feedSources }),
      };
      return;
    case 'openTerminal':
      s.terminals = [
        ...s.terminals,
        {
          id: i.id,
          country: i.country,
          markets: i.markets,
          openMonth: at + i.leadTimeMonths,
          freightUsdPerTonne: i.freightUsdPerTonne,
          transitDays: i.transitDays,
          throughputTonnesPerYear: i.throughputTonnesPerYear,
          capexUsd: i.capexUsd,
        },
      ];
      return;
    case 'certify':
      s.certifications = {
        ...s.certifications,
        [i.country]: {
          country: i.country,
          start: at,
          coverageStart: i.coverageStart,
          coverageEnd: i.coverageEnd,
          rampMonths: i.rampMonths,
          detectionRate: i.detectionRate,
          usProcurementEligible: i.usProcurementEligible,
          premiumShare: i.premiumShare,
          costUsdPerTonne: i.costUsdPerTonne,
        },
      };
      return;
    case 'exportControl': {
      if (i.measure === 'lift') {
        // A lift ends every measure of this country that covers one of the lifted destinations.
        s.controls = s.controls.map((c) =>
          c.country === i.country && c.destinations.some((x) => i.destinations.includes(x) || i.destinations.includes('*')) && (c.until === undefined || c.until > at)
            ? { ...c, until: at }
            : c,
        );
        return;
      }
      s.controls = [
        ...s.controls,
        {
          id: d.id,
          country: i.country,
          measure: i.measure,
          destinations: i.destinations,
          products: i.products,
          start: at,
          ...(i.until === undefined ? {} : { until: i.until }),
          licensingDelayMonths: i.licensingDelayMonths,
          approvalShare: i.approvalShare,
          quotaTonnesPerMonth: i.quotaTonnesPerYear / 12,
          reference: d.reference ?? {},
        },
      ];
      return;
    }
    case 'tariff':
      s.tariffs = [
        ...s.tariffs,
        { importer: i.importer, exporter: i.exporter, rate: i.rate, start: at, ...(i.until === undefined ? {} : { until: i.until }) },
      ];
      return;
    case 'stockpile': {
      const sp = s.stockpiles[i.country] ?? { tonnes: 0, orders: [] };
      s.stockpiles[i.country] = {
        tonnes: sp.tonnes,
        orders: [...sp.orders, { id: d.id, action: i.action, tonnesPerMonth: i.tonnes / i.overMonths, remaining: i.tonnes }],
      };
      return;
    }
    case 'offtake':
      s.offtakes = [
        ...s.offtakes,
        {
          id: i.id,
          seller: i.seller,
          buyer: i.buyer,
          tonnesPerMonth: i.tonnesPerYear / 12,
          start: at,
          end: at + i.years * 12,
          priceFormula: i.priceFormula,
          ...(i.floorUsdPerTonne === undefined ? {} : { floorUsdPerTonne: i.floorUsdPerTonne }),
          ...(i.ceilingUsdPerTonne === undefined ? {} : { ceilingUsdPerTonne: i.ceilingUsdPerTonne }),
        },
      ];
      return;
    case 'supplyShift':
      s.shifts = [
        ...s.shifts,
        {
          id: d.id,
          allocation: inCountryOrder(d.allocation ?? {}, i.countries),
          start: at,
          rampMonths: i.rampMonths,
          ...(i.durationMonths === undefined ? {} : { end: at + i.durationMonths }),
        },
      ];
      return;
    case 'disruptionRisk':
      s.regimes = [
        ...s.regimes,
        {
          id: d.id,
          annualProbability: i.annualProbability,
          meanDurationMonths: i.meanDurationMonths,
          severity: i.severity,
          countries: i.countries,
          start: at,
          ...(i.until === undefined ? {} : { until: i.until }),
        },
      ];
      return;
    default: {
      const never: never = i;
      return never;
    }
  }
}
