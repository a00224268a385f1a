/**
 * Measures what polling costs a feed publisher: many lightweight simulated
 * clients in one Node process poll a static feed set, built by the feed
 * tool, from a local static file server on 127.0.0.1 that sends ETag and
 * Last-Modified and responds to conditional requests with 304.
 *
 * Four ways of polling are compared, each in its own run:
 * - all, unconditional: GET all.json on every poll;
 * - all, conditional: the same with If-None-Match / If-Modified-Since;
 * - shards, unconditional: GET index.json, then the shards `chooseShards`
 *   picks for the client's place;
 * - shards, conditional: the same with validators for each file.
 *
 * Time is compressed: a client polls every --interval-ms (default 2 s)
 * instead of every 5 minutes, so --polls 12 stands for one hour. The feed
 * changes --changes times during the run (default once, halfway): a new
 * invented alert in Attica is published, as a publisher's rebuild would.
 * Bytes are counted on the client's sockets, headers included. A warm-up
 * round before the counted polls gives every client its validators, as a
 * client that polled before has them in its store.
 *
 * The server runs in a child process, so server and clients each get a
 * core of a 2-core machine. Requests go to 127.0.0.1 only, and every loop
 * is bounded by --polls.
 *
 * Run: npx tsx scripts/simulate-clients.ts [--clients 2000]
 *   [--interval-ms 2000] [--polls 12] [--changes 1] [--modes all]
 */
import { fork } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import {
  Agent,
  createServer,
  request,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { Socket } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { runCommandLine } from "../cli/run-command.js";
import {
  buildDemoAlert,
  STANDING_ALERTS,
  type DemoAlertSpec,
} from "../demo/feeds/demo-alerts.js";
import type { Place } from "../shared/geo/place.js";
import { writeCapDocument } from "../shared/formats/write-cap-xml.js";
import type { CapArea } from "../shared/model/cap.js";
import { chooseShards } from "../shared/shards/choose-shards.js";
import { readFeedIndex, type FeedIndex } from "../shared/shards/feed-index.js";
import { formatCapTime } from "../shared/time/cap-time.js";

/** The headers a CDN and the clients need; docs/scaling.md explains each. */
const CACHE_CONTROL =
  "public, max-age=60, stale-while-revalidate=60, stale-if-error=86400";

const MODES = [
  "all-unconditional",
  "all-conditional",
  "shards-unconditional",
  "shards-conditional",
] as const;
type Mode = (typeof MODES)[number];

// ---------------------------------------------------------------- server

/** Serves the files of `root` with validators, cache headers and CORS. */
function serveFeedSet(root: string, port: number): void {
  const server = createServer((req, res) => serveFile(root, req, res));
  server.keepAliveTimeout = 60_000;
  server.listen(port, "127.0.0.1", () => {
    const address = server.address();
    process.send?.({
      port: typeof address === "object" && address ? address.port : 0,
    });
  });
  process.on("message", (message) => {
    if (message === "stop") server.close(() => process.exit(0));
  });
}

/** A file as served: its bytes and validators, cached until its mtime changes. */
interface ServedFile {
  body: Buffer;
  etag: string;
  lastModified: string;
  mtimeMs: number;
}

const servedFiles = new Map<string, ServedFile>();

/**
 * Returns a file's bytes and validators. Like a static server or CDN edge,
 * it hashes a file once per change, not once per request; a stat per
 * request notices a rebuild.
 */
function servedFile(path: string): ServedFile {
  const mtimeMs = statSync(path).mtimeMs;
  const cached = servedFiles.get(path);
  if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached;
  const body = readFileSync(path);
  const file = {
    body,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
    lastModified: new Date(mtimeMs).toUTCString(),
    mtimeMs,
  };
  servedFiles.set(path, file);
  return file;
}

function serveFile(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const path = join(
    root,
    normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)),
  );
  let file: ServedFile;
  try {
    if (!path.startsWith(root)) throw new Error("outside the feed set");
    file = servedFile(path);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    return;
  }
  const headers = {
    "Content-Type": path.endsWith(".atom")
      ? "application/atom+xml"
      : "application/json",
    "Cache-Control": CACHE_CONTROL,
    ETag: file.etag,
    "Last-Modified": file.lastModified,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Date",
  };
  const ifNoneMatch = req.headers["if-none-match"];
  const notModified =
    ifNoneMatch !== undefined
      ? ifNoneMatch === file.etag
      : req.headers["if-modified-since"] === file.lastModified;
  if (notModified) {
    res.writeHead(304, headers).end();
    return;
  }
  res
    .writeHead(200, { ...headers, "Content-Length": file.body.length })
    .end(file.body);
}

