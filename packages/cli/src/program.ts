import { Command, CommanderError, Option } from 'commander';
import type { ExperimentOptions } from './commands/experiment.ts';
import type { ReplayOptions } from './commands/replay.ts';

// Commands are imported when they run: `--help` and usage errors answer at once instead of
// waiting for the scenario layer and the model to load.
const experimentCommand = async (...a: Parameters<typeof import('./commands/experiment.ts').experimentCommand>) => (await import('./commands/experiment.ts')).experimentCommand(...a);
const mergeCommand = async (...a: Parameters<typeof import('./commands/merge.ts').mergeCommand>) => (await import('./commands/merge.ts')).mergeCommand(...a);
const replayCommand = async (...a: Parameters<typeof import('./commands/replay.ts').replayCommand>) => (await import('./commands/replay.ts')).replayCommand(...a);
const reportCommand = async (...a: Parameters<typeof import('./commands/report.ts').reportCommand>) => (await import('./commands/report.ts')).reportCommand(...a);
const schemaCommand = async () => (await import('./commands/schema.ts')).schemaCommand();
const validateCommand = async (...a: Parameters<typeof import('./commands/validate.ts').validateCommand>) => (await import('./commands/validate.ts')).validateCommand(...a);

// `--lever a=1 --lever b=x` collects into a list.
const leverOption = (): Option =>
  new Option('--lever <name=value>', 'set a lever of the scenario files for this run (repeatable; the value is a number, true/false or a word)').argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]);

// A fresh set per command: commander keeps parse state on Option objects.
const experimentOptions = (): Option[] => [
  new Option('--runs <n>', 'Monte Carlo runs (default: the scenario file\'s `runs`)'),
  new Option('--seed <seed>', 'experiment seed; run i uses a seed derived from it and i only (default: the file\'s `seed`)'),
  new Option('--workers <n>', 'worker threads; results are identical for any number (default: cores, at most 8)'),
  new Option('--out <dir>', 'results folder (default: results/<scenario>)'),
  new Option('--variant <name>', 'run this variant of the files that define it'),
  new Option('--all-variants', 'run every variant of each file as well as its base'),
  leverOption(),
  new Option('--all-levers', `run every combination of the options of the scenario's levers, each as its own case name[lever=value,...] (at most 64 per scenario)`),
  new Option('--json', 'print machine-readable JSON on stdout (nothing else goes to stdout)'),
  new Option('--keep-logs', 'keep every run\'s event log (logs/<scenario>/run-N.sqlite) for `stibium replay`'),
  new Option('--run-range <a:b>', 'run only runs a..b-1 of the experiment (join slices with `stibium merge`)'),
  new Option('--resume <dir>', 'continue an interrupted run from its <out>.partial folder'),
  new Option('--no-report', 'do not write report.html'),
  new Option('--force', 'replace an existing results folder'),
  new Option('--show <globs>', "outcomes in the terminal tables, comma-separated globs (default: the headline outcomes; files always hold all)"),
];

