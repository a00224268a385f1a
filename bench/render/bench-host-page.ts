/**
 * Host-page benchmark: what the widget costs the page it is embedded in,
 * with a feed of many alerts. The page is an article with the widget's
 * script (`async`) and a `<child-alert>` in its markup, the embed that
 * docs/widget.md documents, on a first visit (fresh browser context: the
 * engine, the feed and the IndexedDB writes all happen). It is recorded
 * from navigation until every alert is in the widget's shadow DOM, plus
 * SETTLE_MS, with the Chrome tracing API (every task of the page's main
 * thread, so the longest one is known even under 50 ms) and a buffered
 * `layout-shift` PerformanceObserver. The same page without the widget,
 * recorded for as long, is the baseline.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import type { BenchServer } from "../browser/bench-server.js";
import { allowCompiledFunctions } from "../browser/launch-chromium.js";
import { capContainerDocument } from "../feed/feed-documents.js";
import { realisticAlerts } from "../feed/realistic-alerts.js";
import { hostPage } from "./host-pages.js";

const SETTLE_MS = 1000;

/**
 * Trace categories: tasks ("toplevel"), what they did ("devtools.timeline",
 * "v8.execute", "blink"). Tracing slows the page a little, with and
 * without the widget alike.
 */
const TRACE_CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "v8.execute",
  "blink",
];
const RENDER_TIMEOUT_MS = 60_000;

/** The page without the widget, and each embed of the widget measured. */
export const HOST_VARIANTS = [
  "none",
  "banner",
  "card",
  "card-reserve",
] as const;
export type HostVariant = (typeof HOST_VARIANTS)[number];
/** The variants that embed the widget, in the order each iteration visits them. */
export const WIDGET_VARIANTS = HOST_VARIANTS.filter(
  (variant): variant is Exclude<HostVariant, "none"> => variant !== "none",
);

/** Attributes of `<child-alert>` in each variant, after `feed` and `lang`. */
const VARIANT_ATTRIBUTES: Record<Exclude<HostVariant, "none">, string> = {
  banner: "",
  card: ' layout="card"',
  "card-reserve": ' layout="card" reserve',
};

/**
 * CSS each variant's page adds to its own stylesheet. With `reserve`, this
 * is the fixed height of docs/widget.md, which reserves the space before
 * the widget's script has run and keeps later alerts from moving the page.
 */
const VARIANT_PAGE_STYLE: Record<Exclude<HostVariant, "none">, string> = {
  banner: "",
  card: "",
  "card-reserve":
    " child-alert[reserve] { display: block; height: 240px; overflow: auto; --child-alert-reserve-height: 240px; }",
};

export interface HostPageSettings {
  iterations: number;
  alertCount: number;
  now: number;
  /** A folder to write each visit's Chrome trace to, as host-VARIANT-N.json; none when undefined. */
  traceDir?: string;
}

export interface HostPageRun {
  /** Longest task on the page's main thread, in ms. */
  longestTaskMs: number;
  /** Tasks over 50 ms on the page's main thread. */
  tasksOver50Ms: number;
  /** Sum of the layout-shift scores without recent input (cumulative layout shift). */
  layoutShift: number;
  /** From navigation to every alert in the DOM (or the same time without the widget), in ms. */
  recordedMs: number;
  /** The longest events inside the longest task, as "name 12 ms", longest first. */
  longestTaskContents: string[];
}

export interface HostPageResults {
  alertCount: number;
  feedBytes: number;
  runs: Record<HostVariant, HostPageRun[]>;
  /** Files under dist/widget/ that a visit with the widget loaded. */
  loadedFiles: string[];
  /** The 1-minute load average at the end of the runs. */
  loadAverage: number;
}

/**
 * Installed before any page script: records layout shifts from the start
 * of the document, including those before the benchmark can observe.
 */
const RECORD_LAYOUT_SHIFTS = `
  globalThis.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) globalThis.__layoutShift += entry.value;
    }
  }).observe({ type: "layout-shift", buffered: true });
`;

