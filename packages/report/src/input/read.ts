import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { StibiumError } from '@stibium/core';
import { obj, readJsonFile, type JsonFile } from './json.ts';
import { parseProvenance, parseScenarios } from './manifest.ts';
import { mergeAssumptions, parseAssumptions, parseOutcomes, parseSources, scenarioAssumptions } from './metadata.ts';
import { parseComparison, parseSummary } from './stats.ts';
import type { AssumptionInfo, ResultsData, ScenarioInfo } from './types.ts';

/**
 * The files of a results folder the report reads. `outcomes.json` and `assumptions.json`
 * are optional companions (their content may instead sit in the manifest under
 * `outcomes`, `assumptions` and `sources`).
 */
export const REPORT_INPUT_FILES = {
  manifest: 'manifest.json',
  summary: 'summary.json',
  comparison: 'comparison.json',
  outcomes: 'outcomes.json',
  assumptions: 'assumptions.json',
} as const;

function unreadable(name: string, file: JsonFile, notes: string[]): unknown {
  if (file.kind === 'invalid') notes.push(`${name} could not be read (${file.why}); what it holds is not shown.`);
  return file.kind === 'ok' ? file.value : undefined;
}

/**
 * Reads a results folder into the report's data. Throws RESULTS_INVALID only when `dir`
 * is not a results folder at all (no manifest.json and no summary.json); any other
 * missing or malformed part becomes a visible note.
 */
export function readResults(dir: string): ResultsData {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new StibiumError('RESULTS_INVALID', `${dir} is not a folder; pass the results folder written by \`stibium run\``, { dir });
  }
  const notes: string[] = [];
  const manifestFile = readJsonFile(abs, REPORT_INPUT_FILES.manifest);
  const summaryFile = readJsonFile(abs, REPORT_INPUT_FILES.summary);
  if (manifestFile.kind === 'absent' && summaryFile.kind === 'absent') {
    throw new StibiumError('RESULTS_INVALID', `${dir} is not a results folder: it has neither manifest.json nor summary.json`, { dir });
  }
  const manifest = obj(unreadable('manifest.json', manifestFile, notes));
  if (manifestFile.kind === 'absent') notes.push('manifest.json is missing: provenance and scenario descriptions are not shown.');
  const summaryValue = unreadable('summary.json', summaryFile, notes);
  if (summaryFile.kind === 'absent') notes.push('summary.json is missing: no figures or charts can be shown.');
  const summary = parseSummary(summaryValue);

  const comparisonFile = readJsonFile(abs, REPORT_INPUT_FILES.comparison);
  const comparison = parseComparison(unreadable('comparison.json', comparisonFile, notes));
  if (comparisonFile.kind === 'absent') notes.push('comparison.json is missing (the experiment had no baseline): policy-versus-baseline charts are not shown.');

  const outcomesFile = readJsonFile(abs, REPORT_INPUT_FILES.outcomes);
  const outcomes = parseOutcomes(unreadable('outcomes.json', outcomesFile, notes) ?? manifest?.['outcomes']);
  if (outcomes.size === 0) notes.push('No outcome definitions (outcomes.json, or `outcomes` in manifest.json): units and descriptions of outcomes are not shown.');

  const assumptionsFile = readJsonFile(abs, REPORT_INPUT_FILES.assumptions);
  const assumptionsValue = unreadable('assumptions.json', assumptionsFile, notes) ?? manifest?.['assumptions'];
  const sources = parseSources(obj(assumptionsValue)?.['sources'] ?? manifest?.['sources']);
  const worldAssumptions = parseAssumptions(assumptionsValue, sources);
  if (worldAssumptions.length === 0) notes.push("No model assumptions (assumptions.json, or `assumptions` in manifest.json): only the scenario files' own settings are listed.");

  let scenarios: ScenarioInfo[] = manifest === null ? [] : parseScenarios(manifest);
  const known = new Set(scenarios.map((s) => s.id));
  const extra = [...summary.keys()].filter((id) => !known.has(id));
  if (extra.length > 0 && scenarios.length > 0) notes.push(`summary.json has scenarios the manifest does not list: ${extra.join(', ')}.`);
  scenarios = [...scenarios, ...extra.map((id): ScenarioInfo => ({ id, name: id, variant: null, description: null, vintage: null, files: [], horizon: null, resolved: null }))];

  const own: AssumptionInfo[] = scenarios.flatMap((s) => scenarioAssumptions(s.id, s.resolved, s.files[0]?.path ?? null));
  return {
    dir: abs,
    provenance: manifest === null ? null : parseProvenance(manifest),
    scenarios,
    summary,
    comparison,
    outcomes,
    sources,
    assumptions: [...worldAssumptions, ...mergeAssumptions(own, scenarios.length)],
    notes,
  };
}
