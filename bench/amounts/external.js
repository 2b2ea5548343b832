#!/usr/bin/env node
// Runs Recognizers-Text's Spanish currency model on its own test cases
// (shared/external/recognizers-text-es/CurrencyModel.json) with the in-scope rule and the
// pass rule of plugins/es-amount/external_suite_test.cc, so both tools are judged alike:
// in scope, cases with an expected result whose value is a number in a currency unit (not
// Centavo or Penique); a case passes when the tool's results in such units are exactly the
// expected ones, as (canonical value, unit).
//
//   node external.js [--suite FILE]
"use strict";
const fs = require("fs");
const path = require("path");
const Recognizers = require("@microsoft/recognizers-text-suite");

const argv = process.argv.slice(2);
const suite = argv[0] === "--suite" ? argv[1]
  : path.join(__dirname, "../../../shared/external/recognizers-text-es/CurrencyModel.json");
const unitsFile = path.join(__dirname, "../../plugins/es-amount/testdata/recognizers_units.tsv");

const units = new Set();
for (const l of fs.readFileSync(unitsFile, "utf8").split("\n")) {
  if (l && !l.startsWith("#")) units.add(l.split("\t")[0]);
}
const canonical = (a) => {
  let s = String(a).replace(",", ".");
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  s = s.replace(/^0+/, "");
  return !s || s.startsWith(".") ? "0" + s : s;
};
const key = (value, unit) => canonical(value) + " " + unit;

let inScope = 0, passed = 0;
for (const c of JSON.parse(fs.readFileSync(suite, "utf8"))) {
  const expected = c.Results.filter((r) => r.Resolution.value != null && units.has(r.Resolution.unit))
    .map((r) => key(r.Resolution.value, r.Resolution.unit));
  if (!expected.length) continue;
  inScope++;
  const got = Recognizers.recognizeCurrency(c.Input, Recognizers.Culture.Spanish)
    .filter((r) => r.resolution.value != null && units.has(r.resolution.unit))
    .map((r) => key(r.resolution.value, r.resolution.unit));
  const ok = got.length === expected.length && expected.every((e) => {
    const i = got.indexOf(e);
    if (i < 0) return false;
    got.splice(i, 1);
    return true;
  });
  if (ok) passed++;
}
console.log(JSON.stringify({ tool: "Recognizers-Text", in_scope: inScope, passed, rate: +(passed / inScope).toFixed(3) }));
