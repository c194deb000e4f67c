// M/M/c queue on the Stibium kernel. Prints one JSON line with the simulated figures and
// the Erlang C values they should match.
//   pnpm tsx examples/queueing/mmc.ts --lambda 2.7 --mu 1 --servers 3 --customers 200000 --seed 7
import { parseArgs } from 'node:util';
import { simulateMmc } from './model.ts';
import { mmcTheory } from './theory.ts';

const { values } = parseArgs({
  options: {
    lambda: { type: 'string', default: '0.9' },
    mu: { type: 'string', default: '1' },
    servers: { type: 'string', default: '1' },
    customers: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '7' },
  },
});

function positive(name: string, text: string, integer = false): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    process.stderr.write(`mmc: --${name} must be a positive ${integer ? 'integer' : 'number'}, got "${text}"\n`);
    process.exit(2);
  }
  return value;
}

const lambda = positive('lambda', values.lambda);
const mu = positive('mu', values.mu);
const servers = positive('servers', values.servers, true);
const customers = positive('customers', values.customers, true);
const result = simulateMmc({ lambda, mu, servers, customers, seed: values.seed });
const theory = lambda < servers * mu ? mmcTheory(lambda, mu, servers) : undefined;
process.stdout.write(
  `${JSON.stringify({
    lambda,
    mu,
    servers,
    seed: values.seed,
    served: result.served,
    meanWaitInQueue: result.meanWaitInQueue,
    meanWaitStdError: result.meanWaitStdError,
    meanTimeInSystem: result.meanTimeInSystem,
    utilization: result.utilization,
    theory: theory ?? null,
  })}\n`,
);
