// @stibium/report: turn a results folder into one self-contained report.html (charts as
// inline SVG, no script, no network). Here the folder comes from a tiny experiment.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readResults, writeReport } from '@stibium/report';
import { DEFAULT_MODEL_MODULE, loadModel, loadScenario, runExperiment, type IdCatalog, type ModelModule } from '@stibium/scenario';

const model = (await loadModel(DEFAULT_MODEL_MODULE)) as ModelModule & { scenarioCatalog(): IdCatalog };
const baseline = loadScenario('scenarios/baseline.yaml', model.scenarioCatalog());
const certification = loadScenario('scenarios/certification.yaml', model.scenarioCatalog());

const dir = mkdtempSync(join(tmpdir(), 'stibium-report-'));
try {
  await runExperiment(
    {
      cases: [
        { id: 'baseline', scenario: baseline, variant: undefined },
        { id: 'certification', scenario: certification, variant: undefined },
      ],
      baseline: 'baseline',
      runs: 2,
      range: { from: 0, to: 2 },
      seed: 'report-example',
      keepLogs: false,
    },
    { out: dir, workers: 0, replace: true },
  );

  // The report reads only the folder's files (manifest, summary, comparison...).
  const data = readResults(dir);
  console.log(`read ${data.scenarios.length} scenarios, comparison against ${data.comparison?.baseline}`);

  const file = await writeReport(dir, { flowYear: 2030, title: 'Certification of Pakistani antimony' });
  const html = readFileSync(file, 'utf8');
  const charts = (html.match(/<svg/g) ?? []).length;
  console.log(`${file}: ${(html.length / 1024).toFixed(0)} KiB, ${charts} SVG charts`);
  assert.ok(charts > 3);
  assert.ok(!/<script/i.test(html)); // nothing runs when the page opens
} finally {
  rmSync(dir, { recursive: true, force: true });
}
