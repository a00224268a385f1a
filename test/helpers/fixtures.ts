/**
 * Loads a file from test/fixtures as bytes, in a browser (through the test
 * server) and in Node (from disk), so one test file runs in both.
 */
export async function loadFixture(path: string): Promise<Uint8Array> {
  if (typeof process !== "undefined" && process.versions?.node) {
    // A computed specifier keeps browser bundling from resolving node:fs.
    const fsModule = "node:fs/promises";
    const { readFile } = (await import(
      fsModule
    )) as typeof import("node:fs/promises");
    const url = new URL(`../fixtures/${path}`, import.meta.url);
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(new URL(`../fixtures/${path}`, import.meta.url));
  if (!response.ok) {
    throw new Error(`Fixture ${path} not found: HTTP ${response.status}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Loads a fixture and decodes it as UTF-8. */
export async function loadFixtureText(path: string): Promise<string> {
  return new TextDecoder().decode(await loadFixture(path));
}
