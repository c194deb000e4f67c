import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StibiumError } from '@stibium/core';
import { fsyncDir, writeFileAtomic } from './atomic.ts';
import { stableJson } from './stable-json.ts';

/** Suffix of a results folder still being written. */
export const PARTIAL_SUFFIX = '.partial';
/** The record of an unfinished experiment, for `--resume`. */
export const EXPERIMENT_FILE = 'experiment.json';
/** The journal of completed runs. */
export const JOURNAL_FILE = 'runs.ndjson';

/** What `experiment.json` holds: how to rebuild the plan, and its fingerprint to check it. */
export interface ExperimentRecord {
  readonly fingerprint: string;
  /** Caller-defined (the CLI stores its parsed command line). */
  readonly request: unknown;
}

/**
 * A results folder under construction: everything is written into `<out>.partial/` and
 * the folder is renamed to `<out>` only when complete, so a folder without the suffix is
 * always whole. The partial folder holds `experiment.json` and the run journal, which
 * make `--resume` possible; both are removed when it is finalised.
 */
export class ResultsFolder {
  readonly out: string;
  readonly partial: string;
  readonly #replace: boolean;

  private constructor(out: string, replace: boolean) {
    this.out = out;
    this.partial = `${out}${PARTIAL_SUFFIX}`;
    this.#replace = replace;
  }

  /** Starts a new folder for `out`; refuses to touch an existing result or an unfinished run unless `replace`. */
  static create(out: string, record: ExperimentRecord, replace = false): ResultsFolder {
    const folder = new ResultsFolder(resolve(out), replace);
    if (existsSync(folder.out) && !replace) {
      throw new StibiumError('OUTPUT_EXISTS', `the results folder ${out} already exists; choose another --out, or add --force to replace it`, { out });
    }
    if (existsSync(folder.partial)) {
      if (!replace) {
        throw new StibiumError('OUTPUT_EXISTS', `an unfinished run left ${out}${PARTIAL_SUFFIX}; continue it with \`stibium run --resume ${out}${PARTIAL_SUFFIX}\`, or add --force to start over`, { out });
      }
      rmSync(folder.partial, { recursive: true, force: true });
    }
    try {
      mkdirSync(dirname(folder.partial), { recursive: true });
      mkdirSync(folder.partial);
    } catch (error) {
      // A bad --out (under a file, no permission) is the user's to fix, not an internal error.
      throw new StibiumError('USAGE', `cannot create the results folder ${out}: ${(error as Error).message}`, { out });
    }
    writeFileAtomic(join(folder.partial, EXPERIMENT_FILE), stableJson(record));
    return folder;
  }

  /** Reads the record of the unfinished run at `path` (`<out>` or `<out>.partial`). */
  static readRecord(path: string): { out: string; record: ExperimentRecord } {
    const abs = resolve(path);
    const partial = abs.endsWith(PARTIAL_SUFFIX) ? abs : `${abs}${PARTIAL_SUFFIX}`;
    const out = partial.slice(0, -PARTIAL_SUFFIX.length);
    const file = join(partial, EXPERIMENT_FILE);
    if (!existsSync(partial) || !statSync(partial).isDirectory()) {
      const done = existsSync(out) && existsSync(join(out, 'manifest.json'));
      throw new StibiumError('RESULTS_INVALID', done ? `${basename(out)} is complete: nothing to resume` : `no unfinished run at ${path} (expected a folder ending in ${PARTIAL_SUFFIX})`, { path });
    }
    let record: ExperimentRecord;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as ExperimentRecord;
    } catch {
      throw new StibiumError('RESULTS_INVALID', `${file} is missing or unreadable; this partial folder cannot be resumed`, { path });
    }
    return { out, record };
  }

  /** Reopens the partial folder of `out` for resuming; the fingerprint must match. */
  static resume(out: string, fingerprint: string): ResultsFolder {
    const { out: abs, record } = ResultsFolder.readRecord(out);
    if (record.fingerprint !== fingerprint) {
      throw new StibiumError('RESULTS_INVALID', `cannot resume ${abs}${PARTIAL_SUFFIX}: the scenarios or options differ from the interrupted run (were the scenario files edited?)`, { out });
    }
    const folder = new ResultsFolder(abs, false);
    // Temporary files of the interrupted process would otherwise be renamed along with the folder.
    for (const name of readdirSync(folder.partial)) if (/\.tmp-\d+$/.test(name)) rmSync(folder.file(name), { force: true });
    return folder;
  }

  /** Path of a file inside the partial folder. */
  file(name: string): string {
    return join(this.partial, name);
  }

  /** Removes the resume bookkeeping and renames `<out>.partial` to `<out>`. */
  finalize(): void {
    rmSync(this.file(JOURNAL_FILE), { force: true });
    rmSync(this.file(EXPERIMENT_FILE), { force: true });
    fsyncDir(this.partial);
    let old: string | undefined;
    if (existsSync(this.out)) {
      if (!this.#replace) throw new StibiumError('OUTPUT_EXISTS', `the results folder ${this.out} appeared while the run was going on; the results stay in ${this.partial}`);
      old = `${this.out}.old-${process.pid}`;
      renameSync(this.out, old);
    }
    renameSync(this.partial, this.out);
    fsyncDir(dirname(this.out));
    if (old !== undefined) rmSync(old, { recursive: true, force: true });
  }
}
