/**
 * Shared pieces of the extension's end-to-end tests: a feed server on
 * 127.0.0.1, headless Chromium with the built extension loaded unpacked,
 * the calls the tests make into the extension, invented alerts with times
 * around now, and Ed25519 signatures for signed feeds.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import puppeteer, {
  type Browser,
  type Page,
  type WebWorker,
} from "puppeteer-core";
import { renderPlaceholderPng } from "../../demo/server/placeholder-photo.js";
import type { CapAlert } from "../../shared/model/cap.js";
import { FeedServer } from "../harness/feed-server.js";
import { makeAlert, makeInfo } from "../helpers/cap-alert.js";

export const CHROME_EXTENSION_DIR = resolve("dist/extension/chrome");
export const FIREFOX_EXTENSION_DIR = resolve("dist/extension/firefox");

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
  "--enable-unsafe-extension-debugging",
];

/** Fails with the command to run when the extension has not been built. */
export function requireBuiltExtension(directory: string): void {
  if (!existsSync(resolve(directory, "manifest.json"))) {
    throw new Error(
      `${directory}/manifest.json is missing: run "npm run build" first.`,
    );
  }
}

/** The feed server mounted on a Node HTTP server at 127.0.0.1 and a free port. */
export interface RunningFeedServer {
  feeds: FeedServer;
  /** "http://127.0.0.1:PORT" */
  origin: string;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<RunningFeedServer> {
  const feeds = new FeedServer();
  const server: Server = createServer((request, response) => {
    if (!feeds.handle(request, response)) response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("The feed server has no TCP address.");
  }
  let closed: Promise<void> | undefined;
  return {
    feeds,
    origin: `http://127.0.0.1:${address.port}`,
    close() {
      closed ??= new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      return closed;
    },
  };
}

/** Headless Chromium with the extension loaded, and the extension's worker. */
export interface ChromiumWithExtension {
  browser: Browser;
  extensionId: string;
  worker: WebWorker;
}

/** Launches Chromium on `profile` and loads the built extension unpacked. */
export async function launchChromium(
  profile: string,
): Promise<ChromiumWithExtension> {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
  });
  try {
    const extensionId = await browser.installExtension(CHROME_EXTENSION_DIR);
    const worker = await waitFor("the extension's service worker", () =>
      readyWorker(browser, extensionId),
    );
    return { browser, extensionId, worker };
  } catch (error) {
    await closeBrowser(browser);
    throw error;
  }
}

/**
 * Returns the extension's worker once the extension API is there in it, or
 * undefined to be asked again. Right after the extension loads, the first
 * evaluation can reach the worker before `chrome` is defined in it.
 */
async function readyWorker(
  browser: Browser,
  extensionId: string,
): Promise<WebWorker | undefined> {
  const target = await browser.waitForTarget(
    (candidate) =>
      candidate.type() === "service_worker" &&
      candidate.url() === `chrome-extension://${extensionId}/background.js`,
    { timeout: 30_000 },
  );
  const worker = await target.worker();
  if (worker === null) return undefined;
  try {
    const ready = await worker.evaluate(
      () =>
        typeof (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome
          ?.runtime?.id === "string",
    );
    return ready ? worker : undefined;
  } catch {
    // The worker restarted while it was asked; ask the new one.
    return undefined;
  }
}

/**
 * Closes a browser; if it does not close within 10 seconds, kills its
 * process by id, so a stuck browser cannot hang the suite.
 */
export async function closeBrowser(
  browser: Browser | undefined,
): Promise<void> {
  if (browser === undefined) return;
  const pid = browser.process()?.pid;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((done) => {
    timer = setTimeout(() => done("timeout"), 10_000);
  });
  const result = await Promise.race([
    browser.close().then(
      () => "closed" as const,
      () => "failed" as const,
    ),
    timeout,
  ]);
  clearTimeout(timer);
  if (result !== "closed" && pid !== undefined) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // The process has already gone.
    }
  }
}

