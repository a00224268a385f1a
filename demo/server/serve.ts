/**
 * Serves the demo site and its local feed with no network access needed.
 *
 * Usage: tsx demo/server/serve.ts [--port N] [--host H]
 * (also PORT and HOST). Defaults: port 8080, host 127.0.0.1, so the demo is
 * reachable only from this machine unless a host is given.
 *
 * - `/widget/*` is dist/widget (the files a site embeds), with CORS so
 *   that a page on another origin can load it with `integrity`;
 * - `/signed/*` is dist/demo-signed, the signed feed set built with the
 *   publisher's tool, and a tampered copy;
 * - `/feeds/*` and `/control/*` are the demo feed publisher;
 * - everything else is the built demo site in dist/demo, with its 404 page
 *   for unknown paths. The partner portal page is sent with the
 *   Content-Security-Policy that docs/partner.md gives partners.
 */
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { DemoFeedServer } from "./demo-feed-server.js";
import { PARTNER_PAGE_CSP } from "./partner-csp.js";
import { serveStatic } from "./static-files.js";

export function startDemoServer(options: {
  port: number;
  host: string;
  root?: string;
}) {
  const root =
    options.root ?? fileURLToPath(new URL("../../dist/", import.meta.url));
  const feeds = new DemoFeedServer();
  const server = createServer((request, response) => {
    try {
      if (feeds.handle(request, response)) return;
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      if (path.startsWith("/widget/")) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        serveStatic(request, response, `${root}widget`, path.slice(7));
      } else if (path.startsWith("/signed/")) {
        response.setHeader("Access-Control-Allow-Origin", "*");
        serveStatic(request, response, `${root}demo-signed`, path.slice(7));
      } else {
        if (path === "/partner.html") {
          response.setHeader("Content-Security-Policy", PARTNER_PAGE_CSP);
        }
        serveStatic(request, response, `${root}demo`, path, "404.html");
      }
    } catch (error) {
      console.error(
        `demo server: ${request.method} ${request.url} failed:`,
        error,
      );
      if (!response.headersSent)
        response.writeHead(500, { "Content-Type": "text/plain" });
      response.end("Internal error");
    }
  });
  return new Promise<{
    server: typeof server;
    url: string;
    feeds: DemoFeedServer;
  }>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port =
        typeof address === "object" && address !== null
          ? address.port
          : options.port;
      resolve({ server, url: `http://${options.host}:${port}/`, feeds });
    });
  });
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  if (index !== -1 && process.argv[index + 1] !== undefined)
    return process.argv[index + 1]!;
  return process.env[name.toUpperCase()] ?? fallback;
}

if (
  process.argv[1] !== undefined &&
  fileURLToPath(import.meta.url) === process.argv[1]
) {
  const port = Number(option("port", "8080"));
  const host = option("host", "127.0.0.1");
  startDemoServer({ port, host })
    .then(({ url }) => {
      console.log(`Child Alert demo: ${url}`);
      console.log("Press Ctrl+C to stop.");
    })
    .catch((error: Error) => {
      console.error(
        `The demo server could not start on ${host}:${port}: ${error.message}`,
      );
      console.error("Set another port with --port N or PORT=N.");
      process.exit(1);
    });
}
