/**
 * Drives the scriptable feed server (test/harness/feed-server.ts) from a
 * test, in a browser and in Node alike. In a browser the server is mounted
 * into web-test-runner's dev server at the page's origin. In Node a
 * standalone server is started on 127.0.0.1 at a free port.
 */
import type { FeedScript, LoggedRequest } from "../harness/feed-server.js";

let nodeOrigin: Promise<string> | undefined;
let closeNodeServer: (() => Promise<void>) | undefined;

function isNode(): boolean {
  return typeof process !== "undefined" && Boolean(process.versions?.node);
}

async function startNodeServer(): Promise<string> {
  // Computed specifiers keep browser bundling from resolving Node modules.
  const httpModule = "node:http";
  const serverModule = "../harness/feed-server.js";
  const { createServer } = (await import(
    httpModule
  )) as typeof import("node:http");
  const { FeedServer } = (await import(
    serverModule
  )) as typeof import("../harness/feed-server.js");
  const feedServer = new FeedServer();
  const server = createServer((request, response) => {
    if (!feedServer.handle(request, response)) {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve()),
  );
  closeNodeServer = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("The feed server has no TCP address.");
  }
  return `http://127.0.0.1:${address.port}/`;
}

/** Returns the origin of the feed server, starting it in Node on first use. */
export async function feedOrigin(): Promise<string> {
  if (!isNode()) return new URL("/", location.href).href;
  nodeOrigin ??= startNodeServer();
  return nodeOrigin;
}

/** Returns the URL a client polls for the feed NAME. */
export async function feedUrl(name: string): Promise<string> {
  return new URL(`feeds/${encodeURIComponent(name)}`, await feedOrigin()).href;
}

/** Sets what the feed NAME returns. */
export async function setFeed(name: string, script: FeedScript): Promise<void> {
  const url = new URL(
    `__feeds/${encodeURIComponent(name)}`,
    await feedOrigin(),
  );
  const response = await fetch(url, {
    method: "PUT",
    body: JSON.stringify(script),
  });
  if (!response.ok) {
    throw new Error(`Setting feed ${name} failed: HTTP ${response.status}`);
  }
}

/** Returns the requests the feed NAME received, oldest first. */
export async function feedRequests(name: string): Promise<LoggedRequest[]> {
  const url = new URL(
    `__feeds/${encodeURIComponent(name)}/requests`,
    await feedOrigin(),
  );
  const response = await fetch(url);
  return (await response.json()) as LoggedRequest[];
}

/** Returns a feed name no other test uses. */
export function uniqueFeedName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Stops the Node feed server, if one was started. */
export async function stopFeedServer(): Promise<void> {
  await closeNodeServer?.();
  closeNodeServer = undefined;
  nodeOrigin = undefined;
}
