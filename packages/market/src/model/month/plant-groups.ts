import type { Stage } from '../../world/types.ts';
import { growF64 } from './grow.ts';

/**
 * A month's plants pooled by (country, stage), in the order the plants list them, as
 * columns of capacity-weighted sums. The processing steps rebuilt a map of small objects
 * under `${country}/${stage}` keys every month; this table is kept by its step, starts
 * each month with `reset()` and writes every row it reads, so nothing carries over.
 */
export class PlantGroups {
  /** Rows in use this month. */
  count = 0;
  readonly country: string[] = [];
  readonly stage: Stage[] = [];
  /** Monthly capacity, t. */
  cap = new Float64Array(16);
  /** Capacity x recovery. */
  rec = new Float64Array(16);
  /** Capacity x oxide share. */
  ox = new Float64Array(16);
  /** Capacity x operating cost per tonne. */
  cost = new Float64Array(16);

  /** Empties the table for a new month (rows are overwritten, not cleared). */
  reset(): void {
    this.count = 0;
  }

  /** Adds a plant's monthly capacity `k` and its capacity-weighted recovery, oxide share and cost to its group. */
  add(country: string, stage: Stage, k: number, recovery: number, oxideShare: number, cost: number): void {
    const i = this.#rowOf(country, stage);
    this.cap[i] = (this.cap[i] as number) + k;
    this.rec[i] = (this.rec[i] as number) + k * recovery;
    this.ox[i] = (this.ox[i] as number) + k * oxideShare;
    this.cost[i] = (this.cost[i] as number) + k * cost;
  }

  // A dozen groups a month: a scan beats building a key string per plant.
  #rowOf(country: string, stage: Stage): number {
    for (let i = 0; i < this.count; i++) if (this.country[i] === country && this.stage[i] === stage) return i;
    const i = this.count++;
    this.cap = growF64(this.cap, this.count);
    this.rec = growF64(this.rec, this.count);
    this.ox = growF64(this.ox, this.count);
    this.cost = growF64(this.cost, this.count);
    this.country[i] = country;
    this.stage[i] = stage;
    this.cap[i] = 0;
    this.rec[i] = 0;
    this.ox[i] = 0;
    this.cost[i] = 0;
    return i;
  }
}
