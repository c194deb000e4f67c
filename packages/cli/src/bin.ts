import { CommanderError } from 'commander';
import { EXIT, reportError } from './errors.ts';
import { buildProgram, isHelpExit } from './program.ts';

/** Runs the `stibium` command line and returns its exit code (never throws). */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return isHelpExit(error) ? EXIT.ok : EXIT.badInput;
    return reportError(error);
  }
}

// Flushes stdout before exiting, so `--json` output piped to a script is never cut short.
const code = await main(process.argv.slice(2));
process.stdout.write('', () => process.exit(code));
