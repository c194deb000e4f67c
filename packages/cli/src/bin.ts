import { main } from './main.ts';

// Flushes stdout before exiting, so `--json` output piped to a script is never cut short.
const code = await main(process.argv.slice(2));
process.stdout.write('', () => process.exit(code));
