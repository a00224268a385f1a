/**
 * A web-test-runner plugin that serves the files under test/fixtures byte
 * for byte. Without it the dev server (@web/dev-server-core 0.7.5, in its
 * getResponseBody) turns every body that does not look binary into a
 * UTF-8 string before plugins see it. The Latin-1 bytes of the real-data
 * fixtures then reach the browser as U+FFFD, and the tests that read them
 * check the dev server instead of the parser.
 */
import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES_DIRECTORY = fileURLToPath(
  new URL("../fixtures/", import.meta.url),
);
const URL_PREFIX = "/test/fixtures/";

interface KoaContext {
  req: import("node:http").IncomingMessage;
  res: import("node:http").ServerResponse;
  respond: boolean;
}

type KoaMiddleware = (
  context: KoaContext,
  next: () => Promise<void>,
) => Promise<void>;

export function fixtureBytesPlugin() {
  return {
    name: "child-alert-fixture-bytes",
    serverStart({
      app,
    }: {
      app: { use: (middleware: KoaMiddleware) => void };
    }) {
      app.use(async (context, next) => {
        const file = fixtureFile(context.req);
        if (file === undefined) return next();
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch {
          return next();
        }
        context.respond = false;
        context.res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-length": bytes.length,
          "cache-control": "no-cache",
        });
        context.res.end(bytes);
      });
    },
  };
}

/** Returns the path of the fixture a GET request names, or undefined for any other request. */
function fixtureFile(
  request: import("node:http").IncomingMessage,
): string | undefined {
  if (request.method !== "GET") return undefined;
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
  } catch {
    return undefined;
  }
  if (!path.startsWith(URL_PREFIX)) return undefined;
  const file = resolve(FIXTURES_DIRECTORY, path.slice(URL_PREFIX.length));
  // Nothing outside test/fixtures, whatever "..", "%2e%2e" or "/" the URL holds.
  return file.startsWith(FIXTURES_DIRECTORY.replace(/[\\/]$/, "") + sep)
    ? file
    : undefined;
}
