import type { ResolvedScenario } from '../../../src/format/types.ts';

/** The fake model module's URL, for `modelModule` options. */
export const FAKE_MODEL = new URL('./fake-model.ts', import.meta.url).href;

/** A resolved scenario for the fake model, with the fields the runner reads. */
export function fakeScenario(name: string, parameters: Record<string, number> = {}, variants: Record<string, ResolvedScenario> = {}): ResolvedScenario {
  return {
    name,
    files: [{ path: `scenarios/${name}.yaml`, sha256: '0'.repeat(64), bytes: 0 }],
    horizon: { start: '2025-01', end: '2026-12' },
    timeStep: 'month',
    vintage: 'test-2026',
    parameters,
    overrides: {},
    uncertainties: {},
    correlations: null,
    levers: {},
    events: [],
    rules: [],
    runs: 10,
    seed: 7,
    outcomes: ['*'],
    variants,
  };
}
