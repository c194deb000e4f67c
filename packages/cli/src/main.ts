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
