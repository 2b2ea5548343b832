// End-to-end tests of the review web UI in a real headless browser (Debian's chromium driven
// by playwright-core). The first ingests a small document of its own with the real `acervo
// ingest`, serves it with `acervo review serve --port 0`, corrects an amount, accepts a
// record, splits one at a position in its passage and merges one with the record before it
// through the page, reloads, and checks the store with `acervo review show`. It also checks
// that document text holding <script> is shown as text and never runs. The second prints a
// report to PDF with chromium, ingests it, and checks that the page shows the region of the
// page the passage covers, and the whole page on request.
//
//   ACERVO_BINARY=build/acervo node --test tests/browser/review.test.mjs
//
// Without /usr/bin/chromium or node_modules (run `npm install` here, or tools/setup) the test
// is skipped, except under CI=true, where it fails saying what is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const acervo = process.env.ACERVO_BINARY || path.join(here, '..', '..', 'build', 'acervo');

async function loadPlaywright() {
  try {
    return await import('playwright-core');
  } catch {
    return null;
  }
}

function missingPieces(playwright) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (apt-get install chromium)`);
  if (!playwright) missing.push(`playwright-core (cd ${here} && npm install)`);
  if (!existsSync(acervo)) missing.push(`the acervo binary at ${acervo} (set ACERVO_BINARY)`);
  return missing;
}

// Our own report, in the style of the real ones; the second activity's text carries markup.
const DOCUMENT = `# Informe de actividades de cooperación 2024

## Foro regional de movilidad sostenible

El 14 de marzo de 2024 la Secretaría de Movilidad participó en el foro regional, con un aporte de 180 mil pesos del programa de cooperación.

## Taller <script>alert(1)</script> de datos abiertos

Del 3 al 5 de abril de 2024 se realizó el taller con la Agencia de Cooperación, financiado con 25 mil dólares.

## Reunión de la red de ciudades

En mayo de 2024 la red de ciudades sesionó en línea.
`;

function run(args, env = {}) {
  return execFileSync(acervo, args, { encoding: 'utf8', env: { ...process.env, ...env } });
}

function startServer(store) {
  return new Promise((resolve, reject) => {
    const child = spawn(acervo, ['review', 'serve', '--store', store, '--port', '0'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + err)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (m) { clearTimeout(timer); resolve({ child, url: m[0] }); }
    });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}: ${err}`)); });
  });
}

// Shows every record (not only those needing review) and waits until the queue has them all.
async function showAll(page, count) {
  await page.selectOption('#f-status', 'all');
  await page.waitForFunction((n) => document.querySelectorAll('#queue li').length === n &&
    document.querySelector('#queue li[aria-selected=true]') !== null, count);
}

// Opens a record from the queue and waits until its details are shown.
async function open(page, item) {
  await page.click(`#queue li[data-id="${item.id}"]`);
  await page.waitForFunction((title) => document.querySelector('#title').textContent === title &&
    !document.querySelector('#record').hidden, item.title);
}

// Chromium and a scratch folder for one test, both cleaned up after it; null (the test is
// skipped) when a piece is missing, except under CI=true, where the test fails naming it.
async function setUp(t) {
  const playwright = await loadPlaywright();
  const missing = missingPieces(playwright);
  if (missing.length) {
    if (process.env.CI) assert.fail('the browser test cannot run: missing ' + missing.join('; '));
    t.skip('missing ' + missing.join('; '));
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'acervo-browser-'));
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const servers = [];
  t.after(async () => {
    await browser.close();
    for (const child of servers) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });
  const serve = async (store) => {
    const server = await startServer(store);
    servers.push(server.child);
    return server.url;
  };
  return { browser, dir, serve };
}

// A page of the review UI that records what it should never do (run a dialog, throw), with
// the reviewer's name given.
async function openReviewPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const alerts = [];
  page.on('dialog', async (d) => { alerts.push(d.message()); await d.dismiss(); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  // The reviewer's name is asked once.
  await page.fill('#name-input', 'Ana Revisora');
  await page.click('#name-form button[type=submit]');
  return { page, alerts, pageErrors };
}

// Puts the caret in the passage just before `text`.
async function caretBefore(page, text) {
  await page.focus('#passage');
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('#passage'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      window.getSelection().collapse(node, at);
      return;
    }
    throw new Error('not in the passage: ' + wanted);
  }, text);
}

