/**
 * Measures what the page pays to take in the parse worker's result, per
 * message, for three ways of sending the parsed alerts of the host-page
 * benchmark's feed (1,000 alerts, 12.9 MiB of CAP XML) from a worker:
 *
 * - one message holding every alert, as the worker sent it before;
 * - structured-clone batches of about `HANDOVER_BATCH_CHARS`, what
 *   shared/client/parse-worker.ts sends now (alert-batches.ts);
 * - the same batches as JSON text in a transferred ArrayBuffer, which the
 *   page decodes and reads with `JSON.parse`.
 *
 * The time per message is that of the page's message handler: reading
 * `event.data` (Chromium deserializes it then) and, for JSON, decoding and
 * parsing it. Garbage collection that comes later is not in it. Prints the
 * median over the runs of each route's total, median and slowest message.
 *
 * Run: npx tsx scripts/bench-worker-handover.ts
 *
 * It drives /usr/bin/chromium (or CHROME_PATH) through puppeteer-core, on a
 * page served from 127.0.0.1.
 */
import { createServer } from "node:http";
import { cpus } from "node:os";
import puppeteer from "puppeteer-core";
import { capContainerDocument } from "../bench/feed/feed-documents.js";
import { realisticAlerts } from "../bench/feed/realistic-alerts.js";
import {
  batchAlerts,
  HANDOVER_BATCH_CHARS,
} from "../shared/client/alert-batches.js";
import { parseFeed } from "../shared/formats/parse-feed.js";

const ALERTS = 1000;
const RUNS = 7;
const ROUTES = ["one-message", "clone-batches", "json-batches"] as const;
type Route = (typeof ROUTES)[number];

const xml = capContainerDocument(realisticAlerts(ALERTS, Date.now()));
const parsed = parseFeed(new TextEncoder().encode(xml));
const batchSizes = batchAlerts(parsed.alerts).map((batch) => batch.length);

/** The worker: it keeps the parsed alerts and sends them by the requested route. */
const WORKER = `
let alerts;
let batchSizes;
self.onmessage = async (event) => {
  const { route } = event.data;
  if (alerts === undefined) {
    ({ alerts, batchSizes } = await (await fetch("/alerts.json")).json());
  }
  if (route === "one-message") {
    self.postMessage({ alerts });
  } else {
    let start = 0;
    for (const size of batchSizes) {
      const batch = alerts.slice(start, start + size);
      start += size;
      if (route === "clone-batches") {
        self.postMessage({ alerts: batch });
      } else {
        const bytes = new TextEncoder().encode(JSON.stringify(batch));
        self.postMessage({ bytes }, [bytes.buffer]);
      }
    }
  }
  self.postMessage({ done: true });
};`;

/** The page's side: takes one route's messages in and times each handler. */
const PAGE = `<!doctype html><title>Hand-over</title><script>
const decoder = new TextDecoder();
const worker = new Worker("/worker.js");
window.takeIn = (route) => new Promise((resolve) => {
  const times = [];
  let count = 0;
  worker.onmessage = (event) => {
    const start = performance.now();
    const data = event.data;
    if (data.done) { resolve({ times, count }); return; }
    const alerts = data.bytes ? JSON.parse(decoder.decode(data.bytes)) : data.alerts;
    count += alerts.length;
    times.push(performance.now() - start);
  };
  worker.postMessage({ route });
});
</script>`;

const body = JSON.stringify({ alerts: parsed.alerts, batchSizes });
const server = createServer((request, response) => {
  const files: Record<string, [string, string]> = {
    "/": [PAGE, "text/html"],
    "/worker.js": [WORKER, "text/javascript"],
    "/alerts.json": [body, "application/json"],
  };
  const file = files[request.url ?? ""];
  if (file === undefined) response.writeHead(404).end();
  else response.writeHead(200, { "Content-Type": file[1] }).end(file[0]);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.address();
const port = typeof address === "object" && address ? address.port : 0;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const results = new Map<
    Route,
    { total: number[]; median: number[]; max: number[] }
  >(ROUTES.map((route) => [route, { total: [], median: [], max: [] }]));
  // One unmeasured run per route warms the worker and the page up. The
  // routes then take turns, so a change of machine load reaches each alike.
  for (let run = 0; run <= RUNS; run += 1) {
    for (const route of ROUTES) {
      const { times, count } = await page.evaluate(
        (name) =>
          (
            window as unknown as {
              takeIn(name: string): Promise<{ times: number[]; count: number }>;
            }
          ).takeIn(name),
        route,
      );
      if (count !== ALERTS) {
        throw new Error(
          `${route} delivered ${count} alerts, expected ${ALERTS}`,
        );
      }
      if (run === 0) continue;
      const result = results.get(route)!;
      result.total.push(times.reduce((sum, time) => sum + time, 0));
      result.median.push(median(times));
      result.max.push(Math.max(...times));
    }
  }
  console.log(
    `${ALERTS} alerts (${(xml.length / 2 ** 20).toFixed(1)} MiB of CAP XML), batches of ${HANDOVER_BATCH_CHARS} estimated characters: ${batchSizes.length} batches of ${Math.min(...batchSizes)}-${Math.max(...batchSizes)} alerts`,
  );
  console.log(
    `${await browser.version()}, ${cpus()[0]?.model.trim()}, ${cpus().length} cores; median of ${RUNS} runs`,
  );
  console.log("route, total ms, median ms per message, slowest message ms");
  for (const [route, result] of results) {
    console.log(
      `${route}, ${median(result.total).toFixed(1)}, ${median(result.median).toFixed(2)}, ${median(result.max).toFixed(2)}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
