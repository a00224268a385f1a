/**
 * `npm run bench`: builds the project, measures the client against the
 * alternatives in Node and headless Chromium, and writes
 * docs/benchmarks.md. Timings are only reported, never asserted.
 *
 * Options:
 *   --quick     fewer sizes and repeats (no 10,000-alert feed), about a
 *               third of the time of a full run; for a quick check
 *   --no-build  use dist/ as it is instead of running `npm run build`
 *   --out FILE  write the report to FILE instead of docs/benchmarks.md
 *   --only host-page
 *               run only the host-page benchmark, and print its report
 *               (or write it to --out FILE); docs/benchmarks.md is left
 *               as it is
 *   --trace-dir DIR
 *               write the Chrome trace of every host-page visit to DIR,
 *               as host-VARIANT-N.json, for the DevTools Performance panel
 *
 * Run it through npm (`npm run bench -- --quick`), which starts Node with
 * --expose-gc so that a full garbage collection can run before each sample.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startBenchServer } from "./browser/bench-server.js";
import { launchChromium } from "./browser/launch-chromium.js";
import { realTemplateCount } from "./feed/realistic-alerts.js";
import { benchGeo, type GeoSettings } from "./geo/bench-geo.js";
import { loadAverage, machineInfo } from "./machine.js";
import { benchParse, type ParseSettings } from "./parse/bench-parse.js";
import { benchParseStages } from "./parse/parse-stages.js";
import { benchPolling } from "./polling/bench-polling.js";
import {
  benchFirstRender,
  type FirstRenderSettings,
} from "./render/bench-first-render.js";
import {
  benchHostPage,
  type HostPageSettings,
} from "./render/bench-host-page.js";
import { writeHostPageReport, writeReport } from "./report/write-report.js";
import { benchSize } from "./size/bench-size.js";
import { buildFloorScript } from "./size/build-floor.js";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    out: { type: "string" },
    only: { type: "string" },
    "trace-dir": { type: "string" },
  },
});
const quick = values.quick;
if (values.only !== undefined && values.only !== "host-page") {
  console.error(
    `bench: --only ${values.only} is not supported; the only part that runs alone is host-page.`,
  );
  process.exit(2);
}

const now = Date.now();
const parseSettings: ParseSettings = quick
  ? {
      sizes: [10, 100, 1000],
      runs: 3,
      largeRuns: 3,
      warmups: 2,
      minSampleMs: 50,
      now,
    }
  : {
      sizes: [10, 100, 1000, 10000],
      runs: 7,
      largeRuns: 3,
      warmups: 3,
      minSampleMs: 50,
      now,
    };
const geoSettings: GeoSettings = quick
  ? { warmups: 6, runs: 3, minSampleMs: 100, placeCount: 64 }
  : { warmups: 6, runs: 9, minSampleMs: 100, placeCount: 64 };
const firstRenderSettings: FirstRenderSettings = {
  iterations: quick ? 3 : 10,
  alertCount: 10,
  now,
};
const hostPageSettings: HostPageSettings = {
  iterations: quick ? 1 : 3,
  alertCount: 1000,
  now,
  ...(values["trace-dir"] === undefined
    ? {}
    : { traceDir: values["trace-dir"] }),
};

const startedAt = new Date();
const loadAtStart = loadAverage();
const log = (line: string) => {
  const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0);
  console.log(`[${seconds.padStart(4)} s] ${line}`);
};

if (!values["no-build"]) {
  log("npm run build");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`bench: npm run build exited with ${build.status}`);
    process.exit(1);
  }
}

const browser = await launchChromium();
const server = await startBenchServer();
try {
  const chromium = await browser.version();
  log(
    `${chromium}, Node ${process.version}, load average ${loadAtStart.join(", ")}`,
  );
  if (values.only === "host-page") {
    const markdown = await measureHostPageOnly(chromium);
    if (values.out === undefined) console.log(`\n${markdown}`);
    else writeMarkdown(values.out, markdown);
  } else {
    writeMarkdown(
      values.out ?? "docs/benchmarks.md",
      await measureAll(chromium),
    );
  }
} finally {
  await browser.close();
  await server.close();
}
// Held-back feed responses may still have timers pending.
process.exit(0);

/** Runs every benchmark and returns the report of docs/benchmarks.md. */
async function measureAll(chromium: string): Promise<string> {
  const parse = await benchParse(parseSettings, browser, server, log);
  log("parse stages: node, 1000 alerts");
  const parseStages = await benchParseStages(1000, now, {
    warmups: parseSettings.warmups,
    runs: parseSettings.runs,
    minSampleMs: parseSettings.minSampleMs,
  });
  const geo = await benchGeo(geoSettings, browser, server, log);
  const floorScript = await buildFloorScript();
  const firstRender = await benchFirstRender(
    firstRenderSettings,
    browser,
    server,
    floorScript,
    log,
  );
  const hostPage = await benchHostPage(hostPageSettings, browser, server, log);
  log("size");
  const size = benchSize(
    floorScript,
    firstRender.loadedFiles,
    hostPage.loadedFiles,
  );
  log("polling cost: scripts/simulate-clients.ts");
  const polling = benchPolling({ clients: 200, polls: 4, intervalMs: 500 });

  return writeReport({
    quick,
    machine: machineInfo(),
    chromium,
    startedAt,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    loadAtStart,
    loadAtEnd: loadAverage(),
    templateCount: realTemplateCount(),
    settings: {
      parse: parseSettings,
      geo: geoSettings,
      firstRender: firstRenderSettings,
      hostPage: hostPageSettings,
    },
    parse,
    parseStages,
    geo,
    firstRender,
    hostPage,
    size,
    polling,
  });
}

/** Runs the host-page benchmark alone and returns its report. */
async function measureHostPageOnly(chromium: string): Promise<string> {
  const hostPage = await benchHostPage(hostPageSettings, browser, server, log);
  return writeHostPageReport({
    machine: machineInfo(),
    chromium,
    startedAt,
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    loadAtStart,
    loadAtEnd: loadAverage(),
    settings: hostPageSettings,
    hostPage,
  });
}

function writeMarkdown(file: string, markdown: string): void {
  writeFileSync(file, `${markdown}\n`);
  log(`wrote ${file}`);
}
