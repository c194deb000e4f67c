import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { renderReport, type ReportOptions } from './render.ts';

/** File name of the report inside a results folder. */
export const REPORT_FILE = 'report.html';

/** Writes `text` to `file` via a synced temporary file and a rename: readers never see half a file. */
export function writeTextAtomic(file: string, text: string): void {
  const temp = `${file}.tmp-${process.pid}`;
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Renders the report of a results folder and writes it atomically to `<resultsDir>/report.html`; returns that path. */
export async function writeReport(resultsDir: string, options: ReportOptions = {}): Promise<string> {
  const html = await renderReport(resultsDir, options);
  const file = join(resultsDir, REPORT_FILE);
  writeTextAtomic(file, html);
  return file;
}
