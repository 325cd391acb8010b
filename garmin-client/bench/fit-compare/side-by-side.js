// Prints the FIT import comparison as a Markdown table: pace42 (JMH JSON) next to fit-file-parser (parse-bench.js
// JSON), per file. Usage: node side-by-side.js <jmh.json> <node.json>
import { readFileSync } from 'node:fs';

const [jmhFile, nodeFile] = process.argv.slice(2);
const jmh = JSON.parse(readFileSync(jmhFile, 'utf8'));
const node = JSON.parse(readFileSync(nodeFile, 'utf8'));

const byFile = (method) => new Map(jmh.filter((b) => b.benchmark.endsWith(`FitImportBenchmark.${method}`))
  .map((b) => [b.params.file, b.primaryMetric]));
const ours = byFile('importFit');
const sdk = byFile('sdkStreamingDecode');
const f = (x) => x.toFixed(2);

console.log(`| file | records | bytes | pace42 FitImporter, ms (JMH mean ± 99.9 % CI) `
  + `| fit-file-parser ${node.version} on Node ${node.node}, ms (mean; median; p10–p90) | ratio (theirs / ours, means) `
  + '| reference: FIT SDK streaming Decode + record listener, ms (JMH) |');
console.log('|---|---|---|---|---|---|---|');
let allMet = true;
for (const r of node.results) {
  const m = ours.get(r.file);
  if (!m) {
    console.log(`| ${r.file} | ${r.records} | ${r.bytes} | (not measured) | ${f(r.meanMs)} | | |`);
    allMet = false;
    continue;
  }
  const ratio = r.meanMs / m.score;
  allMet &&= ratio >= 2;
  console.log(`| ${r.file} | ${r.records} | ${r.bytes} | ${f(m.score)} ± ${f(m.scoreError)} `
    + `| ${f(r.meanMs)}; ${f(r.medianMs)}; ${f(r.p10Ms)}–${f(r.p90Ms)} | ${ratio.toFixed(1)}× `
    + `| ${sdk.has(r.file) ? `${f(sdk.get(r.file).score)} ± ${f(sdk.get(r.file).scoreError)}` : '–'} |`);
}
console.log(`\nTarget (issue 4): pace42 at least 2× faster on every file: ${allMet ? 'met' : 'NOT met'}.`);