test('review UI: correct, accept, split and merge records, survive a reload, never run document markup', async (t) => {
  const env = await setUp(t);
  if (!env) return;
  const { browser, dir } = env;
  const store = path.join(dir, 'store.db');
  const doc = path.join(dir, 'informe-cooperacion.md');
  writeFileSync(doc, DOCUMENT);
  run(['ingest', doc, '--store', store, '--country', 'MX']);

  const all = JSON.parse(run(['review', 'list', '--store', store, '--status', 'all', '--format', 'json']));
  assert.ok(all.length >= 2, 'the pipeline should find at least two records in the document');
  // Make sure both records the test works on are in the queue, whatever the pipeline scored.
  const withAmount = all.find((r) => r.title.includes('movilidad')) || all[0];
  const toAccept = all.find((r) => r.id !== withAmount.id && !r.title.includes('<script>')) ||
    all.find((r) => r.id !== withAmount.id);
  const scripted = all.find((r) => r.title.includes('<script>'));

  const url = await env.serve(store);
  const { page, alerts, pageErrors } = await openReviewPage(browser, url);
  await showAll(page, all.length);

  // Correct the first amount of a record through the editor.
  await open(page, withAmount);
  // A text source has no page image, and the page says so.
  assert.equal(await page.locator('#page-images img').count(), 0);
  assert.equal(await page.textContent('#page-note'), 'Fuente de texto: sin imagen de página.');
  await page.keyboard.press('e');
  const amountInput = page.locator('#editor fieldset[data-field=amounts] input[data-key=amount]').first();
  if (await amountInput.count() === 0) {
    // No amount was extracted: add one through the editor instead.
    await page.click('#editor fieldset[data-field=amounts] > button');
  }
  await amountInput.fill('185000');
  await page.locator('#editor fieldset[data-field=amounts] input[data-key=currency]').first().fill('MXN');
  await page.fill('#comment', 'la cifra del anexo');
  await page.click('#save');
  await page.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Guardado'));

  // Accept another record with the keyboard.
  await open(page, toAccept);
  await page.keyboard.press('a');
  await page.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Guardado: accept'));

  // After a reload the name is remembered and the decisions are there.
  await page.reload();
  assert.equal(await page.locator('#name-dialog').evaluate((d) => d.open), false);
  assert.equal(await page.textContent('#who'), 'Ana Revisora');
  await page.selectOption('#f-status', 'reviewed');
  await page.waitForSelector(`#queue li[data-id="${withAmount.id}"]`);
  await page.waitForSelector(`#queue li[data-id="${toAccept.id}"]`);

  // Document markup is shown as text and never runs.
  if (scripted) {
    await showAll(page, all.length);
    await open(page, scripted);
    const passage = await page.textContent('#passage');
    assert.ok(passage.includes('<script>alert(1)</script>'), 'the passage shows the markup as text');
    assert.equal(await page.locator('#record script').count(), 0);
  } else {
    assert.fail('the pipeline found no record for the heading holding <script>: ' + JSON.stringify(all.map((r) => r.title)));
  }
  assert.deepEqual(alerts, [], 'no script from the document ran');
  assert.deepEqual(pageErrors, []);

  // The store has the reviewer's decisions.
  const corrected = JSON.parse(run(['review', 'show', withAmount.id, '--store', store]));
  assert.equal(corrected.record.status, 'reviewed');
  assert.equal(corrected.record.amounts[0].amount, '185000');
  assert.equal(corrected.record.amounts[0].currency, 'MXN');
  const amountFix = corrected.corrections.find((c) => c.field === 'amounts/0/amount' || c.field === 'amounts/-');
  assert.ok(amountFix, 'an amount correction was stored');
  assert.equal(amountFix.reviewer, 'Ana Revisora');
  assert.equal(amountFix.comment, 'la cifra del anexo');
  const accepted = JSON.parse(run(['review', 'show', toAccept.id, '--store', store]));
  assert.equal(accepted.record.status, 'reviewed');
  assert.equal(accepted.corrections.at(-1).field, 'accept');

  // Split the corrected record at the caret, before the contribution it reports.
  await showAll(page, all.length);
  await open(page, withAmount);
  await caretBefore(page, 'con un aporte');
  await page.keyboard.press('s');
  await page.waitForSelector('#split-form:not([hidden])');
  // The date is highlighted before the caret, so it goes to the first part; the amount was
  // corrected (185000, not the 180 mil the text says), so the passage cannot place it and it
  // starts in the first part too: the reviewer moves it to the second.
  const valueRows = await page.locator('#split-values tr').allTextContents();
  const dateRow = valueRows.findIndex((row) => row.includes('2024-03-14'));
  const amountRow = valueRows.findIndex((row) => row.includes('185000'));
  assert.ok(dateRow >= 0 && amountRow >= 0, 'the split form lists the values: ' + JSON.stringify(valueRows));
  assert.equal(await page.inputValue(`#split-value-${dateRow}`), '0');
  assert.equal(await page.inputValue(`#split-value-${amountRow}`), '0');
  await page.selectOption(`#split-value-${amountRow}`, '1');
  assert.equal(await page.inputValue('#split-title-1'), 'con un aporte de 180 mil pesos del programa de cooperación.');
  await page.fill('#split-title-1', 'Aporte del programa de cooperación');
  await page.selectOption('#split-kind-1', 'financiamiento');
  await page.fill('#split-comment', 'dos actividades');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#message').textContent === 'Guardado: split');
  await page.waitForFunction(() => document.querySelector('#fields').textContent.includes('Dividido en'));

  const split = JSON.parse(run(['review', 'show', withAmount.id, '--store', store]));
  const parts = split.record.split_into;
  assert.equal(parts.length, 2);
  assert.equal(parts[0].title, withAmount.title);
  assert.ok(parts[0].text.endsWith('en el foro regional,'), parts[0].text);
  assert.deepEqual(parts[0].dates, [{ start: '2024-03-14', end: '2024-03-14' }]);
  assert.deepEqual(parts[0].amounts, []);
  assert.equal(parts[1].title, 'Aporte del programa de cooperación');
  assert.equal(parts[1].kind, 'financiamiento');
  assert.ok(parts[1].text.startsWith('con un aporte de 180 mil pesos'), parts[1].text);
  assert.deepEqual(parts[1].amounts.map((a) => [a.amount, a.currency]), [['185000', 'MXN']]);
  assert.equal(split.corrections.at(-1).field, 'split');
  assert.equal(split.corrections.at(-1).comment, 'dos actividades');

  // Merge the accepted record into the one before it in the document, from the keyboard.
  await open(page, toAccept);
  await page.keyboard.press('p');
  await page.waitForSelector('#merge-form:not([hidden])');
  const into = await page.getAttribute('#merge-form', 'data-into');
  assert.equal(await page.getAttribute('#merge-form', 'data-from'), toAccept.id);
  const intoRecord = all.find((r) => r.id === into);
  assert.ok(intoRecord && into !== toAccept.id, 'the record before it: ' + into);
  // Its title is document text: shown as text, whatever it holds.
  assert.equal(await page.textContent('#merge-into-title'), intoRecord.title);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'merge-confirm');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#message').textContent.startsWith('Unido'));

  const merged = JSON.parse(run(['review', 'show', into, '--store', store]));
  assert.deepEqual(merged.record.merged_from, [toAccept.id]);
  assert.equal(merged.corrections.at(-1).field, 'merge');
  assert.equal(merged.corrections.at(-1).reviewer, 'Ana Revisora');
  const absorbed = JSON.parse(run(['review', 'show', toAccept.id, '--store', store]));
  assert.equal(absorbed.record.merged_into, into);
  assert.deepEqual(alerts, [], 'no script from the document ran');
  assert.deepEqual(pageErrors, []);
});