// ---------------------------------------------------------------- feed set

const DAY = 86_400_000;
const START = Date.parse("2026-12-04T16:00:00Z");

/** Invented alerts across Greece's peripheries and the grid, beside the demo's three. */
function inventedAlerts(count: number): DemoAlertSpec[] {
  const base = STANDING_ALERTS[0]!;
  const places: [number, number][] = [
    [37.98, 23.73], // Athens
    [40.64, 22.94], // Thessaloniki
    [38.25, 21.73], // Patras
    [35.34, 25.13], // Heraklion
    [39.64, 22.42], // Larissa
    [39.66, 20.85], // Ioannina
    [41.12, 25.4], // Komotini
    [48.86, 2.35], // Paris
    [52.52, 13.4], // Berlin
    [41.9, 12.5], // Rome
    [29.76, -95.37], // Houston
    [43.65, -79.38], // Toronto
    [-33.87, 151.21], // Sydney
  ];
  return Array.from({ length: count }, (_, index) => {
    const [lat, lon] = places[index % places.length]!;
    const area: CapArea = {
      areaDesc: "",
      polygon: [],
      circle: [{ lat, lon, radius: 10 }],
      geocode: [],
    };
    return {
      ...base,
      identifier: `SIM-${String(index).padStart(4, "0")}`,
      sentOffsetMs: -(index + 1) * 60_000,
      expiresOffsetMs: 2 * DAY,
      area,
    };
  });
}

/** Writes the alerts as CAP files and builds the feed set with the feed tool. */
async function buildFeedSet(
  source: string,
  out: string,
  specs: DemoAlertSpec[],
): Promise<void> {
  for (const spec of specs) {
    const alert = buildDemoAlert(spec, START, "https://hotline.example");
    writeFileSync(
      join(source, `${spec.identifier}.xml`),
      writeCapDocument(alert),
    );
  }
  const quiet = { out: () => {}, err: () => {} };
  const status = await runCommandLine(
    ["build", source, "--out", out, "--now", formatCapTime(START, 0)],
    quiet,
  );
  if (status !== 0) throw new Error(`child-alert-feed build exited ${status}`);
}

// ---------------------------------------------------------------- clients

interface Totals {
  requests: number;
  notModified: number;
  bodyBytes: number;
  errors: number;
  latenciesMs: number[];
}

/** Returns the simulated readers' places: most in Greek cities, the rest anywhere. */
function readerPlaces(count: number): Place[] {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const cities: [number, number][] = [
    [37.98, 23.73],
    [40.64, 22.94],
    [38.25, 21.73],
    [35.34, 25.13],
    [39.64, 22.42],
  ];
  return Array.from({ length: count }, () => {
    if (random() < 0.7) {
      const [lat, lon] = cities[Math.floor(random() * cities.length)]!;
      return {
        lat: lat + random() * 0.1,
        lon: lon + random() * 0.1,
        radius: 10,
      };
    }
    return {
      lat: -60 + random() * 130,
      lon: -180 + random() * 360,
      radius: 10,
    };
  });
}

class Poller {
  private readonly validators = new Map<string, string>();
  private index: FeedIndex | undefined;

  constructor(
    private readonly origin: string,
    private readonly place: Place,
    private readonly mode: Mode,
    private readonly agent: Agent,
    private readonly totals: Totals,
    private readonly sockets: Set<Socket>,
  ) {}

  async poll(): Promise<void> {
    if (this.mode.startsWith("all")) {
      await this.get("all.json");
      return;
    }
    const indexBody = await this.get("index.json");
    if (indexBody !== null) {
      this.index = readFeedIndex(JSON.parse(indexBody.toString("utf8")));
    }
    if (this.index === undefined) return;
    for (const feed of chooseShards(this.index, { place: this.place })) {
      await this.get(feed.jsonUrl);
    }
  }

