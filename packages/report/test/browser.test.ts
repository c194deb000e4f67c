import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARISON_OUTCOMES, FAN_OUTCOMES, writeReport } from '../src/index.ts';
import type { DomDocument, DomElement } from './support/dom.ts';
import { EVIL_DESCRIPTION, EVIL_NAME, writeFixture } from './support/fixture.ts';

// Debian's chromium (installed by .ci/run); STIBIUM_CHROMIUM points elsewhere if needed.
const CHROMIUM = process.env['STIBIUM_CHROMIUM'] ?? '/usr/bin/chromium';
const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ARTIFACTS = join(ROOT, '.ci', 'out', 'artifacts');
const available = existsSync(CHROMIUM);
const inCi = Boolean(process.env['CI']);
if (!available && !inCi) console.warn(`report browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set STIBIUM_CHROMIUM)`);

// Off CI a machine without Chromium skips; on CI a missing browser is a failure, not a silent skip.
describe.skipIf(!available && !inCi)('the report in a real browser (Chromium)', () => {
  let browser: Browser | undefined;
  let page: Page;
  let dir = '';
  let url = '';
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(`Chromium not found at ${CHROMIUM}: CI must install Debian's chromium package (apt-get install chromium) before the tests`);
    dir = writeFixture();
    const file = await writeReport(dir);
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console errors and requests nothing but the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);
  });

  it('draws every chart with data marks', async () => {
    const marks = await page.$$eval('figure.chart', (figures) =>
      (figures as unknown as DomElement[]).map((f) => {
        const drawn = [...f.querySelectorAll('.role-mark path, .role-mark line, .role-mark rect, .role-mark circle')].filter((el) => {
          const box = el.getBBox();
          return box.width > 0 || box.height > 0;
        });
        return { id: f.id, marks: drawn.length };
      }),
    );
    expect(marks).toHaveLength(FAN_OUTCOMES.length + COMPARISON_OUTCOMES.length + 1 + 3);
    expect(marks.filter((m) => m.marks === 0)).toEqual([]);
  });

  it('shows markup in scenario names and descriptions as text: no script, no image, no dialog', async () => {
    const { scripts, images, text } = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: DomDocument }).document;
      return { scripts: doc.scripts.length, images: doc.images.length, text: doc.body.textContent ?? '' };
    });
    expect(scripts).toBe(0);
    expect(images).toBe(0);
    expect(dialogs).toEqual([]);
    expect(text.includes(EVIL_NAME)).toBe(true);
    expect(text.includes(EVIL_DESCRIPTION)).toBe(true);
    expect(text.includes('<script>alert(1)</script>')).toBe(true);
  });

  it('gives every chart an accessible name and description', async () => {
    const names = await page.$$eval('figure.chart .plot[role="img"]', (plots) =>
      (plots as unknown as DomElement[]).map((p) => {
        const doc = (globalThis as unknown as { document: DomDocument }).document;
        const label = doc.getElementById(p.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        const description = doc.getElementById(p.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
        return label.length > 0 && description.length > 'Chart in words'.length;
      }),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.every(Boolean)).toBe(true);
  });

  it('keeps a full-page screenshot as an artifact', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = join(ARTIFACTS, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    await page.screenshot({ path: join(ARTIFACTS, 'report-top.png') });
    expect(existsSync(shot)).toBe(true);
    expect(requests).toEqual([url]);
  });
});