export async function benchHostPage(
  settings: HostPageSettings,
  browser: Browser,
  server: BenchServer,
  log: (line: string) => void,
): Promise<HostPageResults> {
  const xml = capContainerDocument(
    realisticAlerts(settings.alertCount, settings.now),
  );
  server.setFeed("host.xml", xml, "application/xml");
  const feedUrl = `${server.url}feeds/host.xml`;
  server.setPage("host-none.html", hostPage("none"));
  for (const variant of WIDGET_VARIANTS) {
    server.setPage(
      `host-${variant}.html`,
      hostPage(
        "widget",
        `<child-alert feed="${feedUrl}" lang="en"${VARIANT_ATTRIBUTES[variant]}></child-alert>`,
        VARIANT_PAGE_STYLE[variant],
      ),
    );
  }
  if (settings.traceDir !== undefined) {
    mkdirSync(settings.traceDir, { recursive: true });
  }

  const results: HostPageResults = {
    alertCount: settings.alertCount,
    feedBytes: Buffer.byteLength(xml),
    runs: { none: [], banner: [], card: [], "card-reserve": [] },
    loadedFiles: [],
    loadAverage: 0,
  };
  const traceFile = (variant: HostVariant, iteration: number) =>
    settings.traceDir === undefined
      ? undefined
      : join(settings.traceDir, `host-${variant}-${iteration}.json`);
  for (let iteration = 1; iteration <= settings.iterations; iteration++) {
    log(`host page: iteration ${iteration} of ${settings.iterations}`);
    for (const variant of WIDGET_VARIANTS) {
      server.takeWidgetRequests();
      const run = await recordPage(
        browser,
        `${server.url}pages/host-${variant}.html`,
        { alertCount: settings.alertCount },
        traceFile(variant, iteration),
      );
      results.runs[variant].push(run);
      results.loadedFiles = [...new Set(server.takeWidgetRequests())];
    }
    // The baseline records for as long as the slowest widget visit.
    const durationMs = Math.max(
      ...WIDGET_VARIANTS.map(
        (variant) => results.runs[variant].at(-1)!.recordedMs,
      ),
    );
    results.runs.none.push(
      await recordPage(
        browser,
        `${server.url}pages/host-none.html`,
        { durationMs },
        traceFile("none", iteration),
      ),
    );
  }
  results.loadAverage = loadavg()[0] ?? 0;
  return results;
}

/**
 * Records one visit in a fresh browser context. With `alertCount` it waits
 * until that many alerts are in the widget's shadow DOM, else it records
 * for `durationMs`. With `traceFile`, the Chrome trace is written there.
 */
async function recordPage(
  browser: Browser,
  url: string,
  until: { alertCount: number } | { durationMs: number },
  traceFile: string | undefined,
): Promise<HostPageRun> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await allowCompiledFunctions(page);
    await page.setViewport({ width: 1280, height: 800 });
    await page.evaluateOnNewDocument(RECORD_LAYOUT_SHIFTS);
    await page.tracing.start({ categories: TRACE_CATEGORIES });
    const start = Date.now();
    await page.goto(url, { waitUntil: "load" });
    if ("alertCount" in until) {
      await waitForAlerts(page, until.alertCount);
    } else {
      await sleep(
        Math.max(0, until.durationMs - SETTLE_MS - (Date.now() - start)),
      );
    }
    await sleep(SETTLE_MS);
    const recordedMs = Date.now() - start;
    const layoutShift = await page.evaluate(
      () => (globalThis as unknown as { __layoutShift: number }).__layoutShift,
    );
    const trace = await page.tracing.stop();
    if (traceFile !== undefined && trace !== undefined) {
      writeFileSync(traceFile, trace);
    }
    const tasks = mainThreadTasks(trace, url);
    const durations = tasks.map((task) => task.durationMs);
    return {
      longestTaskMs: Math.max(0, ...durations),
      tasksOver50Ms: durations.filter((duration) => duration > 50).length,
      layoutShift,
      recordedMs,
      longestTaskContents:
        tasks.reduce<MainThreadTask | undefined>(
          (longest, task) =>
            longest === undefined || task.durationMs > longest.durationMs
              ? task
              : longest,
          undefined,
        )?.contents ?? [],
    };
  } finally {
    await context.close();
  }
}

