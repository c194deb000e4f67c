// @stibium/core, SimPy-style processes: trucks queue for two loading bays at a mine.
// Generators yield requests and timeouts; the Resource keeps utilisation statistics.
import assert from 'node:assert/strict';
import { Resource, Simulation, spawn, timeout, uniform, type ProcessGenerator } from '@stibium/core';

const sim = new Simulation({ seed: 'bays' });
const bays = new Resource(sim, { capacity: 2, name: 'loading bays' });
const waits: number[] = [];

function* truck(id: number): ProcessGenerator {
  const arrived = sim.now;
  const bay = bays.request();
  yield bay; // wait for a free bay
  waits.push(sim.now - arrived);
  yield timeout(uniform(sim.rng('loading'), 1, 3)); // hours to load
  bays.release(bay);
  if (id === 0) console.log(`truck 0 left at t = ${sim.now.toFixed(2)} h`);
}

spawn(sim, function* () {
  for (let id = 0; id < 20; id++) {
    spawn(sim, truck(id), { name: `truck-${id}` });
    yield timeout(0.5); // a truck every half hour
  }
});
sim.run();

const stats = bays.stats.summary();
console.log(`${stats.grants} trucks, mean wait ${stats.meanWait?.toFixed(2)} h, bay utilisation ${((stats.utilization ?? 0) * 100).toFixed(0)}%`);
assert.equal(waits.length, 20);
assert.equal(stats.grants, 20);
