// End-to-end test of the review web UI in a real headless browser (Debian's chromium driven
// by playwright-core). It ingests a small document of its own with the real `acervo ingest`,
// serves it with `acervo review serve --port 0`, corrects an amount and accepts a record
// through the page, reloads, and checks the store with `acervo review show`. It also checks
// that document text holding <script> is shown as text and never runs.
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

test('review UI: correct an amount, accept a record, survive a reload, never run document markup', async (t) => {
  const playwright = await loadPlaywright();
  const missing = missingPieces(playwright);
  if (missing.length) {
    if (process.env.CI) assert.fail('the browser test cannot run: missing ' + missing.join('; '));
    t.skip('missing ' + missing.join('; '));
    return;
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'acervo-browser-'));
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

  const { child, url } = await startServer(store);
  const browser = await playwright.chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  t.after(async () => {
    await browser.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  });

  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const alerts = [];
  page.on('dialog', async (d) => { alerts.push(d.message()); await d.dismiss(); });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));

  await page.goto(url);
  // The reviewer's name is asked once.
  await page.fill('#name-input', 'Ana Revisora');
  await page.click('#name-form button[type=submit]');
  await showAll(page, all.length);

  // Correct the first amount of a record through the editor.
  await open(page, withAmount);
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
});
