import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { StibiumError } from '@stibium/core';
import type { RunRow } from './rows.ts';

/** The header line of `runs.csv`. */
export const RUNS_CSV_HEADER = 'scenario,run,seed,outcome,period,value';

/** A CSV field, quoted (RFC 4180) only when it holds a comma, quote or line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One `runs.csv` line. Numbers are written in JavaScript's shortest round-trip form, so
 * reading them back gives the same doubles; a missing (non-finite) value is an empty field.
 */
export function csvLine(row: RunRow): string {
  const value = row.value === null ? '' : Object.is(row.value, -0) ? '0' : String(row.value);
  return `${csvField(row.scenario)},${row.run},${csvField(row.seed)},${csvField(row.outcome)},${csvField(row.period)},${value}\n`;
}

/** Splits one CSV line into fields (quoted fields may hold commas and doubled quotes, not line breaks). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error('unterminated quoted field');
        text += line.slice(i, q);
        if (line[q + 1] === '"') {
          text += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(text);
    } else {
      const comma = line.indexOf(',', i);
      fields.push(line.slice(i, comma < 0 ? line.length : comma));
      i = comma < 0 ? line.length : comma;
    }
    if (i >= line.length) return fields;
    if (line[i] !== ',') throw new Error(`expected a comma at column ${i + 1}`);
    i++;
  }
}

/** Streams the rows of a `runs.csv` written by stibium; throws on anything else. */
export async function* readRunsCsv(file: string): AsyncGenerator<RunRow> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (lineNo === 1) {
      if (line !== RUNS_CSV_HEADER) throw new StibiumError('INVALID_ARGUMENT', `${file}:1: not a stibium runs table (expected the header "${RUNS_CSV_HEADER}")`);
      continue;
    }
    let f: string[];
    try {
      f = parseCsvLine(line);
    } catch (error) {
      throw new StibiumError('INVALID_ARGUMENT', `${file}:${lineNo}: ${(error as Error).message}`);
    }
    if (f.length !== 6) throw new StibiumError('INVALID_ARGUMENT', `${file}:${lineNo}: expected 6 fields, found ${f.length}`);
    const [scenario, run, seed, outcome, period, value] = f as [string, string, string, string, string, string];
    yield { scenario, run: Number(run), seed, outcome, period, value: value === '' ? null : Number(value) };
  }
}
