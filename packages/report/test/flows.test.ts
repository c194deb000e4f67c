import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FLOW_END_LABEL, parseFlowId, renderReport } from '../src/index.ts';
import { sankeySvg } from '../src/charts/sankey.ts';
import { orderStages } from '../src/flows.ts';
import { lastFullYear } from '../src/input/years.ts';
import type { ScenarioInfo } from '../src/input/types.ts';
import { writeFixture } from './support/fixture.ts';

const scenario = (start: string, end: string): ScenarioInfo => ({ id: 's', name: 's', variant: null, description: null, vintage: null, files: [], horizon: { start, end }, resolved: null });

describe('flow outcome ids', () => {
  it('parses flow.<stage>.<from>.<to> and rejects anything else', () => {
    expect(parseFlowId('flow.mine.PAK.CHN')).toEqual({ stage: 'mine', from: 'PAK', to: 'CHN' });
    expect(parseFlowId('flow.refined.CHN.USA')).toEqual({ stage: 'refined', from: 'CHN', to: 'USA' });
    expect(parseFlowId('flow.mine.PAK')).toBeNull();
    expect(parseFlowId('flow.mine.PAK.CHN.x')).toBeNull();
    expect(parseFlowId('flow.mine.<b>.CHN')).toBeNull();
    expect(parseFlowId('pk.exportEarnings')).toBeNull();
  });

  it('orders stages along the chain, unknown stages last', () => {
    expect(orderStages(['refined', 'zeta', 'mine', 'alpha'])).toEqual(['mine', 'refined', 'alpha', 'zeta']);
  });
});

describe('lastFullYear', () => {
  it('is the last year every horizon covers from January to December', () => {
    expect(lastFullYear(['2025', '2026', '2027'], [scenario('2025-01', '2027-06')])).toBe('2026');
    expect(lastFullYear(['2025', '2026', '2027'], [scenario('2025-01', '2027-12'), scenario('2025-03', '2026-12')])).toBe('2026');
    expect(lastFullYear(['2025', '2026'], [])).toBe('2026');
    expect(lastFullYear([], [])).toBeNull();
  });
});

describe('sankeySvg', () => {
  it('draws one node per country and stage column and one link per flow', () => {
    const svg = sankeySvg([
      { stage: 'mine', from: 'PAK', to: 'CHN', tonnes: 200 },
      { stage: 'mine', from: 'RUS', to: 'CHN', tonnes: 800 },
      { stage: 'refined', from: 'CHN', to: 'USA', tonnes: 600 },
    ]);
    expect(svg.match(/<path d="M/g)).toHaveLength(3);
    expect(svg.match(/<rect x=/g)).toHaveLength(4); // PAK, RUS (mining), CHN (refining), USA (end use)
    expect(svg).toContain(`>${FLOW_END_LABEL}</text>`);
    expect(svg).toContain('>CHN 1,000</text>');
    expect(svg).toContain('PAK → CHN (Mining): 200 t Sb/yr');
  });
});

describe('the flow section', () => {
  it('uses the requested year, or says it has none and falls back', async () => {
    const dir = writeFixture({ scenarios: 2 });
    expect(await renderReport(dir, { flowYear: 2030 })).toContain('Antimony flows by country and stage, baseline, 2030');
    const html = await renderReport(dir, { flowYear: 1999 });
    rmSync(dir, { recursive: true, force: true });
    expect(html).toContain('No flow data for the requested year 1999; showing 2036 instead');
  });
});