// A report as chromium prints it: headings and paragraphs far enough apart that a passage's
// region is clearly smaller than its page.
const PDF_HTML = `<!doctype html><html lang="es"><head><meta charset="utf-8"><style>
body { font: 12pt serif; margin: 0; } h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 3em; }
</style></head><body>
<h1>Informe de actividades de cooperación 2024</h1>
<h2>Foro regional de movilidad sostenible</h2>
<p>El 14 de marzo de 2024 la Secretaría de Movilidad participó en el foro regional, con un aporte de 180 mil pesos del programa de cooperación.</p>
<h2>Taller de datos abiertos</h2>
<p>Del 3 al 5 de abril de 2024 se realizó el taller con la Agencia de Cooperación, financiado con 25 mil dólares.</p>
<h2>Reunión de la red de ciudades</h2>
<p>En mayo de 2024 la red de ciudades sesionó en línea con 12 ciudades.</p>
</body></html>`;

// The image for page `n` once loaded: whether it is the whole page, and its size in pixels.
async function pageImage(page, n) {
  const img = page.locator(`#page-images img[data-page="${n}"]`);
  await img.waitFor();
  await page.waitForFunction((k) => {
    const i = document.querySelector(`#page-images img[data-page="${k}"]`);
    return i && i.complete && i.naturalWidth > 0;
  }, n);
  return img.evaluate((i) => ({ whole: i.dataset.whole, width: i.naturalWidth, height: i.naturalHeight }));
}

