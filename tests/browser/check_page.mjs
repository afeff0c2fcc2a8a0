// Opens one of cbam's HTML pages in Debian's chromium (headless, through playwright-core), takes a
// screenshot, and checks what a reader would see:
//   - the page made no network request (anything but the file itself is recorded and refused);
//   - every chart was drawn: each <canvas> has non-blank pixels, one per chart data block;
//   - the page is in the expected language (<html lang>) and shows the expected labels.
// Usage: node check_page.mjs PAGE.html SCREENSHOT.png --lang LANG [--charts N|--no-charts] [--text LABEL]...
//        [--shot-height PX]   (the screenshot: the whole page, or its top PX pixels)
// Exit 0 when every check passes; 1 with each failure on stderr.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const [pagePath, shotPath] = args;
let lang = 'en', minCharts = 1, noCharts = false, shotHeight = 0;
const texts = [];
for (let i = 2; i < args.length; i++) {
  if (args[i] === '--lang') lang = args[++i];
  else if (args[i] === '--charts') minCharts = Number(args[++i]);
  else if (args[i] === '--no-charts') noCharts = true;
  else if (args[i] === '--text') texts.push(args[++i]);
  else if (args[i] === '--shot-height') shotHeight = Number(args[++i]);
  else { console.error(`check_page: unknown argument ${args[i]}`); process.exit(2); }
}
if (!pagePath || !shotPath) { console.error('usage: node check_page.mjs PAGE.html SCREENSHOT.png [options]'); process.exit(2); }

const failures = [];
const profile = mkdtempSync(join(tmpdir(), 'cbam-chromium-'));
const pageUrl = pathToFileURL(resolve(pagePath)).href;
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CBAM_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
    deviceScaleFactor: 1,
  });
  const requests = new Set();
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    requests.add(url);
    return route.abort();
  });
  context.on('request', (r) => { if (r.url() !== pageUrl) requests.add(r.url()); });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pageUrl, { waitUntil: 'load' });
  // Charts draw synchronously (no animation); give layout one frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  const seen = await page.evaluate(() => {
    const canvases = [...document.querySelectorAll('canvas')].map((c) => {
      const ctx = c.getContext('2d');
      const { width, height } = c;
      if (!width || !height) return { id: c.id, width, height, inked: 0 };
      const data = ctx.getImageData(0, 0, width, height).data;
      let inked = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) inked++;
      return { id: c.id, width, height, inked, share: inked / (width * height) };
    });
    return {
      lang: document.documentElement.lang,
      blocks: document.querySelectorAll('script.chart-data').length,
      notice: !!document.getElementById('no-charts'),
      text: document.body.innerText,
      canvases,
      figures: document.querySelectorAll('data[value]').length,
      charts: typeof Chart === 'undefined' ? 0 : Object.keys(Chart.instances).length,
    };
  });
  if (seen.lang !== lang) failures.push(`<html lang="${seen.lang}">, expected "${lang}"`);
  if (noCharts) {
    if (!seen.notice) failures.push('no notice that the charts are missing');
    if (seen.canvases.length) failures.push(`${seen.canvases.length} canvas elements although no chart library was bundled`);
  } else {
    if (seen.canvases.length < minCharts) failures.push(`${seen.canvases.length} charts, expected at least ${minCharts}`);
    if (seen.canvases.length !== seen.blocks) failures.push(`${seen.canvases.length} canvases for ${seen.blocks} chart data blocks`);
    if (seen.charts !== seen.canvases.length) failures.push(`${seen.charts} charts drawn for ${seen.canvases.length} canvases`);
    for (const c of seen.canvases)
      if (!(c.share > 0.01)) failures.push(`chart ${c.id} is blank (${c.inked} inked pixels of ${c.width}x${c.height})`);
  }
  for (const t of texts) if (!seen.text.includes(t)) failures.push(`the page does not show "${t}"`);
  if (seen.figures === 0) failures.push('no figures on the page');
  for (const e of errors) failures.push(`script error: ${e}`);
  for (const u of requests) failures.push(`network request: ${u}`);
  await page.screenshot(shotHeight ? { path: shotPath, fullPage: true, clip: { x: 0, y: 0, width: 1100, height: shotHeight } }
                                   : { path: shotPath, fullPage: true });
  console.log(`check_page: ${pagePath}: ${seen.canvases.length} charts, ${seen.figures} figures, ${requests.size} requests`);
} catch (e) {
  failures.push(String(e && e.stack || e));
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
for (const f of failures) console.error(`check_page: FAIL: ${f}`);
process.exit(failures.length ? 1 : 0);
