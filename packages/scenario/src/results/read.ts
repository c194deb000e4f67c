import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StibiumError } from '@stibium/core';
import { RESULTS_FORMAT, RESULTS_FORMAT_VERSION, type Manifest } from './manifest.ts';
import { PARTIAL_SUFFIX } from './folder.ts';
import { RESULT_FILES } from './writer.ts';

/** Reads and checks the manifest of a complete results folder; RESULTS_INVALID says what is wrong. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, RESULT_FILES.manifest);
  if (!existsSync(file)) {
    const hint = dir.endsWith(PARTIAL_SUFFIX) ? ' (this run is unfinished: resume it with `stibium run --resume`)' : '';
    throw new StibiumError('RESULTS_INVALID', `${dir} is not a complete results folder: no ${RESULT_FILES.manifest}${hint}`, { dir });
  }
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
  } catch (error) {
    throw new StibiumError('RESULTS_INVALID', `${file} is not valid JSON (${(error as Error).message})`, { dir });
  }
  if (manifest.format !== RESULTS_FORMAT || manifest.formatVersion !== RESULTS_FORMAT_VERSION) {
    throw new StibiumError('RESULTS_INVALID', `${file} is not a stibium results manifest of version ${RESULTS_FORMAT_VERSION}`, { dir });
  }
  return manifest as Manifest;
}
