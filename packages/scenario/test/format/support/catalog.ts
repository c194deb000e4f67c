import type { IdCatalog } from '../../../src/format/catalog.ts';

const PATHS = ['pk.royaltyRate', 'pk.taxRate', 'price.exChina.base', 'facilities.cn-smelter-1.capacity', 'facilities.be-smelter.capacity', 'countries.PAK.mineCapacity'];

/** A small fake world catalogue for the format tests. */
export const testCatalog: IdCatalog = {
  countries: ['PAK', 'USA', 'CHN', 'MMR', 'BEL', 'RUS', 'TJK', 'AFG'],
  facilities: ['cn-smelter-1', 'be-smelter'],
  markets: ['chinaDomestic', 'exChina', 'us'],
  routes: ['karachi-rotterdam'],
  parameterPaths: (path) => PATHS.includes(path),
  parameterPathList: PATHS,
  outcomes: ['pk.exportEarnings', 'pk.mineGateRevenue', 'pk.valueAddedCapture', 'us.netImportReliance', 'us.shortfall', 'world.mineProduction.PAK'],
  vintages: ['mcs2025', 'mcs2026'],
};
