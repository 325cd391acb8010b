// Times npm fit-file-parser on every .fit file of a folder, in-process and warm, the way the garmin-client JMH
// benchmark times our importer on the same files. Usage: node parse-bench.js <dir> [out.json]
// Each file: warm-up (at least WARMUP_MS and WARMUP_MIN parses), then MEASURE_MS of parses, each timed with
// process.hrtime.bigint(); reports mean, median, p10 and p90 in milliseconds.
import FitParser from 'fit-file-parser';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WARMUP_MS = Number(process.env.WARMUP_MS ?? 5000);
const WARMUP_MIN = 50;
const MEASURE_MS = Number(process.env.MEASURE_MS ?? 10000);

const [dir, out] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node parse-bench.js <dir> [out.json]');
  process.exit(2);
}

// The library's defaults ('list' mode, m/s, metres): its cheapest full decode.
const parser = new FitParser({ force: true, mode: 'list' });
let sink = 0; // keeps every parse result observable

function parseOnce(buffer) {
  let records = -1;
  parser.parse(buffer, (error, data) => {
    if (error) throw new Error(error);
    records = data.records.length;
  });
  sink += records;
  return records;
}

function elapsedMs(from) {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const results = [];
for (const name of readdirSync(dir).filter((f) => f.endsWith('.fit')).sort()) {
  const buffer = readFileSync(join(dir, name));
  const records = parseOnce(buffer);
  const warmStart = process.hrtime.bigint();
  for (let i = 0; i < WARMUP_MIN || elapsedMs(warmStart) < WARMUP_MS; i++) parseOnce(buffer);
  const times = [];
  const measureStart = process.hrtime.bigint();
  while (elapsedMs(measureStart) < MEASURE_MS) {
    const t0 = process.hrtime.bigint();
    parseOnce(buffer);
    times.push(elapsedMs(t0));
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const r = {
    file: name, bytes: buffer.length, records, runs: times.length,
    meanMs: mean, medianMs: quantile(times, 0.5), p10Ms: quantile(times, 0.1), p90Ms: quantile(times, 0.9),
  };
  results.push(r);
  console.log(`${name}\t${records} records\tmean ${mean.toFixed(2)} ms\tmedian ${r.medianMs.toFixed(2)} ms`
    + `\tp10-p90 ${r.p10Ms.toFixed(2)}-${r.p90Ms.toFixed(2)} ms\t(${times.length} parses)`);
}
if (sink === 0) console.error('no records parsed');
const summary = { parser: 'fit-file-parser', version: JSON.parse(readFileSync(
  new URL('./node_modules/fit-file-parser/package.json', import.meta.url))).version, node: process.version, results };
if (out) writeFileSync(out, JSON.stringify(summary, null, 2));
