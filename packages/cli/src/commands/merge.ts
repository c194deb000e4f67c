import { mergeResults } from '@stibium/scenario';
import { usage } from '../errors.ts';
import { comparisonTable, summaryTable } from '../table.ts';

/** `stibium merge`: joins `--run-range` slices into one results folder. */
export async function mergeCommand(dirs: readonly string[], opts: { out?: string; json?: boolean; force?: boolean }): Promise<number> {
  if (opts.out === undefined) throw usage('merge needs --out DIR: the folder to write the joined results to');
  const result = await mergeResults(dirs, { out: opts.out, replace: opts.force ?? false });
  const range = result.manifest.experiment.runRange;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ out: result.out, runRange: range, runs: result.manifest.experiment.runs, summary: result.summary, comparison: result.comparison })}\n`);
    return 0;
  }
  process.stdout.write(`${summaryTable(result.summary)}\n`);
  if (result.comparison !== null) process.stdout.write(`\n${comparisonTable(result.comparison)}\n`);
  const whole = range.from === 0 && range.to === result.manifest.experiment.runs;
  process.stdout.write(`\nMerged runs ${range.from}:${range.to}${whole ? ' (the whole experiment)' : ` of ${result.manifest.experiment.runs}`} into ${result.out}\n`);
  return 0;
}
