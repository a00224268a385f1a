/**
 * Shared pieces of the demo's end-to-end tests: the built demo served
 * in-process on 127.0.0.1 and a free port, and headless Chromium.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { startDemoServer } from "../../demo/server/serve.js";
import type { DemoFeedServer } from "../../demo/server/demo-feed-server.js";

/** The build to test: dist/, or the folder in CHILD_ALERT_DIST (a copy kept apart from builds that run meanwhile). */
export const DIST = resolve(process.env.CHILD_ALERT_DIST ?? "dist");

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
];

/** Fails with the command to run when the demo has not been built. */
export function requireBuiltDemo(): void {
  for (const file of [
    "demo/index.html",
    "demo/child-alert-sw.js",
    "widget/partner.js",
    "demo-signed/feed-key.pub",
  ]) {
    if (!existsSync(join(DIST, file))) {
      throw new Error(
        `${join(DIST, file)} is missing: run "npm run build" first.`,
      );
    }
  }
}

export interface RunningDemo {
  server: Server;
  /** "http://127.0.0.1:PORT/" */
  url: string;
  feeds: DemoFeedServer;
  close(): Promise<void>;
}

/**
 * Starts the demo server serving `root` (dist/ by default, with a trailing
 * slash), on `port` or a free one.
 */
export async function startDemo(root?: string, port = 0): Promise<RunningDemo> {
  const { server, url, feeds } = await startDemoServer({
    port,
    host: "127.0.0.1",
    ...(root === undefined ? {} : { root }),
  });
  let closed: Promise<void> | undefined;
  return {
    server,
    url,
    feeds,
    close() {
      closed ??= new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      });
      return closed;
    },
  };
}

/** Copies dist/ to a temporary folder, for a test that changes the served files. Returns the folder, ending in "/". */
export function copyDist(): string {
  const root = mkdtempSync(join(tmpdir(), "child-alert-demo-dist-"));
  cpSync(DIST, root, { recursive: true });
  return `${root}/`;
}

export function removeCopy(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Launches headless Chromium on a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    headless: true,
    pipe: true,
    args: CHROMIUM_FLAGS,
  });
}

/** Posts a control request to the demo server and returns the step it reports. */
export async function control(
  demo: RunningDemo,
  action: "step" | "reset",
): Promise<string> {
  const response = await fetch(new URL(`/control/${action}`, demo.url), {
    method: "POST",
  });
  const state = (await response.json()) as { step: string };
  return state.step;
}

export { closeBrowser, waitFor } from "./extension-harness.js";
