/**
 * A scriptable feed server for tests: each named feed answers as the test
 * sets it up (a body, a status, a delay, a broken body), and every request
 * is logged with its conditional-request headers.
 *
 * It is one request handler, so it runs inside web-test-runner's dev server
 * (browser suites) and as a standalone localhost server (extension and demo
 * suites). Tests drive it over HTTP:
 *
 * - `PUT /__feeds/NAME` with a JSON `FeedScript` sets what `/feeds/NAME` returns.
 * - `GET /__feeds/NAME/requests` returns the logged requests.
 * - `DELETE /__feeds` forgets every feed and log.
 */
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** How a feed answers. Every field but `body` is optional. */
export interface FeedScript {
  /** Response body, sent as UTF-8 unless `bodyBase64` is set. */
  body?: string;
  /** Response body as base64, for byte-exact fixtures in other encodings. */
  bodyBase64?: string;
  contentType?: string;
  /** HTTP status to send instead of 200. */
  status?: number;
  /** Extra response headers, such as `Retry-After`. */
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** Send only the first half of the body, then end the response. */
  truncate?: boolean;
  /** Send an ETag and answer 304 to a matching If-None-Match (default true). */
  etag?: boolean;
  /** Last-Modified value to send and to compare If-Modified-Since against. */
  lastModified?: string;
  /** Value for the Date header, to simulate a server clock. */
  date?: string;
  /** Close the connection without sending any response. */
  hangUp?: boolean;
  /**
   * Responses for the first requests after this script is set, in order:
   * request N (from 0) uses `sequence[N]` merged over this script, and
   * later requests use this script alone. For "fail twice, then succeed".
   */
  sequence?: Omit<FeedScript, "sequence">[];
}

export interface LoggedRequest {
  path: string;
  method: string;
  /** Milliseconds since the epoch, by the server's clock. */
  time: number;
  ifNoneMatch: string | null;
  ifModifiedSince: string | null;
  status: number;
  /** Body bytes sent. */
  bytes: number;
}

const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, PUT, DELETE, OPTIONS",
  "Access-Control-Allow-Headers":
    "If-None-Match, If-Modified-Since, Content-Type",
  "Access-Control-Expose-Headers":
    "ETag, Last-Modified, Date, Retry-After, Age",
};

export class FeedServer {
  private readonly scripts = new Map<string, FeedScript>();
  private readonly requests = new Map<string, LoggedRequest[]>();
  /** Requests served per feed since its script was last set, to step through `sequence`. */
  private readonly servedSinceSet = new Map<string, number>();

  /** Sets what `/feeds/NAME` returns, for callers in the same process. */
  setFeed(name: string, script: FeedScript): void {
    this.scripts.set(name, script);
    this.servedSinceSet.set(name, 0);
  }

  /** Requests made to `/feeds/NAME` so far. */
  requestsFor(name: string): LoggedRequest[] {
    return this.requests.get(name) ?? [];
  }

  reset(): void {
    this.scripts.clear();
    this.requests.clear();
    this.servedSinceSet.clear();
  }

  /**
   * Handles a request if its path belongs to the feed server and returns
   * true; returns false for any other path so the host server can serve it.
   */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? "/", "http://localhost");
    const { pathname } = url;
    if (!pathname.startsWith("/feeds/") && !pathname.startsWith("/__feeds")) {
      return false;
    }
    if (request.method === "OPTIONS") {
      response.writeHead(204, CORS_HEADERS).end();
      return true;
    }
    if (pathname.startsWith("/__feeds")) {
      void this.handleControl(request, response, pathname);
      return true;
    }
    void this.serveFeed(
      request,
      response,
      decodeURIComponent(pathname.slice(7)),
    );
    return true;
  }

  private async handleControl(
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ): Promise<void> {
    const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const name = parts[1];
    if (request.method === "DELETE" && name === undefined) {
      this.reset();
      return sendJson(response, 200, { ok: true });
    }
    if (name === undefined)
      return sendJson(response, 404, { error: "no feed name" });
    if (request.method === "PUT") {
      const text = await readBody(request);
      try {
        this.setFeed(name, JSON.parse(text) as FeedScript);
      } catch (error) {
        return sendJson(response, 400, {
          error: `invalid JSON: ${String(error)}`,
        });
      }
      return sendJson(response, 200, { ok: true });
    }
    if (request.method === "GET" && parts[2] === "requests") {
      return sendJson(response, 200, this.requestsFor(name));
    }
    sendJson(response, 405, {
      error: `unsupported: ${request.method} ${pathname}`,
    });
  }

  private async serveFeed(
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
  ): Promise<void> {
    const script = this.scriptForNextRequest(name);
    const log: LoggedRequest = {
      path: name,
      method: request.method ?? "GET",
      time: Date.now(),
      ifNoneMatch: headerValue(request, "if-none-match"),
      ifModifiedSince: headerValue(request, "if-modified-since"),
      status: 0,
      bytes: 0,
    };
    const logs = this.requests.get(name) ?? [];
    logs.push(log);
    this.requests.set(name, logs);

    if (script === undefined) {
      log.status = 404;
      response.writeHead(404, {
        ...CORS_HEADERS,
        "Content-Type": "text/plain",
      });
      response.end(`No feed named ${name}`);
      return;
    }
    if (script.delayMs) await new Promise((r) => setTimeout(r, script.delayMs));
    if (script.hangUp) {
      request.socket.destroy();
      return;
    }

    const body =
      script.bodyBase64 !== undefined
        ? Buffer.from(script.bodyBase64, "base64")
        : Buffer.from(script.body ?? "", "utf8");
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      "Content-Type": script.contentType ?? "application/xml",
      "Cache-Control": "no-cache",
      ...(script.headers ?? {}),
    };
    if (script.date) headers["Date"] = script.date;
    const status = script.status ?? 200;
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (status === 200 && script.etag !== false) headers["ETag"] = etag;
    if (status === 200 && script.lastModified) {
      headers["Last-Modified"] = script.lastModified;
    }

    const notModified =
      status === 200 &&
      ((script.etag !== false && log.ifNoneMatch === etag) ||
        (script.lastModified !== undefined &&
          log.ifNoneMatch === null &&
          log.ifModifiedSince === script.lastModified));
    if (notModified) {
      log.status = 304;
      response.writeHead(304, headers).end();
      return;
    }

    log.status = status;
    if (script.truncate) {
      const half = body.subarray(0, Math.floor(body.length / 2));
      log.bytes = half.length;
      headers["Content-Length"] = String(body.length);
      response.writeHead(status, headers);
      response.write(half, () => response.destroy());
      return;
    }
    log.bytes = request.method === "HEAD" ? 0 : body.length;
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  }

  /** Returns the script for the next request of a feed, stepping through its `sequence`. */
  private scriptForNextRequest(name: string): FeedScript | undefined {
    const script = this.scripts.get(name);
    if (script === undefined) return undefined;
    const served = this.servedSinceSet.get(name) ?? 0;
    this.servedSinceSet.set(name, served + 1);
    const step = script.sequence?.[served];
    return step === undefined ? script : { ...script, ...step };
  }
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
): void {
  response.writeHead(status, {
    ...CORS_HEADERS,
    "Content-Type": "application/json",
  });
  response.end(JSON.stringify(value));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