/** Waits until `check` returns a value other than undefined, polling every 100 ms. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** Formats `date` as a CAP dateTime ("2024-05-01T19:30:00+00:00"), to the second. */
export function capTime(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** Returns a generated placeholder picture as base64, for a feed script. */
export function placeholderBase64(hue: number): string {
  return Buffer.from(
    renderPlaceholderPng({ width: 60, height: 75, hue }),
  ).toString("base64");
}

/** Where the invented alerts happen, and a place 5 km away from their centre. */
export const ALERT_AREA = { lat: 37.98, lon: 23.73, radiusKm: 20 };
export const NEAR_PLACE = { lat: 38.02, lon: 23.75, radius: 5 };

/**
 * Returns an invented child abduction alert for the area around ALERT_AREA, sent a
 * minute ago and in force for two hours, with the given photo URL.
 */
export function inventedAlert(
  overrides: Partial<CapAlert> & { photoUrl?: string; areaDesc?: string } = {},
): CapAlert {
  const { photoUrl, areaDesc, ...fields } = overrides;
  const now = Date.now();
  return makeAlert({
    identifier: "TEST-EXT-1",
    sent: capTime(new Date(now - 60_000)),
    info: [
      makeInfo({
        expires: capTime(new Date(now + 2 * 3_600_000)),
        headline: "TEST child abduction alert (invented)",
        description: "Invented alert for the extension's tests.",
        contact: "Call 210 000 0000 (invented number)",
        web: "https://alerts.example/TEST-EXT-1",
        resource:
          photoUrl === undefined
            ? []
            : [
                {
                  resourceDesc: "photo (generated placeholder)",
                  mimeType: "image/png",
                  uri: photoUrl,
                },
              ],
        area: [
          {
            areaDesc: areaDesc ?? "Invented district",
            polygon: [],
            circle: [
              {
                lat: ALERT_AREA.lat,
                lon: ALERT_AREA.lon,
                radius: ALERT_AREA.radiusKm,
              },
            ],
            geocode: [],
          },
        ],
      }),
    ],
    ...fields,
  });
}

/**
 * The few `chrome.*` calls the tests make inside the extension's worker and
 * pages, typed here because those functions run in the browser, where
 * `chrome` is a global the project's types do not declare.
 */
export interface ChromeExtensionApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { name: string; version: string };
  };
  alarms: {
    get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  };
  notifications: {
    getAll(): Promise<Record<string, boolean>>;
    clear(id: string): Promise<boolean>;
  };
  action: { getBadgeText(details: object): Promise<string> };
  storage: {
    local: {
      get(key: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

declare const chrome: ChromeExtensionApi;

/** The reply of the background to `{ type: "poll" }`. */
export interface PollReport {
  alerts: number;
  notified: number;
  cleared: number;
  status?: {
    lastPollMs: number;
    lastGoodMs?: number;
    errors: { url: string; message: string; unverified?: boolean }[];
  };
}

/** Opens an extension page and waits until `ready` matches, which the page's script sets after its first render. */
export async function openExtensionPage(
  { browser, extensionId }: ChromiumWithExtension,
  path: string,
  ready: string,
): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/${path}`);
  await page.waitForSelector(ready, { timeout: 20_000 });
  return page;
}

/** Asks the background to poll, from the popup page as its refresh button does, and returns the reply. */
export async function pollExtension(
  chromium: ChromiumWithExtension,
): Promise<PollReport> {
  const page = await openExtensionPage(
    chromium,
    "popup.html",
    "body[data-ready]",
  );
  try {
    return (await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: "poll" }),
    )) as PollReport;
  } finally {
    await page.close();
  }
}

/** Returns the ids of the alert notifications shown now. */
export async function alertNotificationIds({
  worker,
}: ChromiumWithExtension): Promise<string[]> {
  const all = await worker.evaluate(() => chrome.notifications.getAll());
  return Object.keys(all).filter((id) => id.startsWith("alert-"));
}

/** Returns the toolbar button's badge text. */
export function badgeText({ worker }: ChromiumWithExtension): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Clears every notification, as a person closing them would. */
export async function dismissNotifications({
  worker,
}: ChromiumWithExtension): Promise<void> {
  await worker.evaluate(async () => {
    for (const id of Object.keys(await chrome.notifications.getAll())) {
      await chrome.notifications.clear(id);
    }
  });
}

/** An Ed25519 key pair that signs feeds in a test, made with Node's Web Crypto. */
export interface FeedSigner {
  /** The public key as the base64 of its 32 raw bytes, as `child-alert-feed keygen` writes it. */
  publicKey: string;
  /** Returns the content of `FILE.sig` for a feed body sent as UTF-8: the base64 of the signature and a line feed. */
  sign(body: string): Promise<string>;
}

/** Generates a key pair and returns its signer. */
export async function makeFeedSigner(): Promise<FeedSigner> {
  const { subtle } = globalThis.crypto;
  const pair = (await subtle.generateKey({ name: "Ed25519" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const raw = await subtle.exportKey("raw", pair.publicKey);
  return {
    publicKey: Buffer.from(raw).toString("base64"),
    async sign(body) {
      const signature = await subtle.sign(
        { name: "Ed25519" },
        pair.privateKey,
        Buffer.from(body, "utf8"),
      );
      return `${Buffer.from(signature).toString("base64")}\n`;
    },
  };
}

/**
 * Serves `body` as `/feeds/NAME` and `signature` as `/feeds/NAME.sig`, or
 * responds 404 to the signature's request when it is null.
 */
export function serveSignedFeed(
  feeds: FeedServer,
  name: string,
  body: string,
  signature: string | null,
): void {
  feeds.setFeed(name, { body });
  feeds.setFeed(
    `${name}.sig`,
    signature === null
      ? { status: 404, body: "Not found" }
      : { body: signature, contentType: "text/plain" },
  );
}