/** Waits until the widget's layout contains `count` headlines. */
async function waitForAlerts(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (count) => {
      const widget = document.querySelector("child-alert");
      const layout = widget?.shadowRoot?.querySelector("[data-layout]");
      const headlines =
        layout?.shadowRoot?.querySelectorAll('[part~="headline"]').length ?? 0;
      return headlines >= count;
    },
    { timeout: RENDER_TIMEOUT_MS, polling: 100 },
    count,
  );
}

/**
 * Names of the trace event that spans one task of a thread's task queue:
 * "ThreadControllerImpl::RunTask" in Chromium 156, "RunTask" in older
 * versions.
 */
const TASK_EVENT_NAMES = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Start, in microseconds. */
  ts: number;
  /** Duration of a complete ("X") event, in microseconds. */
  dur?: number;
  args?: {
    name?: string;
    data?: { url?: string; isOutermostMainFrame?: boolean };
  };
}

interface MainThreadTask {
  durationMs: number;
  /** The longest events nested in the task, as "name 12 ms". */
  contents: string[];
}

/**
 * Events that only wrap others (scheduling, script entry points), left out
 * of `contents` because they show nothing of what a task did.
 */
const WRAPPER_EVENTS =
  /^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask|Receive mojo message|SimpleWatcher::OnHandleReady|V8\.StackGuard|V8\.HandleInterrupts|AsyncTask Run)$/;

/**
 * Returns the tasks (TASK_EVENT_NAMES) of the host page's main thread, with
 * their durations in ms. That is the "CrRendererMain" thread of the
 * process that committed `pageUrl` as its outermost main frame. The trace
 * also contains Chrome's own renderers, such as the "WebUI Top Renderer" of
 * the omnibox popup, whose tasks (up to about 100 ms of module evaluation
 * in Chromium 156) are not the page's. Workers' threads, such as the
 * widget's parse worker, are left out too.
 */
function mainThreadTasks(
  trace: Uint8Array | undefined,
  pageUrl: string,
): MainThreadTask[] {
  if (trace === undefined) throw new Error("Chrome tracing returned no trace");
  const { traceEvents } = JSON.parse(Buffer.from(trace).toString("utf8")) as {
    traceEvents: TraceEvent[];
  };
  const pagePids = new Set(
    traceEvents
      .filter(
        (event) =>
          event.name === "CommitLoad" &&
          event.args?.data?.isOutermostMainFrame === true &&
          event.args.data.url === pageUrl,
      )
      .map((event) => event.pid),
  );
  if (pagePids.size === 0) {
    throw new Error(`The trace shows no renderer that committed ${pageUrl}`);
  }
  const mainThreads = new Set(
    traceEvents
      .filter(
        (event) =>
          event.ph === "M" &&
          event.name === "thread_name" &&
          event.args?.name === "CrRendererMain" &&
          pagePids.has(event.pid),
      )
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const complete = traceEvents.filter(
    (event) =>
      event.ph === "X" &&
      event.dur !== undefined &&
      mainThreads.has(`${event.pid}:${event.tid}`),
  );
  return complete
    .filter((event) => TASK_EVENT_NAMES.has(event.name))
    .map((task) => ({
      durationMs: task.dur! / 1000,
      contents: task.dur! > 50_000 ? nestedEvents(task, complete) : [],
    }));
}

function nestedEvents(task: TraceEvent, events: TraceEvent[]): string[] {
  const end = task.ts + task.dur!;
  const longest = new Map<string, number>();
  for (const event of events) {
    if (event === task || event.pid !== task.pid || event.tid !== task.tid) {
      continue;
    }
    if (event.ts < task.ts || event.ts + event.dur! > end) continue;
    if (WRAPPER_EVENTS.test(event.name)) continue;
    const name = event.args?.data?.url
      ? `${event.name} (${event.args.data.url.split("/").pop()})`
      : event.name;
    longest.set(name, Math.max(longest.get(name) ?? 0, event.dur! / 1000));
  }
  return [...longest]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
