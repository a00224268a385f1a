/**
 * A local HTTP server on 127.0.0.1 for the browser benchmarks. It serves
 * dist/widget under /widget/, pages the benchmark writes under /pages/,
 * and feeds under /feeds/ with an ETag and a 304 for a matching
 * If-None-Match, as a well-configured feed host does. A feed response can
 * be held back for a set time, to tell a render from the cache apart from
 * one from the network.
 */
import { createHash } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { serveStatic } from "../../demo/server/static-files.js";

const WIDGET_ROOT = fileURLToPath(
  new URL("../../dist/widget", import.meta.url),
);

interface Feed {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** One feed request as the server answered it. */
export interface FeedRequestRecord {
  path: string;
  status: number;
  /** Bytes of the response body sent. */
  bodyBytes: number;
  conditional: boolean;
}

export interface BenchServer {
  /** The origin with a trailing slash, such as "http://127.0.0.1:41234/". */
  url: string;
  /** Serves `body` at /pages/NAME, as HTML unless another type is given. */
  setPage(name: string, body: string, contentType?: string): void;
  setFeed(name: string, body: string | Buffer, contentType: string): void;
  /** Holds every feed response back by this many milliseconds. */
  setFeedDelay(ms: number): void;
  /** Feed requests answered since the last call, oldest first. */
  takeFeedRequests(): FeedRequestRecord[];
  /** Paths under /widget/ requested since the last call, such as "child-alert.iife.js". */
  takeWidgetRequests(): string[];
  close(): Promise<void>;
}

export function startBenchServer(): Promise<BenchServer> {
  const pages = new Map<string, { body: string; contentType: string }>();
  const feeds = new Map<string, Feed>();
  let feedDelayMs = 0;
  let requests: FeedRequestRecord[] = [];
  let widgetRequests: string[] = [];

  const sendFeed = (
    path: string,
    feed: Feed,
    ifNoneMatch: string | undefined,
    response: ServerResponse,
  ) => {
    const headers = {
      "Content-Type": feed.contentType,
      ETag: feed.etag,
      "Cache-Control": "no-cache",
    };
    const notModified = ifNoneMatch === feed.etag;
    requests.push({
      path,
      status: notModified ? 304 : 200,
      bodyBytes: notModified ? 0 : feed.body.length,
      conditional: ifNoneMatch !== undefined,
    });
    if (notModified) {
      response.writeHead(304, headers).end();
      return;
    }
    response
      .writeHead(200, { ...headers, "Content-Length": feed.body.length })
      .end(feed.body);
  };

  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (path.startsWith("/widget/")) {
      widgetRequests.push(path.slice("/widget/".length));
      serveStatic(request, response, WIDGET_ROOT, path.slice("/widget".length));
      return;
    }
    if (path.startsWith("/pages/")) {
      const page = pages.get(path.slice("/pages/".length));
      if (page !== undefined) {
        response
          .writeHead(200, {
            "Content-Type": page.contentType,
            "Cache-Control": "no-cache",
          })
          .end(page.body);
        return;
      }
    }
    if (path.startsWith("/feeds/")) {
      const feed = feeds.get(path.slice("/feeds/".length));
      if (feed !== undefined) {
        const ifNoneMatch = request.headers["if-none-match"];
        const send = () => sendFeed(path, feed, ifNoneMatch, response);
        if (feedDelayMs > 0) setTimeout(send, feedDelayMs);
        else send();
        return;
      }
    }
    response.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        setPage: (name, body, contentType = "text/html; charset=utf-8") => {
          pages.set(name, { body, contentType });
        },
        setFeed: (name, body, contentType) => {
          const bytes = typeof body === "string" ? Buffer.from(body) : body;
          const hash = createHash("sha256").update(bytes).digest("base64url");
          feeds.set(name, {
            body: bytes,
            contentType,
            etag: `"${hash.slice(0, 22)}"`,
          });
        },
        setFeedDelay: (ms) => {
          feedDelayMs = ms;
        },
        takeFeedRequests: () => {
          const taken = requests;
          requests = [];
          return taken;
        },
        takeWidgetRequests: () => {
          const taken = widgetRequests;
          widgetRequests = [];
          return taken;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