  /** GETs a file; returns its body, or null for a 304 or an error. */
  private get(file: string): Promise<Buffer | null> {
    const conditional = this.mode.endsWith("-conditional");
    const headers: Record<string, string> = {};
    const etag = this.validators.get(file);
    if (conditional && etag !== undefined) headers["If-None-Match"] = etag;
    const started = performance.now();
    return new Promise((resolve) => {
      const req = request(
        `${this.origin}${file}`,
        { agent: this.agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            this.totals.requests += 1;
            this.totals.latenciesMs.push(performance.now() - started);
            if (res.statusCode === 304) {
              this.totals.notModified += 1;
              resolve(null);
              return;
            }
            const body = Buffer.concat(chunks);
            this.totals.bodyBytes += body.length;
            const tag = res.headers.etag;
            if (tag !== undefined) this.validators.set(file, tag);
            resolve(res.statusCode === 200 ? body : null);
          });
        },
      );
      req.on("socket", (socket) => this.sockets.add(socket));
      req.on("error", () => {
        this.totals.errors += 1;
        resolve(null);
      });
      req.end();
    });
  }
}

interface RunResult {
  mode: Mode;
  totals: Totals;
  /** Bytes the server sent, headers included, as the client sockets read them. */
  egressBytes: number;
  /** Bytes the clients sent. */
  ingressBytes: number;
  seconds: number;
}

async function runMode(
  mode: Mode,
  origin: string,
  places: Place[],
  options: { intervalMs: number; polls: number; changeAt: Set<number> },
  change: () => Promise<void>,
): Promise<RunResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const sockets = new Set<Socket>();
  const totals: Totals = {
    requests: 0,
    notModified: 0,
    bodyBytes: 0,
    errors: 0,
    latenciesMs: [],
  };
  const pollers = places.map(
    (place) => new Poller(origin, place, mode, agent, totals, sockets),
  );
  // A warm-up round, not counted, gives every client its validators, as
  // a client that has polled before keeps them in its store.
  await Promise.all(pollers.map((poller) => poller.poll()));
  const baseline = new Map(
    [...sockets].map((socket) => [
      socket,
      [socket.bytesRead, socket.bytesWritten],
    ]),
  );
  Object.assign(totals, {
    requests: 0,
    notModified: 0,
    bodyBytes: 0,
    errors: 0,
    latenciesMs: [],
  });

  const started = performance.now();
  for (let round = 0; round < options.polls; round++) {
    if (options.changeAt.has(round)) await change();
    const roundStart = performance.now();
    // Each client polls once per round, spread evenly over the interval.
    await Promise.all(
      pollers.map(
        (poller, index) =>
          new Promise<void>((resolve) => {
            const delay = (index / pollers.length) * options.intervalMs;
            setTimeout(() => void poller.poll().then(resolve), delay);
          }),
      ),
    );
    const rest = options.intervalMs - (performance.now() - roundStart);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  const seconds = (performance.now() - started) / 1000;
  let egressBytes = 0;
  let ingressBytes = 0;
  for (const socket of sockets) {
    const [read, written] = baseline.get(socket) ?? [0, 0];
    egressBytes += socket.bytesRead - read!;
    ingressBytes += socket.bytesWritten - written!;
  }
  agent.destroy();
  return { mode, totals, egressBytes, ingressBytes, seconds };
}

// ---------------------------------------------------------------- report

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ??
    0
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1e12) return `${(bytes / 1e12).toFixed(2)} TB`;
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

