#!/usr/bin/env node
// Runs the two peer date recognizers over the seed texts, on the same passages es_date_bench
// sees, and writes their date mentions in the output contract's shape, so that the same
// scorer (score.py, or `acervo eval --pred`) judges all three alike.
//
//   node peers.js --seeds DIR --gold DIR --out DIR [--runs N]
//   node peers.js --suite CASES.json      (pass rate on the external suite's cases)
//
// Peers: Microsoft Recognizers-Text (@microsoft/recognizers-text-suite, Culture.Spanish,
// recognizeDateTime) and chrono (chrono-node, chrono.es). The reference date each gets is
// the middle of the document's period from its gold file (where a report on July-December
// 2020 is "now"), so that both can place a year-less date. Prints one JSON line per peer
// with the median time of --runs passes over all texts (recognition only, no I/O).
"use strict";
const fs = require("fs");
const path = require("path");
const chrono = require("chrono-node");
const Recognizers = require("@microsoft/recognizers-text-suite");

function args() {
  const a = { runs: 3 };
  for (let i = 2; i < process.argv.length; i++) {
    const k = process.argv[i].replace(/^--/, "");
    a[k] = process.argv[++i];
  }
  a.runs = Number(a.runs);
  return a;
}

// Passages as es_date_bench splits them: blank lines end a paragraph, '#' lines are headings,
// lines with tabs are table rows. Each passage keeps its first line number.
function split(text) {
  const out = [];
  let para = null;
  const flush = () => { if (para) out.push(para); para = null; };
  text.split("\n").forEach((line, i) => {
    const n = i + 1;
    if (!line.trim()) return flush();
    if (line.startsWith("#")) { flush(); out.push({ text: line.replace(/^#+\s?/, ""), line: n }); return; }
    if (line.includes("\t")) { flush(); out.push({ text: line, line: n }); return; }
    if (para) para.text += "\n" + line; else para = { text: line, line: n };
  });
  flush();
  return out;
}

const pad = (x) => String(x).padStart(2, "0");
const ymd = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const ym = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;

// The middle of a period {start: "2020-07", end: "2020-12"}.
function reference(period) {
  const [ys, ms] = period.start.split("-").map(Number);
  const [ye, me] = period.end.split("-").map(Number);
  const a = new Date(ys, (ms || 1) - 1, 1), b = new Date(ye, me || 12, 0);
  return new Date((a.getTime() + b.getTime()) / 2);
}

function chronoDates(text, ref) {
  const out = [];
  for (const r of chrono.es.parse(text, ref)) {
    const precision = (c) => c.isCertain("day") ? "day" : c.isCertain("month") ? "month" : null;
    const p = precision(r.start);
    if (!p) continue;
    const fmt = (c) => (p === "day" ? ymd : ym)(c.date());
    const start = fmt(r.start);
    const end = r.end && precision(r.end) ? fmt(r.end) : start;
    out.push({ text: r.text, index: r.index, value: { start, end } });
  }
  return out;
}

// Closest of several candidate values to the reference date (Recognizers-Text gives a past
// and a future reading for a year-less date).
function closest(values, ref, key) {
  let best = values[0], bestD = Infinity;
  for (const v of values) {
    const d = Math.abs(new Date(v[key]).getTime() - ref.getTime());
    if (d < bestD) { best = v; bestD = d; }
  }
  return best;
}

function rtDates(text, ref) {
  const out = [];
  for (const r of Recognizers.recognizeDateTime(text, Recognizers.Culture.Spanish, undefined, ref)) {
    const values = (r.resolution && r.resolution.values) || [];
    if (!values.length) continue;
    if (r.typeName === "datetimeV2.date") {
      const v = closest(values, ref, "value");
      if (!/^\d{4}-\d\d-\d\d$/.test(v.value)) continue;
      out.push({ text: r.text, index: r.start, value: { start: v.value, end: v.value } });
    } else if (r.typeName === "datetimeV2.daterange") {
      const v = closest(values.filter((x) => x.start), ref, "start");
      if (!v) continue;
      const t = v.timex || "";
      let value = null;
      if (/^\d{4}-\d\d$/.test(t)) {
        value = { start: t, end: t };                         // a month
      } else if (/^\(.*,P\d+M\)$/.test(t) && v.end) {         // a range of months, end exclusive
        const e = new Date(v.end + "T00:00:00"); e.setDate(0);
        value = { start: v.start.slice(0, 7), end: ym(e) };
      } else if (/^\(.*,P\d+D\)$/.test(t) && v.end) {         // a range of days
        value = { start: v.start, end: v.end };
      } else if (/^\d{4}-W/.test(t) || /^\d{4}$/.test(t)) {
        continue;                                             // weeks and years are not scored
      } else if (v.end) {
        value = { start: v.start, end: v.end };
      }
      if (value) out.push({ text: r.text, index: r.start, value });
    }
  }
  return out;
}

// The external suite (cases written by es-date's external_suite_test with
// ES_DATE_SUITE_OUT): the same pass rule, each peer given the case's reference date.
function suite(a) {
  const cases = JSON.parse(fs.readFileSync(a.suite, "utf8"));
  const peers = { recognizers: rtDates, chrono: chronoDates };
  for (const [name, fn] of Object.entries(peers)) {
    let passed = 0;
    for (const c of cases) {
      const [y, m, d] = c.reference.split("-").map(Number);
      const got = fn(c.input, new Date(y, m - 1, d, 12)).map((x) => x.value);
      if (got.length !== c.entities.length) continue;
      const used = got.map(() => false);
      const ok = c.entities.every((accepted) => {
        const i = got.findIndex((g, k) => !used[k] &&
          accepted.some((v) => v.start === g.start && v.end === g.end));
        if (i < 0) return false;
        used[i] = true;
        return true;
      });
      if (ok) passed++;
    }
    console.log(JSON.stringify({ peer: name, suite_cases: cases.length, passed,
      pass_rate: passed / cases.length }));
  }
}

function main() {
  const a = args();
  if (a.suite) return suite(a);
  const docs = fs.readdirSync(a.seeds).filter((f) => f.endsWith(".txt")).sort().map((f) => {
    const text = fs.readFileSync(path.join(a.seeds, f), "utf8");
    const gold = JSON.parse(fs.readFileSync(path.join(a.gold, f.replace(/\.txt$/, ".json")), "utf8"));
    return { name: f, bytes: Buffer.byteLength(text), passages: split(text), document: gold.document };
  });
  const bytes = docs.reduce((s, d) => s + d.bytes, 0);
  const peers = { recognizers: rtDates, chrono: chronoDates };
  for (const [name, fn] of Object.entries(peers)) {
    const times = [];
    let results = null;
    for (let r = 0; r < a.runs; r++) {
      const t0 = process.hrtime.bigint();
      const all = docs.map((d) => {
        const ref = reference(d.document.period);
        return d.passages.map((p) => fn(p.text, ref).map((m) => ({ ...m, line: p.line })));
      });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (!results) results = all;
    }
    const dir = path.join(a.out, name);
    fs.mkdirSync(dir, { recursive: true });
    docs.forEach((d, k) => {
      const mentions = results[k].flat().map((m) => ({
        type: "date", text: m.text, value: m.value, line: m.line, extractor: name,
      }));
      fs.writeFileSync(path.join(dir, d.name.replace(/\.txt$/, ".json")),
        JSON.stringify({ document: { source: d.name, ...d.document }, mentions }, null, 1));
    });
    times.sort((x, y) => x - y);
    const median = times[Math.floor(times.length / 2)];
    console.log(JSON.stringify({ peer: name, bytes, runs: a.runs, median_seconds: median,
      mb_per_s: bytes / 1e6 / median }));
  }
}

main();
