import { Simulation, exponential } from '@stibium/core';

/** Parameters of an M/M/c run. */
export interface MmcParams {
  readonly lambda: number;
  readonly mu: number;
  readonly servers: number;
  readonly customers: number;
  readonly seed: string | number;
  /** Batches for the batch-means standard error of the mean wait (default 20). */
  readonly batches?: number;
}

/** What an M/M/c run measured. */
export interface MmcResult {
  readonly served: number;
  readonly meanWaitInQueue: number;
  /** Batch-means standard error of `meanWaitInQueue`. */
  readonly meanWaitStdError: number;
  readonly meanTimeInSystem: number;
  readonly utilization: number;
  readonly simulatedTime: number;
  readonly events: number;
}

/**
 * M/M/c in the kernel's plain-data style: two event types, `Arrived` and `Departed`,
 * whose data is the customer's arrival time, and a FIFO ring buffer of waiting arrivals.
 * Arrivals and services draw from separate named streams, so changing the number of
 * servers keeps the same arrival sequence (common random numbers).
 */
export function simulateMmc(params: MmcParams): MmcResult {
  const { lambda, mu, servers, customers } = params;
  const sim = new Simulation({ seed: params.seed });
  const arrivals = sim.rng('arrivals');
  const services = sim.rng('services');
  let queue = new Float64Array(1024);
  let head = 0;
  let length = 0;
  let busy = 0;
  let arrived = 0;
  let served = 0;
  let busyArea = 0;
  let lastChange = 0;
  let totalWait = 0;
  let totalSojourn = 0;
  const batches = params.batches ?? 20;
  const batchSize = Math.max(1, Math.floor(customers / batches));
  const batchWaits: number[] = [];
  let batchWait = 0;
  let started = 0;

  const setBusy = (now: number, next: number): void => {
    busyArea += busy * (now - lastChange);
    lastChange = now;
    busy = next;
  };
  const startService = (arrival: number, now: number): void => {
    const wait = now - arrival;
    totalWait += wait;
    batchWait += wait;
    if (++started % batchSize === 0 && batchWaits.length < batches) {
      batchWaits.push(batchWait / batchSize);
      batchWait = 0;
    }
    sim.schedule(exponential(services, mu), departed, arrival);
  };
  const arrivedKind = sim.define<number>('Arrived', (_data, s) => {
    const now = s.now;
    if (++arrived < customers) s.schedule(exponential(arrivals, lambda), arrivedKind, 0);
    if (busy < servers) {
      setBusy(now, busy + 1);
      startService(now, now);
      return;
    }
    if (length === queue.length) {
      const grown = new Float64Array(queue.length * 2);
      for (let i = 0; i < length; i++) grown[i] = queue[(head + i) % queue.length] as number;
      queue = grown;
      head = 0;
    }
    queue[(head + length++) % queue.length] = now;
  });
  const departed = sim.define<number>('Departed', (arrival, s) => {
    const now = s.now;
    served++;
    totalSojourn += now - arrival;
    if (length > 0) {
      const next = queue[head] as number;
      head = (head + 1) % queue.length;
      length--;
      startService(next, now);
    } else {
      setBusy(now, busy - 1);
    }
  });
  sim.schedule(exponential(arrivals, lambda), arrivedKind, 0);
  const result = sim.run();
  setBusy(sim.now, busy);
  const mean = batchWaits.reduce((a, b) => a + b, 0) / batchWaits.length;
  const variance = batchWaits.reduce((a, b) => a + (b - mean) ** 2, 0) / (batchWaits.length - 1);
  return {
    served,
    meanWaitInQueue: totalWait / served,
    meanWaitStdError: Math.sqrt(variance / batchWaits.length),
    meanTimeInSystem: totalSojourn / served,
    utilization: busyArea / (servers * sim.now),
    simulatedTime: sim.now,
    events: result.events,
  };
}
