/** Steady-state M/M/c results (Erlang C), used to check the simulation. */
export interface MmcTheory {
  /** Offered load per server, lambda / (c mu); must be < 1. */
  readonly rho: number;
  /** Probability that an arrival waits (Erlang C). */
  readonly probabilityOfWait: number;
  readonly meanWaitInQueue: number;
  readonly meanTimeInSystem: number;
  readonly utilization: number;
}

/** Erlang C formulas for M/M/c with arrival rate `lambda`, service rate `mu`, `c` servers. */
export function mmcTheory(lambda: number, mu: number, c: number): MmcTheory {
  const a = lambda / mu;
  const rho = a / c;
  if (!(rho < 1)) throw new Error(`M/M/c is unstable for rho = ${rho} >= 1`);
  // Sum a^k / k! for k < c, computed by recurrence to avoid overflow.
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const last = (term * 1) / (1 - rho); // a^c / c! / (1 - rho)
  const probabilityOfWait = last / (sum + last);
  const meanWaitInQueue = probabilityOfWait / (c * mu - lambda);
  return { rho, probabilityOfWait, meanWaitInQueue, meanTimeInSystem: meanWaitInQueue + 1 / mu, utilization: rho };
}
