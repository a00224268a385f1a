/**
 * Measures how long `parseFeed` blocks the thread it runs on for generated
 * CAP feeds of 256 KiB to 5 MiB, in headless Chromium (and in Node for
 * comparison). The client parses bodies at or above
 * `WORKER_PARSE_MIN_BYTES` in a Web Worker; this script is how that
 * threshold was chosen. It prints, per size, the first run (the parser's
 * code still cold, as on a page's first poll) and the median of all runs.
 *
 * Run: npx tsx scripts/bench-parse-size.ts
 *
 * It bundles the parser with esbuild (installed with tsx and vite, not a
 * direct dependency) and drives /usr/bin/chromium through puppeteer-core.
 */
import { build } from "esbuild";
import { performance } from "node:perf_hooks";
import { cpus } from "node:os";
import puppeteer from "puppeteer-core";
import { parseFeed } from "../shared/formats/parse-feed.js";
import { generatedFeed } from "../test/helpers/generated-feed.js";

const SIZES = [256 * 1024, 512 * 1024, 1024 * 1024, 5 * 1024 * 1024];
const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const bundle = await build({
  stdin: {
    contents: `
      import { parseFeed } from "./shared/formats/parse-feed.ts";
      import { generatedFeed } from "./test/helpers/generated-feed.ts";
      window.measure = (size, runs) => {
        const bytes = new TextEncoder().encode(generatedFeed(size));
        const times = [];
        let alerts = 0;
        for (let run = 0; run < runs; run += 1) {
          const start = performance.now();
          alerts = parseFeed(bytes).alerts.length;
          times.push(performance.now() - start);
        }
        return { bytes: bytes.byteLength, alerts, times };
      };
    `,
    resolveDir: process.cwd(),
    loader: "ts",
  },
  bundle: true,
  format: "iife",
  write: false,
  target: "es2022",
});
const script = bundle.outputFiles[0]!.text;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.goto("about:blank");
  await page.addScriptTag({ content: script });
  console.log(`Chromium ${await browser.version()}, ${cpus()[0]?.model}`);
  for (const size of SIZES) {
    const result = await page.evaluate(
      (size, runs) =>
        (
          window as unknown as {
            measure: (
              size: number,
              runs: number,
            ) => { bytes: number; alerts: number; times: number[] };
          }
        ).measure(size, runs),
      size,
      RUNS,
    );
    console.log(
      `chromium ${result.bytes} bytes, ${result.alerts} alerts: first run ${result.times[0]!.toFixed(1)} ms, median ${median(result.times).toFixed(1)} ms`,
    );
  }
} finally {
  await browser.close();
}

console.log(`Node ${process.version}`);
for (const size of SIZES) {
  const bytes = new TextEncoder().encode(generatedFeed(size));
  const times: number[] = [];
  let alerts = 0;
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    alerts = parseFeed(bytes).alerts.length;
    times.push(performance.now() - start);
  }
  console.log(
    `node ${bytes.byteLength} bytes, ${alerts} alerts: first run ${times[0]!.toFixed(1)} ms, median ${median(times).toFixed(1)} ms`,
  );
}
