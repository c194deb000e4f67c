// @stibium/market public API: explicit named exports only.
export { dateToMonths, monthLabel, monthsBetween, parseMonth, yearOfMonth } from './time.ts';
export type { MonthOrigin } from './time.ts';
export type {
  BuyerSpec,
  CountrySpec,
  FeedForm,
  FeedRouteSpec,
  MarketSpec,
  MineSpec,
  PlantSpec,
  ProductForm,
  RefinedForm,
  SalesRouteSpec,
  Segment,
  Stage,
  StockpileSpec,
  World,
  WorldParameters,
} from './world/types.ts';
export type { WorldFile, SourceEntry, VintageEntry } from './world/file.ts';
export { resolveWorld } from './world/load.ts';
export { antimonyWorld, ANTIMONY_WORLD_FILE, ANTIMONY_VINTAGES } from './world/antimony.ts';
export { worldIds } from './world/ids.ts';
export type { WorldIds } from './world/ids.ts';
export type {
  BuildPlant,
  Certify,
  DisruptionRisk,
  ExportControl,
  Offtake,
  OpenTerminal,
  PriceFormula,
  StockpileOrder,
  SupplyShift,
  Tariff,
  WorldIntervention,
} from './model/interventions.ts';
export type { ApplyIntervention, ClearMonth, WorldCommand } from './model/commands.ts';
export { WORLD_EVENT_TYPES } from './model/events.ts';
export type {
  Disrupted,
  ExportLicenceDelayed,
  FeedShipped,
  InformalInflow,
  InterventionApplied,
  InterventionRejected,
  MarketCleared,
  MarketPurchased,
  MineProduced,
  MonthCleared,
  Processed,
  SecondarySupplied,
  SegmentUse,
  Settlement,
  Shipped,
  StockpileChanged,
  UtilizationAdjusted,
  WorldEvent,
} from './model/events.ts';
export type { WorldState } from './model/state.ts';
export { createWorldDecider } from './model/decider.ts';
export type { WorldDecider } from './model/decider.ts';
export type { WorldStep } from './model/decide.ts';
export { evolveWorld } from './model/evolve.ts';
export { initialWorldState } from './model/initial.ts';
export { runWorld, monthClearingCommands } from './run.ts';
export type { TimedCommand, WorldRunConfig, WorldRunOptions, WorldRunResult } from './run.ts';
export { OUTCOME_CATALOGUE, outcomeDefinition } from './outcomes/catalogue.ts';
export type { OutcomeDefinition, YearlyRule } from './outcomes/catalogue.ts';
export { OutcomeFold, foldOutcomes, MonthlySums } from './outcomes/fold.ts';
export type { OutcomeSeries, OutcomeTable } from './outcomes/fold.ts';
export { hhi } from './outcomes/derive.ts';
export { worldInvariantViolations } from './check/invariants.ts';
