import { createReadStream, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".zip": "application/zip",
};

/**
 * Serves a file from `root`. A directory path serves its index.html; a
 * missing file serves `notFoundPage` (when given) with status 404. Paths
 * that climb out of `root` are rejected.
 */
export function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  urlPath: string,
  notFoundPage?: string,
): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    console.warn(`demo server: malformed percent-escape in ${urlPath}`);
    response
      .writeHead(400, { "Content-Type": "text/plain" })
      .end("Invalid percent-escape in the path");
    return;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, "");
  let path = join(root, relative);
  if (path !== root && !path.startsWith(root + sep)) {
    response
      .writeHead(400, { "Content-Type": "text/plain" })
      .end("Invalid path");
    return;
  }
  let status = 200;
  let stats = statOrNull(path);
  if (stats?.isDirectory()) {
    path = join(path, "index.html");
    stats = statOrNull(path);
  }
  if (stats === null || !stats.isFile()) {
    if (
      notFoundPage === undefined ||
      statOrNull(join(root, notFoundPage)) === null
    ) {
      response
        .writeHead(404, { "Content-Type": "text/plain" })
        .end(`Not found: ${urlPath}`);
      return;
    }
    path = join(root, notFoundPage);
    status = 404;
  }
  response.writeHead(status, {
    "Content-Type": CONTENT_TYPES[extname(path)] ?? "application/octet-stream",
    "Cache-Control": "no-cache",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(path).pipe(response);
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
