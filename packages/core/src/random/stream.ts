import seedrandom from 'seedrandom';
import { StibiumError } from '../errors.ts';

/** The saved state of one named stream: enough to continue its draws exactly. */
export interface RandomStreamState {
  readonly name: string;
  readonly alea: { readonly c: number; readonly s0: number; readonly s1: number; readonly s2: number };
  readonly draws: number;
}

type AleaPrng = seedrandom.PRNG & { state(): RandomStreamState['alea'] };

/**
 * One named, seeded source of uniform numbers in [0, 1). Streams are derived from the
 * run seed and their own name only (`seed/name`), so creating a new stream never shifts
 * another stream's draws. Uses seedrandom's Alea generator, whose state is four numbers
 * and can be saved and restored.
 */
export class RandomStream {
  /** The stream's name, unique within a run. */
  readonly name: string;
  #prng: AleaPrng;
  #draws = 0;

  /** Use {@link RandomStreams.get} rather than constructing directly. */
  constructor(runSeed: string, name: string, state?: RandomStreamState) {
    this.name = name;
    const options = state ? { state: state.alea } : { state: true };
    this.#prng = seedrandom.alea(`${runSeed}/${name}`, options as Parameters<typeof seedrandom.alea>[1]) as AleaPrng;
    if (state) this.#draws = state.draws;
  }

  /** A uniform draw in [0, 1). */
  next(): number {
    this.#draws++;
    return this.#prng();
  }

  /** How many uniforms this stream has produced (kept in its state, for audit). */
  get draws(): number {
    return this.#draws;
  }

  /** The stream's state, JSON-safe, for snapshots. */
  save(): RandomStreamState {
    return { name: this.name, alea: { ...this.#prng.state() }, draws: this.#draws };
  }
}

/**
 * The set of named streams of one run. `get(name)` creates a stream on first use;
 * `save()`/`restore()` carry all their states through snapshots.
 */
export class RandomStreams {
  /** The run seed every stream is derived from. */
  readonly seed: string;
  readonly #streams = new Map<string, RandomStream>();

  constructor(seed: string | number) {
    if (typeof seed === 'number' && !Number.isFinite(seed)) {
      throw new StibiumError('INVALID_ARGUMENT', `seed must be a finite number or a string, got ${seed}`);
    }
    this.seed = String(seed);
  }

  /** The stream called `name`, created on first use. */
  get(name: string): RandomStream {
    let stream = this.#streams.get(name);
    if (stream === undefined) {
      if (typeof name !== 'string' || name.length === 0) {
        throw new StibiumError('INVALID_ARGUMENT', 'a random stream needs a non-empty name');
      }
      stream = new RandomStream(this.seed, name);
      this.#streams.set(name, stream);
    }
    return stream;
  }

  /** States of every stream created so far, sorted by name so snapshots are canonical. */
  save(): RandomStreamState[] {
    return [...this.#streams.values()].map((s) => s.save()).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Replaces the streams with the saved states (streams not in `states` start fresh on use). */
  restore(states: readonly RandomStreamState[]): void {
    this.#streams.clear();
    for (const state of states) this.#streams.set(state.name, new RandomStream(this.seed, state.name, state));
  }
}
