// One benchmark case in a fresh process, so its peak RSS is its own. Prints one JSON line.
import { simulateMmc } from '../examples/queueing/model.ts';
import { holdPlain } from './hold.ts';

const [kind = '', a = '', b = '', c = ''] = process.argv.slice(2);
const rss = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

if (kind === 'hold-plain') {
  const r = holdPlain(Number(a), Number(b), c === 'on');
  console.log(JSON.stringify({ eventsPerSecond: Math.round(r.events / r.seconds), wallSeconds: r.seconds, events: r.events, logged: r.logged, peakRssMb: rss() }));
} else if (kind === 'mm1') {
  const start = process.hrtime.bigint();
  const r = simulateMmc({ lambda: Number(a), mu: Number(b), servers: 1, customers: Number(c), seed: 7 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ wallSeconds: seconds, customers: r.served, events: r.events, eventsPerSecond: Math.round(r.events / seconds), meanWaitInQueue: r.meanWaitInQueue, peakRssMb: rss() }));
} else {
  // Generator-process cases live beside this file once the process layer exists.
  const pluginPath = './engine-process-case.ts';
  const plugin = (await import(pluginPath).catch(() => undefined)) as
    | { runCase(kind: string, a: string, b: string, c: string): Promise<unknown> }
    | undefined;
  if (plugin === undefined) {
    console.log(JSON.stringify({ error: `unknown case ${kind}` }));
  } else {
    console.log(JSON.stringify(await plugin.runCase(kind, a, b, c)));
  }
}
