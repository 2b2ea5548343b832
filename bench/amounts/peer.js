#!/usr/bin/env node
// Runs Microsoft Recognizers-Text's Spanish currency model (@microsoft/recognizers-text-suite,
// Culture.Spanish, recognizeCurrency) over text reports (.txt, .md), on the same passages
// es_amount_bench sees, and writes its amount mentions in the output contract's shape, so
// that the same scorer (`acervo eval --pred`) judges both alike.
//
//   node peer.js --seeds DIR --out DIR [--gold DIR] [--runs N] [--units FILE]
//
// The peer's units become ISO 4217 codes through the table the external suite test uses
// (plugins/es-amount/testdata/recognizers_units.tsv): its own isoCurrency where it gives
// one, else its unit name ("Dólar" -> USD, the peer's reading of a bare "$"); units with
// no single code become null. To be fair where the peer cannot know the country, its bare
// "Peso" takes the document's country from --gold (MX -> MXN, CO -> COP), as acervo's
// bare "pesos" does. The peer has no notion of approximation: approximate is false.
// Prints one JSON line with the median time of --runs passes over all texts (recognition
// only: no I/O, and the peer's models are built by a warm-up call before timing).
"use strict";
const fs = require("fs");
const path = require("path");
const Recognizers = require("@microsoft/recognizers-text-suite");

function args() {
  const a = {
    runs: 3,
    units: path.join(__dirname, "../../plugins/es-amount/testdata/recognizers_units.tsv"),
  };
  for (let i = 2; i < process.argv.length; i++) {
    const k = process.argv[i].replace(/^--/, "");
    a[k] = process.argv[++i];
  }
  a.runs = Number(a.runs);
  return a;
}

// Passages as es_amount_bench splits them: blank lines end a paragraph, '#' lines are
// headings, lines with tabs are table rows. Each passage keeps its first line number.
function split(text) {
  const out = [];
  let para = null;
  const flush = () => { if (para) out.push(para); para = null; };
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    const n = i + 1;
    if (!line.trim()) return flush();
    if (line.startsWith("#")) { flush(); out.push({ text: line.replace(/^#+\s?/, ""), line: n }); return; }
    if (line.includes("\t")) { flush(); out.push({ text: line, line: n }); return; }
    if (para) para.text += "\n" + line; else para = { text: line, line: n };
  });
  flush();
  return out;
}

function readUnits(file) {
  const units = {};
  for (const l of fs.readFileSync(file, "utf8").split("\n")) {
    if (!l || l.startsWith("#")) continue;
    const [unit, iso] = l.split("\t");
    units[unit] = iso === "-" ? null : iso;
  }
  return units;
}

const COUNTRY_PESO = { MX: "MXN", CO: "COP", AR: "ARS", CL: "CLP", UY: "UYU" };

function countryOf(goldDir, file) {
  if (!goldDir) return "";
  const g = path.join(goldDir, path.parse(file).name + ".json");
  if (!fs.existsSync(g)) return "";
  return (JSON.parse(fs.readFileSync(g, "utf8")).document || {}).country || "";
}

function main() {
  const a = args();
  const units = readUnits(a.units);
  const files = fs.readdirSync(a.seeds).filter((f) => /\.(txt|md)$/.test(f)).sort();
  const docs = files.map((f) => {
    const text = fs.readFileSync(path.join(a.seeds, f), "utf8");
    return { file: f, bytes: Buffer.byteLength(text), passages: split(text), country: countryOf(a.gold, f) };
  });
  const recognize = (t) => Recognizers.recognizeCurrency(t, Recognizers.Culture.Spanish);

  recognize("un millón de dólares");  // builds the peer's models outside the timing
  const times = [];
  let results = null;
  for (let r = 0; r < a.runs; r++) {
    const t0 = process.hrtime.bigint();
    const pass = docs.map((d) => d.passages.map((p) => recognize(p.text)));
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    results = pass;
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)];

  fs.mkdirSync(a.out, { recursive: true });
  docs.forEach((d, di) => {
    const mentions = [];
    d.passages.forEach((p, pi) => {
      for (const m of results[di][pi]) {
        const res = m.resolution || {};
        if (res.value === undefined || res.value === null) continue;
        let iso = res.isoCurrency || (res.unit in units ? units[res.unit] : null);
        if (res.unit === "Peso") iso = COUNTRY_PESO[d.country] || null;
        if (res.unit === "Centavo" || res.unit === "Penique") continue;
        const line = p.line + (p.text.slice(0, m.start).match(/\n/g) || []).length;
        mentions.push({
          type: "amount",
          text: m.text,
          value: { amount: String(res.value).replace(",", "."), currency: iso, approximate: false },
          line,
          extractor: "recognizers-text-suite",
        });
      }
    });
    const out = { document: { source: d.file }, mentions, records: [] };
    fs.writeFileSync(path.join(a.out, path.parse(d.file).name + ".json"), JSON.stringify(out, null, 2) + "\n");
  });
  const bytes = docs.reduce((s, d) => s + d.bytes, 0);
  console.log(JSON.stringify({ tool: "Recognizers-Text", bytes, median_seconds: median, mb_per_s: bytes / 1e6 / median, runs: a.runs }));
}

main();
