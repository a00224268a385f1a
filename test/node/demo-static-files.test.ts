import { expect } from "chai";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveStatic } from "../../demo/server/static-files.js";

/** Sends GET `path` as written, with no normalisation, and returns the status. */
function getStatus(origin: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${origin}/`, { path }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("demo static files", () => {
  let root: string;
  let server: Server;
  let origin: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), "child-alert-static-"));
    writeFileSync(
      join(root, "index.html"),
      "<!doctype html><title>Home</title>",
    );
    server = createServer((incoming, response) => {
      const path = (incoming.url ?? "/").split("?")[0]!;
      serveStatic(incoming, response, root, path);
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const address = server.address();
    if (address === null || typeof address === "string") {
      throw new Error("The test server has no TCP address.");
    }
    origin = `http://127.0.0.1:${address.port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
    rmSync(root, { recursive: true, force: true });
  });

  it("serves a file", async () => {
    expect(await getStatus(origin, "/index.html")).to.equal(200);
  });

  it("rejects a malformed percent-escape", async () => {
    expect(await getStatus(origin, "/%E0%A4%A")).to.equal(400);
  });

  it("rejects a path out of the root", async () => {
    expect(await getStatus(origin, "/..%2f..%2fpackage.json")).to.not.equal(
      200,
    );
  });
});
