import type { RecordedEvent } from '@stibium/core';
import type { WorldEvent } from '@stibium/market';
import { describe, expect, it } from 'vitest';
import { FlowFold } from '../../src/model/flows.ts';

const settlement = { seller: 'x', buyer: 'y', buyerUsd: 0, sellerUsd: 0, freightUsd: 0, tariffUsd: 0 };
let seq = 0;
const recorded = (event: WorldEvent): RecordedEvent<WorldEvent> => ({ seq: seq++, time: 0, ...event }) as RecordedEvent<WorldEvent>;
const feed = (month: number, from: string, to: string, form: 'ore' | 'concentrate', tonnes: number): RecordedEvent<WorldEvent> =>
  recorded({ type: 'FeedShipped', data: { month, from, to, form, tonnes, certifiedTonnes: 0, settlement } });
const refined = (month: number, from: string, market: string, metal: number, oxide: number): RecordedEvent<WorldEvent> =>
  recorded({ type: 'Shipped', data: { month, from, market, metal, oxide, certifiedTonnes: 0, settlement } });

// Twelve months a year from 2024.
const yearOf = (month: number): number => 2024 + Math.floor(month / 12);

describe('FlowFold', () => {
  it('given shipments in two years, sums tonnes per flow and year, ids sorted, markets shown at their hub', () => {
    const flows = new FlowFold(yearOf);
    for (const e of [
      feed(13, 'PAK', 'CHN', 'ore', 2),
      feed(0, 'PAK', 'CHN', 'ore', 1),
      feed(1, 'PAK', 'CHN', 'ore', 0.5),
      feed(0, 'BOL', 'BEL', 'concentrate', 3),
      refined(0, 'CHN', 'exChina', 4, 1),
      refined(12, 'CHN', 'us', 0, 2),
      feed(2, 'PAK', 'CHN', 'ore', 0),
    ]) {
      flows.add(e);
    }
    const result = flows.result();
    expect(Object.keys(result)).toEqual(['flow.concentrate.BOL.BEL', 'flow.mine.PAK.CHN', 'flow.refined.CHN.ROW', 'flow.refined.CHN.USA']);
    expect(result['flow.mine.PAK.CHN']).toEqual({ '2024': 1.5, '2025': 2 });
    expect(result['flow.refined.CHN.ROW']).toEqual({ '2024': 5 });
    expect(result['flow.refined.CHN.USA']).toEqual({ '2025': 2 });
  });

  it('from firstYear on: earlier years are left out, a flow with none left keeps its id', () => {
    const flows = new FlowFold(yearOf);
    flows.add(feed(0, 'PAK', 'CHN', 'ore', 1));
    flows.add(feed(12, 'PAK', 'CHN', 'ore', 2));
    flows.add(feed(0, 'BOL', 'BEL', 'concentrate', 3));
    expect(flows.result(2025)).toEqual({ 'flow.concentrate.BOL.BEL': {}, 'flow.mine.PAK.CHN': { '2025': 2 } });
  });

  it('ignores events other than shipments and shipments of no tonnes', () => {
    const flows = new FlowFold(yearOf);
    flows.add(recorded({ type: 'MonthCleared', data: { month: 0, label: '2024-01', exportReference: {}, indicators: {} } } as unknown as WorldEvent));
    flows.add(refined(0, 'CHN', 'us', 0, 0));
    expect(flows.result()).toEqual({});
  });
});
