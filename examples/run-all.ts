// Runs every example program in turn (the README's main command until the scenario CLI lands).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const examples: Array<[string, string[]]> = [
  ['examples/queueing/mmc.ts', ['--lambda', '2.7', '--mu', '1', '--servers', '3', '--customers', '200000', '--seed', '7']],
  ['examples/inventory/main.ts', []],
];
for (const [file, args] of examples) {
  if (!existsSync(file)) continue;
  process.stdout.write(`\n$ tsx ${file} ${args.join(' ')}\n`);
  execFileSync('node_modules/.bin/tsx', [file, ...args], { stdio: 'inherit' });
}
