import { basename } from 'node:path';
import { escapeHtml } from '../escape.ts';
import { formatNumber } from '../format.ts';
import type { ResultsData } from '../input/types.ts';

const code = (v: string | null): string => (v === null ? '<span class="missing">not recorded</span>' : `<code>${escapeHtml(v)}</code>`);

/** The provenance manifest: engine, experiment, seeds, scenario file hashes, data vintage, log hashes, result files. */
export function provenanceSection(data: ResultsData): string {
  const p = data.provenance;
  if (p === null) return '<p class="note" role="note">No manifest.json: provenance unknown.</p>';
  const seeds = p.runSeeds.length <= 4 ? p.runSeeds : [...p.runSeeds.slice(0, 3), ...p.runSeeds.slice(-1)];
  const seedText = seeds.map((s) => `run ${s.run}: ${s.seed}`).join('; ') + (p.runSeeds.length > seeds.length ? ` (${p.runSeeds.length} runs; all in manifest.json)` : '');
  const facts: [string, string][] = [
    ['Results folder', code(basename(data.dir))],
    ['Format', code(p.format === null ? null : `${p.format} v${p.formatVersion ?? '?'}`)],
    ['Engine version', code(p.engineVersion)],
    ['Git commit', code(p.gitCommit)],
    ['Node', code(p.node)],
    ['Experiment seed', code(p.seed)],
    ['Runs', p.runs === null ? code(null) : `${formatNumber(p.runs)}${p.runRange ? ` (indices ${p.runRange.from} to ${p.runRange.to - 1})` : ''}`],
    ['Run seed rule', code(p.runSeedRule)],
    ['Run seeds', seeds.length === 0 ? code(null) : escapeHtml(seedText)],
    ['Baseline', code(p.baseline)],
    ['Data vintage', p.dataVintages.length === 0 ? code(null) : p.dataVintages.map((v) => code(v)).join(', ')],
    ['Event-log hashes', `${formatNumber(p.logHashCount)} recorded (one per run and scenario)`],
    ['Event logs kept', p.keepLogs === null ? code(null) : p.keepLogs ? 'yes (logs/)' : 'no'],
  ];
  const dl = facts.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join('\n');
  const files = data.scenarios.flatMap((s) => s.files.map((f) => `<tr><td>${escapeHtml(s.id)}</td><td><code>${escapeHtml(f.path)}</code></td><td><code class="hash">${escapeHtml(f.sha256 ?? '')}</code></td><td class="n">${formatNumber(f.bytes)}</td></tr>`));
  const results = p.files.map((f) => `<tr><td><code>${escapeHtml(f.name)}</code></td><td><code class="hash">${escapeHtml(f.sha256 ?? '')}</code></td><td class="n">${formatNumber(f.bytes)}</td></tr>`);
  return `<div class="scroll"><table class="facts"><caption>Provenance</caption><tbody>
${dl}
</tbody></table></div>
<div class="scroll"><table><caption>Scenario files (SHA-256)</caption><thead><tr><th scope="col">Scenario</th><th scope="col">File</th><th scope="col">SHA-256</th><th scope="col">Bytes</th></tr></thead><tbody>
${files.join('\n')}
</tbody></table></div>
<div class="scroll"><table><caption>Result files (SHA-256)</caption><thead><tr><th scope="col">File</th><th scope="col">SHA-256</th><th scope="col">Bytes</th></tr></thead><tbody>
${results.join('\n')}
</tbody></table></div>`;
}
