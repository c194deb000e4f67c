import { describe, expect, it } from 'vitest';
import { ANTIMONY_VINTAGES, ANTIMONY_WORLD_FILE, antimonyWorld, worldIds } from '../src/index.ts';

describe('the antimony world data', () => {
  it('offers both USGS vintages and defaults to MCS 2026', () => {
    expect([...ANTIMONY_VINTAGES].sort()).toEqual(['mcs2025', 'mcs2026']);
    expect(antimonyWorld().vintage).toBe('mcs2026');
  });

  it('cites a known source or says assumption for every entry', () => {
    const sources = new Set(Object.keys(ANTIMONY_WORLD_FILE.sources));
    const entries = [
      ...ANTIMONY_WORLD_FILE.markets,
      ...ANTIMONY_WORLD_FILE.countries,
      ...Object.values(ANTIMONY_WORLD_FILE.mines).flat(),
      ...ANTIMONY_WORLD_FILE.plants,
      ...ANTIMONY_WORLD_FILE.feedRoutes,
      ...ANTIMONY_WORLD_FILE.salesRoutes,
      ...ANTIMONY_WORLD_FILE.segments,
      ...ANTIMONY_WORLD_FILE.stockpiles,
      ...Object.values(ANTIMONY_WORLD_FILE.vintages),
    ];
    for (const e of entries) expect(sources.has(e.src), `unknown source '${e.src}'`).toBe(true);
  });

  it('copies the USGS mine table of each vintage', () => {
    const mines = (v: string, c: string) => antimonyWorld(v).mines.filter((m) => m.country === c && m.startMonth <= 0).reduce((a, m) => a + m.capacityTonnesPerYear, 0);
    expect(mines('mcs2026', 'CHN')).toBe(40000);
    expect(mines('mcs2025', 'CHN')).toBe(60000);
    expect(mines('mcs2026', 'RUS')).toBe(40000);
    expect(mines('mcs2026', 'PAK')).toBe(260);
  });

  it('derives buyers so that US base demand equals USGS apparent consumption', () => {
    for (const [vintage, consumption] of [['mcs2026', 28600], ['mcs2025', 24000]] as const) {
      const w = antimonyWorld(vintage);
      const us = w.buyers.filter((b) => b.market === 'us').reduce((a, b) => a + b.demandTonnesPerYear, 0);
      expect(us).toBeCloseTo(consumption, 6);
    }
  });

  it('gives every origin feed-route shares that sum to one', () => {
    const w = antimonyWorld();
    const byOrigin = new Map<string, number>();
    for (const r of w.feedRoutes) byOrigin.set(r.from, (byOrigin.get(r.from) ?? 0) + r.baseShare);
    for (const [origin, total] of byOrigin) expect(total, origin).toBeCloseTo(1, 9);
  });

  it('lists the ids a scenario may reference', () => {
    const ids = worldIds(antimonyWorld());
    expect(ids.countries).toContain('PAK');
    expect(ids.markets).toEqual(['chinaDomestic', 'exChina', 'us']);
    expect(ids.plants).toContain('bel-campine');
    expect(ids.routes).toContain('chn-us');
  });

  it('names an unknown vintage in its error', () => {
    expect(() => antimonyWorld('mcs1999')).toThrow(/unknown data vintage 'mcs1999'/);
  });
});
