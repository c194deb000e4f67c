import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStibiumError } from '@stibium/core';
import { COMPARISON_OUTCOMES, CONTENT_SECURITY_POLICY, FAN_OUTCOMES, renderReport, writeReport } from '../src/index.ts';
import { EVIL_DESCRIPTION, EVIL_NAME, writeFixture } from './support/fixture.ts';

// Boolean checks with the needle as the message: a failure must not print a 500 kB page.
const contains = (html: string, needle: string): void => expect(html.includes(needle), `expected the page to contain ${needle}`).toBe(true);
const matches = (html: string, pattern: RegExp): void => expect(pattern.test(html), `expected the page to match ${pattern}`).toBe(true);

const dirs: string[] = [];
const fixture = (options?: Parameters<typeof writeFixture>[0]): string => {
  const dir = writeFixture(options);
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('renderReport on a complete results folder', () => {
  let html = '';
  beforeAll(async () => {
    html = await renderReport(fixture());
  });

  it('is one self-contained page: CSP, inline CSS, no script, nothing to load', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    contains(html, `content="${CONTENT_SECURITY_POLICY}"`);
    const tags = html.match(/<[^>]*>/g) ?? [];
    const bad = tags.filter((t) => /^<\/?(script|img|link|iframe|object|embed|image|use|base|form)\b/i.test(t) || /\s(src|on[a-z]+)\s*=/i.test(t) || /url\((?!#)/i.test(t));
    expect(bad).toEqual([]);
    expect(/<script/i.test(html)).toBe(false);
  });

  it('shows hostile scenario names and descriptions as escaped text', () => {
    contains(html, 'evil&lt;script&gt;alert(1)&lt;/script&gt;');
    contains(html, 'Terminal &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(html.includes(EVIL_NAME)).toBe(false);
    expect(html.includes(EVIL_DESCRIPTION)).toBe(false);
  });

  it('links only http(s) sources; a javascript: URL stays text', () => {
    contains(html, '<a href="https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-antimony.pdf"');
    expect(/href="javascript:/i.test(html)).toBe(false);
    contains(html, 'A source with a bad &lt;b&gt;url&lt;/b&gt;');
  });

  it('draws a fan chart per key outcome, a comparison per compared outcome, prices, and a Sankey per scenario', () => {
    const figures = html.match(/<figure class="chart"/g) ?? [];
    expect(figures).toHaveLength(FAN_OUTCOMES.length + COMPARISON_OUTCOMES.length + 1 + 3);
    for (const id of FAN_OUTCOMES) contains(html, `<code>${id}</code>`);
    contains(html, 'Antimony flows by country and stage, baseline, 2036');
    contains(html, 'CHN 44,400');
  });

  it('gives every chart a title and a text alternative, and every table headers', () => {
    const figures = html.split('<figure class="chart"').slice(1);
    for (const f of figures) {
      matches(f, /<h3 id="[^"]+-t">[^<]+<\/h3>/);
      matches(f, /role="img" aria-labelledby="[^"]+-t" aria-describedby="[^"]+-d"/);
      matches(f, /<details class="alt" id="[^"]+-d"><summary>Chart in words<\/summary><ul><li>/);
    }
    const tables = html.split('<table').slice(1);
    expect(tables.length).toBeGreaterThan(5);
    for (const t of tables) matches(t, /<th scope="(col|row)"/);
  });

  it('tabulates mean, p5, p50 and p95 per outcome and year', () => {
    // baseline pk.exportEarnings 2025: mean 9e6, p5 = 9e6 * (1 - spread) with spread in [0.08, 0.10).
    const row = /<th scope="rowgroup" rowspan="12"><code>pk\.exportEarnings<\/code><br><small>USD\/yr<\/small><\/th><th scope="row">2025<\/th><td>9,000,000<\/td><td>([\d,]+)<\/td>/.exec(html);
    expect(row).not.toBeNull();
    const p5 = Number((row?.[1] ?? '').replaceAll(',', ''));
    expect(p5).toBeGreaterThan(8.1e6);
    expect(p5).toBeLessThanOrEqual(8.28e6);
  });

  it('lists provenance: engine, commit, seeds, file hashes, vintage, log hash count', () => {
    contains(html, '<code>0123456789abcdef0123456789abcdef01234567</code>');
    contains(html, '150 recorded');
    contains(html, 'scenarios/pk-refinery.yaml');
    contains(html, '1'.repeat(64));
    contains(html, '<code>mcs2026</code>');
    contains(html, 'run 0: seed-0');
  });

  it('lists every assumption with its source, merging those all scenarios share', () => {
    contains(html, '<code>vintages.mcs2026.mineProductionTonnes.PAK</code>');
    contains(html, '<em>assumption</em>');
    matches(html, /<code>parameters\.royaltyRate<\/code><\/th><td>all scenarios<\/td><td class="v">0\.05<\/td>/);
    contains(html, '&lt;script&gt;alert(4)&lt;/script&gt;');
  });

  it('is deterministic: the same folder gives the same bytes', async () => {
    const dir = fixture();
    expect(await renderReport(dir)).toBe(await renderReport(dir));
  });
});

describe('renderReport degrades when parts are missing', () => {
  it('shows a visible note for each missing file and still renders', async () => {
    const html = await renderReport(fixture({ omit: ['manifest', 'comparison', 'outcomes', 'assumptions', 'flows'] }));
    contains(html, 'manifest.json is missing');
    contains(html, 'comparison.json is missing');
    contains(html, 'No outcome definitions');
    contains(html, 'No model assumptions');
    contains(html, 'No flow data in these results (outcomes named flow.&lt;stage&gt;.&lt;from&gt;.&lt;to&gt;');
    contains(html, 'No manifest.json: provenance unknown.');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(FAN_OUTCOMES.length + 1);
  });

  it('notes unreadable JSON instead of failing', async () => {
    const dir = fixture();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${dir}/outcomes.json`, '{ not json');
    const html = await renderReport(dir);
    contains(html, 'outcomes.json could not be read');
  });

  it('refuses a folder that is not a results folder, with RESULTS_INVALID', async () => {
    const dir = fixture({ omit: ['manifest'] });
    rmSync(`${dir}/summary.json`);
    await expect(renderReport(dir)).rejects.toSatisfy((e: unknown) => isStibiumError(e, 'RESULTS_INVALID'));
    await expect(renderReport(`${dir}/nope`)).rejects.toSatisfy((e: unknown) => isStibiumError(e, 'RESULTS_INVALID'));
  });

  it('shows the comparison note when there is a single scenario', async () => {
    const html = await renderReport(fixture({ scenarios: 1 }));
    contains(html, 'comparison.json is missing');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(FAN_OUTCOMES.length + 1 + 1);
  });
});

describe('writeReport', () => {
  it('writes report.html atomically and returns its path', async () => {
    const dir = fixture();
    const file = await writeReport(dir);
    expect(file).toBe(`${dir}/report.html`);
    expect(existsSync(file)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe(await renderReport(dir));
  });
});