test('review UI: a PDF passage shows its region of the page, and the whole page on request', async (t) => {
  const env = await setUp(t);
  if (!env) return;
  const { browser, dir } = env;
  const printer = await browser.newPage();
  await printer.setContent(PDF_HTML);
  const pdf = path.join(dir, 'informe-impreso.pdf');
  await printer.pdf({ path: pdf, format: 'Letter' });  // 612 x 792 pt
  await printer.close();
  const store = path.join(dir, 'store.db');
  run(['ingest', pdf, '--store', store, '--country', 'MX']);
  const all = JSON.parse(run(['review', 'list', '--store', store, '--status', 'all', '--format', 'json']));
  const foro = all.find((r) => r.title.includes('Foro regional'));
  assert.ok(foro, 'a record for the first activity: ' + JSON.stringify(all.map((r) => r.title)));

  const url = await env.serve(store);
  const { page, alerts, pageErrors } = await openReviewPage(browser, url);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(r.url()));
  page.on('response', (r) => { if (r.status() >= 400) failed.push(r.status() + ' ' + r.url()); });
  await showAll(page, all.length);
  await open(page, foro);

  // The region: a strip of the page around the heading and its paragraph, at 110-220 dpi.
  const region = await pageImage(page, foro.page_start);
  assert.equal(region.whole, 'false');
  assert.ok(region.width >= 0.2 * 8.5 * 110 && region.width <= 8.5 * 220, JSON.stringify(region));
  assert.ok(region.height / region.width < 0.5 * 792 / 612, 'a region, not a page: ' + JSON.stringify(region));
  assert.match(await page.textContent('#page-note'), /^Región del pasaje en la p\. 1 /);
  // Beside the passage, not below it.
  const passageBox = await page.locator('#passage').boundingBox();
  const imageBox = await page.locator('#page-images img').first().boundingBox();
  assert.ok(imageBox.x > passageBox.x + passageBox.width - 1, 'the image is beside the passage');
  assert.ok(imageBox.y < passageBox.y + passageBox.height, 'the image is beside the passage');

  // The whole page on request (w), a US Letter page at 110 dpi; and back.
  await page.keyboard.press('w');
  await page.waitForSelector('#page-images img[data-whole="true"]');
  assert.deepEqual(await pageImage(page, foro.page_start), { whole: 'true', width: 935, height: 1210 });
  assert.match(await page.textContent('#page-note'), /^Página completa/);
  await page.click('#whole-page');
  await page.waitForSelector('#page-images img[data-whole="false"]');
  assert.deepEqual(await pageImage(page, foro.page_start), region);

  assert.deepEqual(failed, []);
  assert.deepEqual(alerts, []);
  assert.deepEqual(pageErrors, []);
});

// Document text written to attack the pages: every payload tries to set window.__pwned or the
// page title. In headings (the records' titles), in passages, as links and as CSS.
const HOSTILE = `# Informe <script>window.__pwned = 'title'; document.title = 'pwned'</script> 2024

## Taller "><img src=x onerror="window.__pwned='img';document.title='pwned'"> de datos

El 3 de abril de 2024 la Secretaría de Cultura realizó el taller "><img src=x onerror=window.__pwned=1> con 25 mil dólares, ver [el anexo](javascript:window.__pwned='link') y <a href="javascript:window.__pwned='a'">aquí</a>.

## Foro </style><script>window.__pwned='style'</script> de movilidad

El 14 de marzo de 2024 la Secretaría de Movilidad participó en el foro <style>body{background:url(javascript:window.__pwned='css')} p{width:expression(window.__pwned='expr')}</style> con un aporte de 180 mil pesos.

## Reunión <svg onload="window.__pwned='svg'"></svg> de la red

En mayo de 2024 la red de ciudades <iframe src="javascript:parent.__pwned='iframe'"></iframe> sesionó en línea.
`;

