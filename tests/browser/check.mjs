// Loads Candor's audit.html reports in headless Chromium and checks what a reader gets:
// nothing leaves the page, no console error or warning, no dialog, every chart visible,
// drawn and titled (on screen and in print), a PDF that has pages, and (for the hostile
// reports) data strings shown as text, never as markup. Screenshots go to the output folder.
// Printed as warnings, not failures: chart text under 4.5:1 contrast, colours that become the
// same gray, and content wider than an A4 page (Chromium shrinks the PDF to fit).
//
// Usage: node check.mjs --out DIR [--hostile [--expect-text S]...] REPORT.html ...
//   --hostile marks the next report as made from tests/browser/fixtures/hostile.*: the strings
//   in HOSTILE_TEXTS, and each --expect-text S, must show as text, and no markup may come of them.
// Env: CANDOR_PLAYWRIGHT_DIR = the folder whose node_modules holds playwright-core
//      (tests/browser/run.sh installs it there, outside the repository).
// Exit code 0 when every check passed, 1 otherwise; each failure is printed on its own line.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { pathToFileURL } from 'node:url';

const pwDir = process.env.CANDOR_PLAYWRIGHT_DIR;
if (!pwDir) {
  console.error('check.mjs: set CANDOR_PLAYWRIGHT_DIR (tests/browser/run.sh does)');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(pwDir), 'node_modules', 'noop.js'));
const { chromium } = require('playwright-core');

// The strings both hostile fixtures put in the data (tests/browser/fixtures/): a group value
// and (part of) a column name; the NDJSON one adds the exact column '"><img src=x onerror=alert(1)>'.
const HOSTILE_TEXTS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'A & B "quoted"'];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

// ---- arguments
let outDir = null;
const reports = [];
{
  const argv = process.argv.slice(2);
  let hostile = false;
  let textOnly = false;
  let texts = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') outDir = argv[++i];
    else if (a === '--hostile') hostile = true;
    else if (a === '--expect-text') texts.push(argv[++i]);
    else if (a === '--text-only') textOnly = true;
    else {
      reports.push({ file: path.resolve(a), hostile, textOnly, hostileTexts: hostile ? [...HOSTILE_TEXTS, ...texts] : [] });
      hostile = false;
      textOnly = false;
      texts = [];
    }
  }
}
if (!outDir || reports.length === 0) {
  console.error('usage: node check.mjs --out DIR [--hostile] REPORT.html ...');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

// ---- a small PNG decoder (8-bit RGB/RGBA, not interlaced: what Chromium writes)
function decodePng(buf) {
  let pos = 8;
  let width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG (bit depth or interlace)');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = px.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? px.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp] : 0;
      const b = prev ? prev[x] : 0;
      const c = prev && x >= bpp ? prev[x - bpp] : 0;
      let v = src[x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) {
        const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = v & 0xff;
    }
  }
  return { width, height, bpp, px };
}

