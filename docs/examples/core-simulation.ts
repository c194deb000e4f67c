// @stibium/core, plain-data events: a mine ships ore to a port at random intervals. Event
// data is JSON, so the run is recorded, hashed, snapshotted and resumed bit for bit.
import assert from 'node:assert/strict';
import { Simulation, exponential } from '@stibium/core';

interface Cargo {
  readonly tonnes: number;
}

function build(sim: Simulation, arrivals: number[]): void {
  const shipped = sim.define<Cargo>('OreShipped', (cargo, s) => {
    arrivals.push(cargo.tonnes);
    // Draws come from a named stream derived from the seed: adding another stream elsewhere
    // never changes these draws.
    const gap = exponential(s.rng('shipping'), 1 / 7); // mean 7 days between trucks
    if (s.now + gap < 90) s.schedule(gap, shipped, { tonnes: 20 + Math.round(10 * s.rng('loads').next()) });
  });
  if (sim.now === 0) sim.schedule(0, shipped, { tonnes: 25 });
}

const sim = new Simulation({ seed: 42, record: true });
const tonnes: number[] = [];
build(sim, tonnes);
sim.run({ until: 45 });
const halfway = sim.snapshot(); // clock, pending events, random streams, log position
sim.run({ until: 90 });
console.log(`${tonnes.length} shipments, ${tonnes.reduce((a, b) => a + b, 0)} t, log hash ${sim.log?.digest().slice(0, 12)}`);

// Same seed, same model: the same log, byte for byte.
const again = new Simulation({ seed: 42, record: true });
build(again, []);
again.run({ until: 90 });
assert.equal(again.log?.digest(), sim.log?.digest());

// Resume from the snapshot: the second half replays identically.
const resumed = Simulation.restore(halfway, (s) => build(s, []));
resumed.run({ until: 90 });
assert.equal(resumed.log?.digest(), sim.log?.digest());
