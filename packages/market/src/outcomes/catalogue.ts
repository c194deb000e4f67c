/**
 * The outcome catalogue: stable ids users cite, with unit, meaning and formula. Ids with a
 * `<...>` part are families (one per country, destination or form). Every outcome is a
 * fold over the event log (outcomes/fold.ts), per month and per year.
 */

/** How a monthly series becomes a yearly value. */
export type YearlyRule = 'sum' | 'mean' | 'end' | 'ratio' | 'hhi';

/** One catalogue entry. */
export interface OutcomeDefinition {
  readonly id: string;
  readonly unit: string;
  readonly description: string;
  /** The formula over events, in words and symbols. */
  readonly formula: string;
  /** Yearly value: sum of months, mean of months, December value, ratio of yearly sums, or HHI of yearly sums. */
  readonly yearly: YearlyRule;
}

const d = (id: string, unit: string, yearly: YearlyRule, description: string, formula: string): OutcomeDefinition => ({ id, unit, yearly, description, formula });

/** Every outcome the fold produces, in report order. */
export const OUTCOME_CATALOGUE: readonly OutcomeDefinition[] = [
  d('pk.exportEarnings', 'USD/yr', 'sum', "Pakistan's antimony export earnings, all product forms", 'sum of settlement.sellerUsd of FeedShipped and Shipped with seller PAK (after freight and tariffs)'),
  d('pk.exportEarnings.<form>', 'USD/yr', 'sum', 'Export earnings by product form (ore, concentrate, metal, oxide)', 'as pk.exportEarnings, for one form; Shipped split by tonnes of metal and oxide'),
  d('pk.exportEarnings.to.<dest>', 'USD/yr', 'sum', 'Export earnings by destination (ISO3; ROW = ex-China market)', 'as pk.exportEarnings, by destination country (feed) or market hub (refined)'),
  d('pk.exportVolume', 't Sb/yr', 'sum', 'Antimony exported from Pakistan, all forms', 'sum of tonnes of FeedShipped and Shipped from PAK'),
  d('pk.exportVolume.<dest>', 't Sb/yr', 'sum', 'Volume exported by destination', 'as pk.exportVolume, by destination'),
  d('pk.mineGateRevenue', 'USD/yr', 'sum', 'What Pakistani miners receive', 'sum of MineProduced.mineGateUsd for PAK: tonnes x feed netback x (1 - trader margin)'),
  d('pk.domesticValueAdded', 'USD/yr', 'sum', "Value added in Pakistan along the chain", 'pk.exportEarnings - imported feed (FeedShipped to PAK, buyerUsd) - imported input share x processing operating cost in PAK - informal (Afghan-origin) feed at its mine-gate value'),
  d('pk.valueAddedCapture', '0-1', 'ratio', "Share of the chain's value captured in Pakistan", 'pk.domesticValueAdded / (t of feed handled in Pakistan (mined + informal + imported) x price.exChina), within [0, 1]'),
  d('pk.exportUnitValue', 'USD/t Sb', 'ratio', 'Realised export earnings per t Sb', 'pk.exportEarnings / pk.exportVolume'),
  d('pk.beneficiationUplift', 'ratio', 'ratio', 'How much more a tonne earns than raw ore sold to China', 'pk.exportUnitValue / (payable ore share x price.chinaDomestic) - 1'),
  d('pk.governmentTake', 'USD/yr', 'sum', 'Royalty on mine-gate revenue plus tax on downstream margins', 'royaltyRate x pk.mineGateRevenue + corporateTaxRate x max(0, pk.exportEarnings - mine-gate value of domestic and informal feed - imported feed - processing operating cost), monthly'),
  d('pk.certifiedShare', '0-1', 'ratio', 'Share of Pakistan exports certified as traceable', 'certified tonnes / exported tonnes (FeedShipped, Shipped from PAK)'),
  d('pk.informalInflow', 't Sb/yr', 'sum', 'Informal foreign-origin (Afghan) material entering Pakistan\'s exports', 'sum of InformalInflow.tonnes for PAK'),
  d('us.consumption', 't Sb/yr', 'sum', 'US consumption served', 'sum of MarketCleared.consumed for market us'),
  d('us.imports', 't Sb/yr', 'sum', 'US imports, all forms', 'Shipped into us from outside the US + FeedShipped to USA from outside'),
  d('us.netImportReliance', '0-1', 'ratio', 'USGS net import reliance', '1 - (US smelter output + secondary production) / apparent consumption, apparent consumption = consumption + net stockpile purchases; floored at 0'),
  d('us.importHhi', '0-10000', 'hhi', 'HHI of US import sources by origin', 'sum over origins of (100 x origin share of us.imports)^2'),
  d('us.importShare.<ISO3>', '0-1', 'ratio', 'Share of US imports by origin', 'imports from the origin / us.imports'),
  d('us.chinaLinkedShare', '0-1', 'ratio', 'Share of US supply that originates in China', 'imports from CHN / (us.imports + US smelter output + secondary)'),
  d('us.exportRestrictionExposure', '0-1', 'ratio', 'Share of US imports from origins with export controls in force', 'imports from countries with an active licensing, ban or quota measure (InterventionApplied) / us.imports'),
  d('us.shortfall', 't Sb/yr', 'sum', 'Unmet US demand', 'sum of MarketCleared.shortfall for market us'),
  d('us.shortfallShare', '0-1', 'ratio', 'Unmet share of US demand', 'us.shortfall / US demand'),
  d('us.defenseShortfall', 't Sb/yr', 'sum', 'Unmet US defense demand', "sum of demand - consumed of the us market's defense segment"),
  d('us.daysOfCover', 'days', 'end', 'Stockpile and commercial stocks over daily consumption', '(US market stock + USA stockpile) / (monthly US consumption / 30.44); yearly: December'),
  d('us.stockpile', 't Sb', 'end', 'National Defense Stockpile holdings', 'initial holdings + sum of StockpileChanged.tonnes for USA; yearly: December'),
  d('us.pricePaid', 'USD/t Sb', 'ratio', 'Average price paid for material delivered to US buyers', 'sum buyerUsd / sum tonnes of Shipped into us'),
  d('price.exChina', 'USD/t Sb', 'mean', 'Ex-China (Rotterdam) metal price', 'MarketCleared.priceUsdPerTonne of market exChina; yearly mean'),
  d('price.chinaDomestic', 'USD/t Sb', 'mean', 'China domestic metal price', 'MarketCleared price of market chinaDomestic; yearly mean'),
  d('price.us', 'USD/t Sb', 'mean', 'US delivered metal price', 'MarketCleared price of market us; yearly mean'),
  d('world.mineProduction', 't Sb/yr', 'sum', 'World mine production', 'sum of MineProduced.tonnes'),
  d('world.mineProduction.<ISO3>', 't Sb/yr', 'sum', 'Mine production by country', 'sum of MineProduced.tonnes for the country'),
  d('world.refiningProduction', 't Sb/yr', 'sum', 'World primary refined output (smelters and roasters)', 'sum of Processed metalOut + oxideOut for stages smelter, roaster'),
  d('world.refiningProduction.<ISO3>', 't Sb/yr', 'sum', 'Primary refined output by country', 'as world.refiningProduction, for the country'),
  d('world.mineHhi', '0-10000', 'hhi', 'Concentration of world mine output', 'sum over countries of (100 x share of world.mineProduction)^2'),
  d('world.refiningHhi', '0-10000', 'hhi', 'Concentration of world primary refining', 'sum over countries of (100 x share of world.refiningProduction)^2'),
  d('world.chinaRefiningShare', '0-1', 'ratio', "China's share of primary refined output", 'world.refiningProduction.CHN / world.refiningProduction'),
];

/** The catalogue entry for an outcome id, resolving families (`world.mineProduction.PAK`). */
export function outcomeDefinition(id: string): OutcomeDefinition | undefined {
  const exact = OUTCOME_CATALOGUE.find((o) => o.id === id);
  if (exact) return exact;
  return OUTCOME_CATALOGUE.find((o) => {
    const i = o.id.indexOf('<');
    return i > 0 && id.startsWith(o.id.slice(0, i)) && !id.slice(i).includes('.');
  });
}
