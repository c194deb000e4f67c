/**
 * `Math.pow(base, exponent)` for one exponent, remembering the results of the bases seen
 * since `begin`. The feed trade raises ~70 netback ratios a month to the trade elasticity,
 * and three in four are ones it has raised already that month: origins with the same
 * payable share and inland haulage offering into one market at the default freight have
 * the same ratio. `Math.pow` costs ~50-100 ns here; a hit a few. A hit
 * returns the result `Math.pow` gave for the same bits, so results are identical. Bases
 * are matched by their bits, not `===`, so -0 and +0 stay apart.
 */
export class PowMemo {
  // Open addressing with linear probing; an entry belongs to the generation in `stamp`,
  // so `begin` clears nothing. Generations start at 1: a fresh table's zero stamps match
  // none. At most half the slots are filled, so probes stay short and always end.
  #hi = new Int32Array(SIZE);
  #lo = new Int32Array(SIZE);
  #value = new Float64Array(SIZE);
  #stamp = new Int32Array(SIZE);
  #generation = 1;
  #held = 0;
  #exponent = 1;

  /** Starts a new generation for `exponent`: what was remembered before is forgotten. */
  begin(exponent: number): void {
    this.#exponent = exponent;
    this.#held = 0;
    this.#generation++;
    if (this.#generation === 0x7fffffff) {
      // Stamps would wrap: forget all and start again.
      this.#stamp.fill(0);
      this.#generation = 1;
    }
  }

  /** `Math.pow(base, exponent)` for this generation's exponent. */
  pow(base: number): number {
    bits[0] = base;
    const hi = words[1] as number;
    const lo = words[0] as number;
    const mask = SIZE - 1;
    let i = (Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b) >>> 16) & mask;
    const g = this.#generation;
    for (;;) {
      if (this.#stamp[i] !== g) break;
      if (this.#hi[i] === hi && this.#lo[i] === lo) return this.#value[i] as number;
      i = (i + 1) & mask;
    }
    const value = Math.pow(base, this.#exponent);
    // A table at half load stops remembering (still correct, only slower).
    if (2 * this.#held < SIZE) {
      this.#held++;
      this.#stamp[i] = g;
      this.#hi[i] = hi;
      this.#lo[i] = lo;
      this.#value[i] = value;
    }
    return value;
  }
}

// Slots of the table (a power of two); a month raises ~16 distinct ratios, at most ~70.
const SIZE = 256;

// One scratch double and its two 32-bit words (little-endian order is irrelevant: both words are compared).
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);
