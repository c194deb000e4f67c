import type { Intervention } from './interventions.ts';

/**
 * China's antimony export controls, 2024-2026, as interventions (sources in
 * packages/market/data/antimony/calibration-data.json, `china_export_controls`):
 * dual-use licensing from 15 Sep 2024 (MOFCOM/GAC, announced 15 Aug; licences take 2-3
 * months, Reuters 16 Aug 2024), the ban on exports to the US from 3 Dec 2024 (MOFCOM
 * Announcement No. 46), and its suspension from 9 Nov 2025 to 27 Nov 2026 (Fastmarkets),
 * licensing remaining in force. The approved share of pre-control flows (0.35) is an
 * ASSUMPTION calibrated to the 2025 ex-China price level: direct Chinese exports fell
 * 84-97% (metalnomist Sep 2025), and the rest reached buyers through third countries
 * (the anti-smuggling crackdown of 19 Jul 2025 shows such leakage existed).
 */
export const CHINA_EXPORT_CONTROLS: readonly Intervention[] = [
  {
    type: 'exportControl',
    at: '2024-09-15',
    country: 'CHN',
    kind: 'licensing',
    destinations: ['*'],
    products: ['ore', 'concentrate', 'metal', 'oxide'],
    licensingDelayMonths: 2.5,
    approvalShare: 0.35,
    note: 'Dual-use export licensing (MOFCOM/GAC), effective 15 Sep 2024',
  },
  {
    type: 'exportControl',
    at: '2024-12-03',
    country: 'CHN',
    kind: 'ban',
    destinations: ['USA'],
    products: ['ore', 'concentrate', 'metal', 'oxide'],
    note: 'MOFCOM Announcement No. 46: exports to the US in principle not permitted',
  },
  {
    type: 'exportControl',
    at: '2025-11-09',
    country: 'CHN',
    kind: 'suspension',
    destinations: ['USA'],
    products: ['ore', 'concentrate', 'metal', 'oxide'],
    until: '2026-11-27',
    note: 'Section 2 of Announcement No. 46 suspended until 27 Nov 2026; licensing stays',
  },
];