/** The `stibium` command line: `run`, `compare`, `validate`, `replay`, `report`, `schema`, `merge`. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('stibium')
    .description('Stibium: event-sourced simulation of the antimony value chain. Run scenarios, compare policies, get citable results.')
    .showHelpAfterError('(run with --help for usage and examples)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  stibium run scenarios/baseline.yaml --runs 200
  stibium compare scenarios/local-refining.yaml scenarios/export-terminal.yaml --baseline scenarios/baseline.yaml
  stibium validate scenarios/*.yaml
  stibium replay results/baseline --run 3 --at 2027-06

Exit codes: 0 ok, 1 internal error, 2 bad input (the message says what to fix), 130 interrupted.`,
    );

  const run = program
    .command('run')
    .description('run one or more scenarios as a Monte Carlo experiment and write a results folder')
    .argument('[files...]', 'scenario files (YAML or JSON)')
    .option('--baseline <id>', 'compare every other scenario with this one (default: the one named "baseline", if any)');
  for (const o of experimentOptions()) run.addOption(o);
  run
    .addHelpText(
      'after',
      `
Examples:
  stibium run scenarios/baseline.yaml                        # runs and seed from the file
  stibium run scenarios/baseline.yaml --runs 1000 --seed 7 --workers 4
  stibium run scenarios/baseline.yaml scenarios/combined.yaml   # compared with "baseline"
  stibium run scenarios/china-controls.yaml --all-variants --json > out.json
  stibium run scenarios/local-refining.yaml --lever refinery=none  # a policy choice (lever) set for this run
  stibium run scenarios/local-refining.yaml --all-levers     # every option of its levers as a case
  stibium run scenarios/baseline.yaml --runs 1000 --run-range 0:500 --out part-a
  stibium run --resume results/baseline.partial              # after Ctrl-C or a crash

Results folder: manifest.json, summary.json, runs.csv, runs.arrow, comparison.json/.csv
(when comparing), logs/ (with --keep-logs), report.html.`,
    )
    .action(async (files: string[], opts: ExperimentOptions) => setExit(await experimentCommand(files, opts, null)));

  const compare = program
    .command('compare')
    .description('compare policy scenarios with a baseline, paired run by run on common random numbers')
    .argument('[policies...]', 'policy scenario files')
    .requiredOption('--baseline <file>', 'the baseline scenario file');
  for (const o of experimentOptions()) compare.addOption(o);
  compare
    .addHelpText(
      'after',
      `
Examples:
  stibium compare scenarios/local-refining.yaml --baseline scenarios/baseline.yaml
  stibium compare scenarios/china-controls.yaml --variant no-controls --baseline scenarios/baseline.yaml --runs 500
  stibium compare scenarios/local-refining.yaml --all-levers --baseline scenarios/baseline.yaml

The table shows policy minus baseline per outcome and year: mean difference and its 95%
confidence interval (t quantile, paired by run). comparison.csv has every period.`,
    )
    .action(async (files: string[], opts: ExperimentOptions & { baseline: string }) => {
      const { baseline, ...rest } = opts;
      setExit(await experimentCommand(files, rest, baseline));
    });

  program
    .command('validate')
    .description('check scenario files without running them; every problem with file:line:col')
    .argument('<files...>', 'scenario files')
    .option('--json', 'print the problems as JSON on stdout')
    .addOption(leverOption())
    .addHelpText('after', '\nExamples:\n  stibium validate scenarios/*.yaml\n  stibium validate my-scenario.yaml --json\n  stibium validate scenarios/local-refining.yaml --lever refinery=concentrator')
    .action(async (files: string[], opts: { json?: boolean; lever?: string[] }) => setExit(await validateCommand(files, opts)));

  program
    .command('replay')
    .description('rebuild state and outcomes at the end of a month from a saved event log')
    .argument('<target>', 'a results folder written with --keep-logs, or one run\'s .sqlite log')
    .option('--run <n>', 'run index (with a results folder)')
    .option('--at <YYYY-MM>', 'month to replay to (inclusive)')
    .option('--scenario <id>', 'scenario in the folder (default: the first)')
    .option('--json', 'print JSON on stdout')
    .addHelpText('after', '\nExamples:\n  stibium replay results/baseline --run 3 --at 2027-06\n  stibium replay results/baseline/logs/baseline/run-000003.sqlite --at 2030-12 --json')
    .action(async (target: string, opts: ReplayOptions) => setExit(await replayCommand(target, opts)));

  program
    .command('report')
    .description('write report.html (charts, tables, provenance) for a results folder')
    .argument('<dir>', 'a complete results folder')
    .option('--json', 'print the report path as JSON')
    .addHelpText('after', '\nExample:\n  stibium report results/baseline_3   # then open results/baseline_3/report.html')
    .action(async (dir: string, opts: { json?: boolean }) => setExit(await reportCommand(dir, opts)));

  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor completion)')
    .addHelpText('after', '\nExample:\n  stibium schema > stibium.schema.json   # then: # yaml-language-server: $schema=./stibium.schema.json')
    .action(async () => setExit(await schemaCommand()));

  program
    .command('merge')
    .description('join results folders of one experiment split with --run-range into one folder')
    .argument('<dirs...>', 'results folders (slices), in any order')
    .option('--out <dir>', 'the joined results folder')
    .option('--json', 'print JSON on stdout')
    .option('--force', 'replace an existing results folder')
    .addHelpText('after', '\nExample:\n  stibium run s.yaml --runs 1000 --run-range 0:500 --out a && stibium run s.yaml --runs 1000 --run-range 500:1000 --out b\n  stibium merge a b --out all      # byte-identical to one run of 1000')
    .action(async (dirs: string[], opts: { out?: string; json?: boolean; force?: boolean }) => setExit(await mergeCommand(dirs, opts)));

  return program;
}

/** Whether a commander error is help or version output (exit 0) rather than a usage error. */
export function isHelpExit(error: CommanderError): boolean {
  return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
}