// Nothing the document carries ran in `page`: no global set, the title as the page set it, no
// dialog, no error, and no element of the payloads' kinds inside the record.
async function assertInert(page, title, alerts, pageErrors, where) {
  assert.equal(await page.evaluate(() => window.__pwned), undefined, where + ': a payload ran');
  assert.equal(await page.title(), title, where + ': the title changed');
  assert.deepEqual(alerts, [], where);
  assert.deepEqual(pageErrors, [], where);
  for (const selector of ['script:not([src])', 'img[onerror]', 'svg[onload]', 'iframe', 'style', 'a[href^="javascript"]']) {
    const inBody = await page.locator(`body ${selector}`).count();
    assert.equal(inBody, 0, `${where}: a ${selector} from the document is in the page`);
  }
}

test('review UI and HTML report: scripts, handlers, javascript: links and CSS in documents stay inert text', async (t) => {
  const env = await setUp(t);
  if (!env) return;
  const { browser, dir } = env;
  const store = path.join(dir, 'store.db');
  const doc = path.join(dir, 'informe-hostil.md');
  writeFileSync(doc, HOSTILE);
  run(['ingest', doc, '--store', store, '--country', 'MX']);
  const all = JSON.parse(run(['review', 'list', '--store', store, '--status', 'all', '--format', 'json']));
  assert.ok(all.length >= 3, 'records for the activities: ' + JSON.stringify(all.map((r) => r.title)));
  assert.ok(all.some((r) => r.title.includes('onerror')), 'a title carries a payload');
  // A reviewer's correction is text the pages show too.
  run(['review', 'set', all[0].id, 'title', `<script>window.__pwned='fix'</script>"><img src=x onerror=window.__pwned=2>`,
    '--reviewer', 'ana', '--store', store]);
  run(['review', 'set', all[1].id, 'institutions', JSON.stringify([{ name: `<img src=x onerror="window.__pwned='inst'">` }]),
    '--reviewer', 'ana', '--store', store]);

  const url = await env.serve(store);
  const { page, alerts, pageErrors } = await openReviewPage(browser, url);
  const title = await page.title();
  await showAll(page, all.length);
  await assertInert(page, title, alerts, pageErrors, 'queue');
  for (const record of JSON.parse(run(['review', 'list', '--store', store, '--status', 'all', '--format', 'json']))) {
    await open(page, record);
    await assertInert(page, title, alerts, pageErrors, record.id);
    await page.keyboard.press('e');  // the editor fills inputs with the same text
    await page.waitForSelector('#editor:not([hidden])');
    await assertInert(page, title, alerts, pageErrors, record.id + ' editor');
    await page.keyboard.press('Escape');
  }
  const passages = await page.textContent('#queue');
  assert.ok(passages.includes('<script>'), 'the markup is shown as text');

  // The HTML report of the same store, opened from a file as a user would.
  const html = path.join(dir, 'report.html');
  run(['report', '--format', 'html', '--store', store, '-o', html]);
  const report = await browser.newPage();
  const reportAlerts = [];
  const reportErrors = [];
  report.on('dialog', async (d) => { reportAlerts.push(d.message()); await d.dismiss(); });
  report.on('pageerror', (e) => reportErrors.push(String(e)));
  await report.goto('file://' + html);
  const reportTitle = await report.title();
  // In the test's language (ACERVO_LANG=es for this file), or English.
  assert.ok(/^(informe de acervo|acervo report)/.test(reportTitle), reportTitle);
  await assertInert(report, reportTitle, reportAlerts, reportErrors, 'report');
  assert.ok((await report.textContent('body')).includes(`<img src=x onerror="window.__pwned='inst'">`),
    'the corrected institution is in the report, as text');
});
