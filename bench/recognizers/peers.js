#!/usr/bin/env node
// The npm peers of bench/recognizers, timed on the same texts in the same run:
//   chrono (chrono-node, chrono.es.parse: dates), and Microsoft Recognizers-Text
//   (Culture.Spanish: recognizeDateTime + recognizeCurrency + recognizeNumber, the closest it
//   has to es-date + es-amount; it has no organisations nor ODS).
//
//   node peers.js [--runs N] [--slow-runs M] FILE...
//
// Each file is split into its non-blank lines (acervo's text loader makes one passage of
// each paragraph or table row, about the same). Prints one JSON line per peer with the
// median of N passes over all texts (recognition only: no start-up, no file reading); M
// passes (default N) for Recognizers-Text, which takes minutes per pass over the seeds.
"use strict";
const fs = require("fs");
const chrono = require("chrono-node");
const R = require("@microsoft/recognizers-text-suite");

function args() {
  const a = { runs: 5, slowRuns: undefined, files: [] };
  for (let i = 2; i < process.argv.length; i++) {
    if (process.argv[i] === "--runs") a.runs = Number(process.argv[++i]);
    else if (process.argv[i] === "--slow-runs") a.slowRuns = Number(process.argv[++i]);
    else a.files.push(process.argv[i]);
  }
  if (a.slowRuns === undefined) a.slowRuns = a.runs;
  return a;
}

function main() {
  const a = args();
  const texts = a.files.map((f) => fs.readFileSync(f, "utf8"));
  const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
  const passages = texts.flatMap((t) => t.split("\n").filter((l) => l.trim()));
  const ref = new Date(2024, 0, 15, 12);
  const es = R.Culture.Spanish;
  const peers = {
    chrono: (p) => chrono.es.parse(p, ref).length,
    "recognizers-text": (p) =>
      R.recognizeDateTime(p, es, undefined, ref).length + R.recognizeCurrency(p, es).length +
      R.recognizeNumber(p, es).length,
  };
  for (const [name, fn] of Object.entries(peers)) {
    const times = [];
    let found = 0;
    const runs = name === "recognizers-text" ? a.slowRuns : a.runs;
    for (let r = 0; r < runs; r++) {
      const t0 = process.hrtime.bigint();
      found = passages.reduce((s, p) => s + fn(p), 0);
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    times.sort((x, y) => x - y);
    const median = times[Math.floor(times.length / 2)];
    console.log(JSON.stringify({ peer: name, bytes, runs, median_seconds: median,
      mb_per_s: bytes / 1e6 / median, results: found }));
  }
}

main();
