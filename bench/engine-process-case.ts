// Generator-process cases of `pnpm bench:engine` (loaded by engine-case.ts).
import { Resource, Simulation, exponential, spawn, timeout, type RandomStream } from '@stibium/core';

const rss = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

function* holder(rng: RandomStream, sim: Simulation, id: number, record: boolean) {
  // With the log on, each step records a domain event, as an event-sourced process would.
  if (record) for (;;) { yield timeout(exponential(rng, 1)); sim.record('Held', id); }
  for (;;) yield timeout(exponential(rng, 1));
}

function holdProcess(k: number, events: number, record: boolean): Record<string, number> {
  const sim = new Simulation({ seed: 1, record });
  const rng = sim.rng('hold');
  for (let i = 0; i < k; i++) spawn(sim, holder(rng, sim, i, record));
  sim.run({ maxEvents: k }); // start every process before timing
  const start = process.hrtime.bigint();
  const result = sim.run({ maxEvents: events });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { eventsPerSecond: Math.round(result.events / seconds), wallSeconds: seconds, events: result.events, logged: sim.log?.length ?? 0, peakRssMb: rss() };
}

function mm1Process(lambda: number, mu: number, customers: number): Record<string, number | null> {
  const sim = new Simulation({ seed: 7 });
  const arrivals = sim.rng('arrivals');
  const services = sim.rng('services');
  const server = new Resource(sim, { capacity: 1 });
  function* customer() {
    const request = server.request();
    yield request;
    yield timeout(exponential(services, mu));
    server.release(request);
  }
  spawn(sim, function* source() {
    for (let i = 0; i < customers; i++) {
      yield timeout(exponential(arrivals, lambda));
      spawn(sim, customer());
    }
  });
  const start = process.hrtime.bigint();
  const result = sim.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const stats = server.stats.summary();
  return { wallSeconds: seconds, customers, events: result.events, meanWaitInQueue: stats.meanWait, utilization: stats.utilization, peakRssMb: rss() };
}

/** Runs one generator-process case by name. */
export async function runCase(kind: string, a: string, b: string, c: string): Promise<Record<string, unknown>> {
  if (kind === 'hold-process') return holdProcess(Number(a), Number(b), c === 'on');
  if (kind === 'mm1-process') return mm1Process(Number(a), Number(b), Number(c));
  return { error: `unknown case ${kind}` };
}