// Share of pixels that differ from the most common colour, and how many colours there are.
function inkStats(png) {
  const counts = new Map();
  const { px, bpp } = png;
  for (let i = 0; i < px.length; i += bpp) {
    const k = (px[i] << 16) | (px[i + 1] << 8) | px[i + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const total = png.width * png.height;
  const top = Math.max(...counts.values());
  return { ink: total ? 1 - top / total : 0, colours: counts.size };
}

// ---- checks run inside the page
function collectCharts() {
  const marks = 'rect,line,polyline,polygon,path,circle,ellipse';
  const parse = (c) => {
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/.exec(c || '');
    if (!m || (m[4] !== undefined && Number(m[4]) === 0)) return null;
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  return [...document.querySelectorAll('svg')].map((svg, i) => {
    const texts = [...svg.querySelectorAll('text')];
    const bold = texts.find((t) => {
      const w = getComputedStyle(t).fontWeight;
      return w === 'bold' || Number(w) >= 600;
    });
    const titleEl = svg.querySelector(':scope > title');
    const fig = svg.closest('figure');
    const cap = fig && fig.querySelector('figcaption');
    const colours = new Set();
    for (const el of svg.querySelectorAll(marks)) {
      const cs = getComputedStyle(el);
      for (const c of [cs.fill, cs.stroke]) {
        const rgb = parse(c);
        if (rgb) colours.add(rgb.join(','));
      }
    }
    // Each text against the shape drawn under its centre (the last one before it in the
    // document that contains the centre), or the white page.
    const shapes = [...svg.querySelectorAll('rect,polygon,circle,ellipse,path')];
    const lowContrast = [];
    for (const t of texts) {
      const fg = parse(getComputedStyle(t).fill);
      const tb = t.getBoundingClientRect();
      if (!fg || !t.textContent.trim() || tb.width === 0) continue;
      const cx = tb.x + tb.width / 2, cy = tb.y + tb.height / 2;
      let bg = [255, 255, 255];
      for (const sh of shapes) {
        if (!(sh.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        const r = sh.getBoundingClientRect();
        const f = parse(getComputedStyle(sh).fill);
        if (f && cx >= r.left && cx <= r.right && cy >= r.top && cy <= r.bottom) bg = f;
      }
      lowContrast.push({ text: t.textContent.trim(), fg, bg });
    }
    return {
      index: i,
      textColours: lowContrast,
      inFigure: !!fig,
      marks: svg.querySelectorAll(marks).length,
      texts: texts.length,
      visibleTitle: (bold ? bold.textContent : '').trim(),
      svgTitle: (titleEl ? titleEl.textContent : '').trim(),
      figcaption: (cap ? cap.textContent : '').trim(),
      colours: [...colours].map((s) => s.split(',').map(Number)),
    };
  });
}

// CSS grayscale(1) as Chromium applies it (sRGB values, Rec. 709 weights), 0..255.
const gray = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const chroma = ([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b);
// WCAG 2 contrast ratio of two sRGB colours.
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, b2] = c.map((v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
const hex = (c) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
// "1-3, 5, 7-9"
function ranges(nums) {
  const out = [];
  for (let i = 0; i < nums.length; i++) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    out.push(i === j ? `${nums[i]}` : `${nums[i]}-${nums[j]}`);
    i = j;
  }
  return out.join(', ');
}

// Elements that stick out of the page's width (outermost only, charts' insides left out).
function overflowing() {
  const w = document.documentElement.clientWidth;
  const out = [];
  for (const e of document.querySelectorAll('body *')) {
    if (e.closest('svg') !== null && e.localName !== 'svg') continue;
    if (out.some((o) => o.el.contains(e))) continue;
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1) {
      const cap = e.querySelector(':scope > caption');
      const what = (cap ? cap.textContent : e.textContent).trim().replace(/\s+/g, ' ').slice(0, 60);
      out.push({ el: e, right: r.right, desc: `<${e.localName}> "${what}" (${Math.round(r.left)} to ${Math.round(r.right)} px)` });
    }
  }
  out.sort((x, y) => y.right - x.right); // widest first
  return { width: w, items: out.map((o) => o.desc) };
}

async function checkChartsVisible(page, stage, fail) {
  const svgs = page.locator('svg');
  const n = await svgs.count();
  const doc = await page.evaluate(() => document.documentElement.clientWidth);
  const shown = [];
  for (let i = 0; i < n; i++) {
    const svg = svgs.nth(i);
    const label = `${stage}: chart ${i + 1}`;
    shown.push(false);
    if (!(await svg.isVisible())) {
      fail(`${label} is not visible`);
      continue;
    }
    const box = await svg.boundingBox();
    if (!box || box.width < 50 || box.height < 30) {
      fail(`${label} has a too small bounding box ${JSON.stringify(box)}`);
      continue;
    }
    if (box.x < -0.5 || box.x + box.width > doc + 0.5) {
      fail(`${label} sticks out of the page: x ${box.x.toFixed(0)} to ${(box.x + box.width).toFixed(0)}, page width ${doc}`);
    }
    shown[i] = true;
  }
  return shown;
}

// The accessible name and role Chromium computes for each <svg> (what a screen reader gets).
async function accessibleNames(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'svg' });
    const out = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const node = nodes.find((x) => !x.ignored) || nodes[0] || {};
      out.push({
        role: node.role ? node.role.value : '',
        name: node.name ? String(node.name.value || '').trim() : '',
        ignored: !!node.ignored,
      });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

function pdfPages(buf) {
  const s = buf.toString('latin1');
  return (s.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

async function checkReport(browser, report) {
  const failures = [];
  const warnings = [];
  const file = report.file;
  const name =
    path.basename(path.dirname(file)) + (path.basename(file) === 'audit.html' ? '' : '-' + path.basename(file, '.html'));
  const fail = (m) => failures.push(m);
  const url = pathToFileURL(file).href;
  const shots = [];

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  // Nothing may leave the page: anything but the page itself is refused and recorded.
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') fail(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => fail(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    fail(`dialog (${d.type()}): ${d.message()}`);
    d.dismiss().catch(() => {});
  });

  const resp = await page.goto(url, { waitUntil: 'load' });
  if (!resp || !resp.ok()) fail(`load: ${resp ? resp.status() : 'no response'}`);
  await page.waitForTimeout(200); // let late console messages or requests arrive

  const title = await page.title();
  if (!title.trim()) fail('the page has no <title>');
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (!lang) fail('<html> has no lang attribute');

  // ---- charts on screen
  const charts = await page.evaluate(collectCharts);
  const names = await accessibleNames(page);
  const shown = await checkChartsVisible(page, 'screen', fail);
  if (charts.length === 0 && !report.hostile && !report.textOnly) fail('no <svg> chart in the report');
  // Every in-page link (summary findings to their evidence) must land on an element.
  const deadLinks = await page.evaluate(() =>
    [...document.querySelectorAll('a[href^="#"]')]
      .map((a) => a.getAttribute('href'))
      .filter((h) => !document.getElementById(h.slice(1))));
  if (deadLinks.length > 0) fail(`${deadLinks.length} in-page links lead nowhere: ${deadLinks.slice(0, 5).join(', ')}`);
  const svgs = page.locator('svg');
  const unnamed = [];
  const contrastLow = new Map();
  for (const c of charts) {
    const label = `chart ${c.index + 1}${c.visibleTitle ? ` ("${c.visibleTitle}")` : ''}`;
    if (!c.inFigure) fail(`${label} is not inside a <figure>`);
    if (c.marks < 3 || c.texts < 2) fail(`${label} draws almost nothing: ${c.marks} shapes, ${c.texts} texts`);
    if (!c.visibleTitle && !c.svgTitle && !c.figcaption) fail(`${label} has no title (no bold heading text, <title> or <figcaption>)`);
    const ax = names[c.index] || {};
    if (!ax.name) unnamed.push({ n: c.index + 1, role: ax.role || '?' });
    for (const t of c.textColours) {
      const r = contrast(t.fg, t.bg);
      if (r < 4.5) {
        const k = `${hex(t.fg)} on ${hex(t.bg)} (contrast ${r.toFixed(2)}:1, under 4.5:1)`;
        if (!contrastLow.has(k)) contrastLow.set(k, []);
        contrastLow.get(k).push(`chart ${c.index + 1} "${t.text}"`);
      }
    }
    // Drawn pixels, not just elements: the chart's own screenshot is not blank.
    if (shown[c.index]) {
      try {
        const png = decodePng(await svgs.nth(c.index).screenshot({ animations: 'disabled', timeout: 10000 }));
        const { ink, colours } = inkStats(png);
        if (ink < 0.01 || colours < 3) fail(`${label} renders blank (${(ink * 100).toFixed(2)} % ink, ${colours} colours)`);
      } catch (e) {
        fail(`${label}: screenshot failed: ${e.message.split('\n')[0]}`);
      }
    }
    // Grayscale: two colours that differ on screen must still differ in gray.
    const cols = c.colours;
    for (let a = 0; a < cols.length; a++) {
      for (let b = a + 1; b < cols.length; b++) {
        if (Math.max(chroma(cols[a]), chroma(cols[b])) < 24) continue; // two grays: as drawn
        const d = Math.abs(gray(cols[a]) - gray(cols[b]));
        if (d < 20) {
          warnings.push(`${label}: rgb(${cols[a]}) and rgb(${cols[b]}) become nearly the same gray (${gray(cols[a]).toFixed(0)} vs ${gray(cols[b]).toFixed(0)})`);
        }
      }
    }
  }

  if (unnamed.length) {
    const roles = [...new Set(unnamed.map((u) => u.role))].join('/');
    fail(
      `${unnamed.length} of ${charts.length} charts have no accessible name (Chromium computes role '${roles}', name ''): ` +
        `charts ${ranges(unnamed.map((u) => u.n))}; a screen reader gets no title (fix: role="img" and aria-label, or a <title> first child)`,
    );
  }
  for (const [k, where] of contrastLow) {
    warnings.push(`chart text ${k}: ${where.slice(0, 4).join(', ')}${where.length > 4 ? ` and ${where.length - 4} more` : ''}`);
  }

  // ---- hostile data shown as text
  if (report.hostile) {
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      imgs: document.querySelectorAll('img').length,
      handlers: [...document.querySelectorAll('*')].flatMap((e) =>
        [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${e.localName} ${a.name}>`),
      ),
      text: document.body.textContent,
    }));
    if (dom.scripts) fail(`hostile: ${dom.scripts} <script> element(s) in the DOM`);
    if (dom.imgs) fail(`hostile: ${dom.imgs} <img> element(s) in the DOM`);
    if (dom.handlers.length) fail(`hostile: event-handler attributes in the DOM: ${dom.handlers.join(', ')}`);
    for (const t of report.hostileTexts) {
      if (!dom.text.includes(t)) fail(`hostile: the text ${JSON.stringify(t)} does not appear as text`);
    }
    const visible = await page.getByText('<script>alert(1)</script>', { exact: false }).first().isVisible().catch(() => false);
    if (!visible) fail('hostile: <script>alert(1)</script> is not visible as text');
  }

  const screen = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: screen, fullPage: true });
  shots.push(screen);

  // ---- grayscale, for a human look
  const style = await page.addStyleTag({ content: 'html{filter:grayscale(1)}' });
  const grayShot = path.join(outDir, `${name}-gray.png`);
  await page.screenshot({ path: grayShot, fullPage: true });
  shots.push(grayShot);
  await style.evaluate((s) => s.remove());

  // ---- print: the charts stay visible at A4 width (210 mm less 2 x 10 mm margins = 718 px)
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 718, height: 1000 });
  await checkChartsVisible(page, 'print', fail);
  // Wider content does not fail: Chromium then shrinks the whole PDF to fit (smaller text),
  // and what is still too wide is cut at the right margin; a person should look.
  const over = await page.evaluate(overflowing);
  if (over.items.length) {
    warnings.push(
      `print: ${over.items.length} element(s) wider than the A4 text width (${over.width} px), so Chromium shrinks ` +
        `the whole PDF to fit; widest: ${over.items.slice(0, 3).join('; ')}${over.items.length > 3 ? ` and ${over.items.length - 3} more` : ''}`,
    );
  }
  const printShot = path.join(outDir, `${name}-print.png`);
  await page.screenshot({ path: printShot, fullPage: true });
  shots.push(printShot);
  const pdfPath = path.join(outDir, `${name}.pdf`);
  const pdf = await page.pdf({
    path: pdfPath,
    format: 'A4',
    printBackground: true,
    margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' },
  });
  shots.push(pdfPath);
  const pages = pdfPages(pdf);
  if (pdf.length < 1000 || pdf.toString('latin1', 0, 5) !== '%PDF-') fail(`PDF: not a PDF or empty (${pdf.length} bytes)`);
  if (pages < 1) fail('PDF: no page');

  await page.waitForTimeout(100);
  for (const r of requests) fail(`request left the page: ${r}`);
  await context.close();
  return { name, file, failures, warnings, charts: charts.length, pdfPages: pages, shots };
}

// ---- main
const started = Date.now();
const browser = await chromium.launch({
  executablePath: process.env.CANDOR_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
let failed = 0;
let passed = 0;
try {
  for (const r of reports) {
    const t0 = Date.now();
    let res;
    try {
      res = await checkReport(browser, r);
    } catch (e) {
      res = { name: r.file, file: r.file, failures: [`crashed: ${e.stack || e}`], warnings: [], charts: 0, pdfPages: 0, shots: [] };
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    const ok = res.failures.length === 0;
    ok ? passed++ : failed++;
    const rel = path.relative(process.cwd(), r.file);
    const shown = rel.startsWith('..') ? `${res.name}/${path.basename(r.file)} (temp dir)` : rel;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${shown}${r.hostile ? ' (hostile data)' : ''}: ` +
        `${res.charts} charts, PDF ${res.pdfPages} pages, ${secs} s`,
    );
    for (const f of res.failures) console.log(`       - ${f}`);
    for (const w of res.warnings) console.log(`       warning: ${w}`);
    if (res.shots.length) console.log(`       screenshots: ${res.shots.map((s) => path.basename(s)).join(' ')}`);
  }
} finally {
  await browser.close();
}
console.log(`browser: screenshots and PDFs in ${outDir}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