function report(
  results: RunResult[],
  clients: number,
  polls: number,
  intervalMs: number,
  feedSet: string,
): void {
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), Node ${process.version}`;
  console.log(
    `\n${clients} clients, ${polls} polls each, one every ${intervalMs} ms (standing for 5 minutes); ${machine}.\n${feedSet}\n`,
  );
  console.log(
    "| mode | requests | 304s | errors | req/s measured | latency p50 / p99 | requests per poll | egress per poll | body bytes per poll | ingress per poll | egress per client-hour |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const result of results) {
    const { mode, totals, egressBytes, ingressBytes, seconds } = result;
    const clientPolls = clients * polls;
    console.log(
      `| ${mode} | ${totals.requests} | ${totals.notModified} | ${totals.errors} | ` +
        `${(totals.requests / seconds).toFixed(0)} | ` +
        `${percentile(totals.latenciesMs, 0.5).toFixed(1)} / ${percentile(totals.latenciesMs, 0.99).toFixed(1)} ms | ` +
        `${(totals.requests / clientPolls).toFixed(2)} | ${formatBytes(egressBytes / clientPolls)} | ` +
        `${formatBytes(totals.bodyBytes / clientPolls)} | ${formatBytes(ingressBytes / clientPolls)} | ` +
        `${formatBytes((egressBytes / clientPolls) * 12)} |`,
    );
  }
  console.log(
    "\nExtrapolated to 1,000,000 clients polling every 5 minutes from the per-poll figures above (an estimate, not measured at that scale):\n",
  );
  console.log("| mode | requests/s | egress per hour | egress per day |");
  console.log("|---|---:|---:|---:|");
  for (const { mode, totals, egressBytes } of results) {
    const clientPolls = clients * polls;
    const pollsPerSecond = 1_000_000 / 300;
    const egressPerPoll = egressBytes / clientPolls;
    console.log(
      `| ${mode} | ${(pollsPerSecond * (totals.requests / clientPolls)).toFixed(0)} | ` +
        `${formatBytes(egressPerPoll * 1_000_000 * 12)} | ${formatBytes(egressPerPoll * 1_000_000 * 288)} |`,
    );
  }
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "2000" },
      "interval-ms": { type: "string", default: "2000" },
      polls: { type: "string", default: "12" },
      changes: { type: "string", default: "1" },
      alerts: { type: "string", default: "40" },
      modes: { type: "string", default: "all" },
      serve: { type: "string" },
    },
  });
  if (values.serve !== undefined) {
    serveFeedSet(values.serve, 0);
    return;
  }
  const clients = Number(values.clients);
  const intervalMs = Number(values["interval-ms"]);
  const polls = Number(values.polls);
  const changes = Number(values.changes);
  const modes: Mode[] =
    values.modes === "all"
      ? [...MODES]
      : (values.modes.split(",") as Mode[]).filter((mode) =>
          MODES.includes(mode),
        );

  const work = mkdtempSync(join(tmpdir(), "child-alert-simulation-"));
  const source = join(work, "src");
  const out = join(work, "feeds");
  const specs = [...STANDING_ALERTS, ...inventedAlerts(Number(values.alerts))];
  const resetFeedSet = async () => {
    rmSync(source, { recursive: true, force: true });
    mkdirSync(source);
    await buildFeedSet(source, out, specs);
  };
  await resetFeedSet();

  const server = fork(new URL(import.meta.url).pathname, ["--serve", out], {
    execArgv: ["--import", "tsx"],
  });
  try {
    const port = await new Promise<number>((resolve) =>
      server.once("message", (message: { port: number }) =>
        resolve(message.port),
      ),
    );
    const places = readerPlaces(clients);
    const changeAt = new Set(
      Array.from({ length: changes }, (_, index) =>
        Math.floor(((index + 1) * polls) / (changes + 1)),
      ),
    );
    const results: RunResult[] = [];
    for (const mode of modes) {
      await resetFeedSet();
      let added = 0;
      // A change publishes one more invented alert in Attica.
      const change = async () => {
        added += 1;
        const extra = Array.from({ length: added }, (_, index) => ({
          ...STANDING_ALERTS[0]!,
          identifier: `SIM-NEW-${index}`,
        }));
        await buildFeedSet(source, out, [...specs, ...extra]);
      };
      console.error(`running ${mode}...`);
      results.push(
        await runMode(
          mode,
          `http://127.0.0.1:${port}/`,
          places,
          { intervalMs, polls, changeAt },
          change,
        ),
      );
    }
    report(results, clients, polls, intervalMs, describeFeedSet(out));
  } finally {
    server.send("stop");
    rmSync(work, { recursive: true, force: true });
  }
}

/** Sizes of the files of the feed set, for the report. */
function describeFeedSet(out: string): string {
  const index = readFeedIndex(
    JSON.parse(readFileSync(join(out, "index.json"), "utf8")),
  );
  const size = (name: string) => statSync(join(out, name)).size;
  const shardSizes = index.shards.map((shard) => size(shard.json));
  return (
    `Feed set: ${index.all.alerts} alerts, all.json ${formatBytes(size("all.json"))}, ` +
    `index.json ${formatBytes(size("index.json"))}, ${index.shards.length} shards of ` +
    `${formatBytes(Math.min(...shardSizes))} to ${formatBytes(Math.max(...shardSizes))}.`
  );
}

await main();
