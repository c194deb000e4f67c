import { describe, expect, it } from 'vitest';
import { ANTIMONY_WORLD_FILE } from '@stibium/market';
import { CALIBRATION_TARGETS, calibrationReport } from '../src/index.ts';

/**
 * Keeps docs/model.md's calibration table true: the reference run (MCS 2026 world with
 * China's 2024-2026 export controls) must land inside every target's stated band.
 */
describe('calibration against 2024-2025 data', () => {
  const rows = calibrationReport();
  for (const row of rows) {
    it(`${row.target.id}: data ${row.target.data} ${row.target.unit}, model within [${row.target.min.toPrecision(4)}, ${row.target.max.toPrecision(4)}]`, () => {
      expect(row.value).toBeGreaterThanOrEqual(row.target.min);
      expect(row.value).toBeLessThanOrEqual(row.target.max);
    });
  }

  it('covers production, US reliance and sources, price level, the spike and the wedge', () => {
    const ids = CALIBRATION_TARGETS.map((t) => t.id).join(' ');
    for (const part of ['mineProduction', 'netImportReliance', 'importShare', 'price.us 2024', 'price.exChina 2025-06', 'wedge']) expect(ids).toContain(part);
  });

  it('cites sources the world file carries', () => {
    for (const t of CALIBRATION_TARGETS) expect(Object.keys(ANTIMONY_WORLD_FILE.sources), t.id).toContain(t.source);
  });

  it('reproduces the direction of the wedge: ex-China up, China domestic down after controls', () => {
    const get = (id: string) => rows.find((r) => r.target.id === id)?.value ?? NaN;
    expect(get('price.exChina change Sep 2024-Jan 2025')).toBeGreaterThan(0);
    expect(get('price.chinaDomestic change Sep 2024-Jan 2025')).toBeLessThan(0);
  });
});
