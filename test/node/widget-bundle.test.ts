/**
 * Bundles `import "child-alert/widget"` with Vite, as a site's build would,
 * and checks that the bundler follows the ES module build's dynamic
 * imports: the alert engine and its lazy parts become chunks of the site's
 * bundle. Needs `npm run build` first: it reads dist/widget/.
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Builds the site in `directory` with Vite's API in a plain Node process
 * (not under this test's TypeScript loader), and prints each output chunk
 * with the ES module build's files it contains.
 */
const BUILD_SCRIPT = `
  import { basename } from "node:path";
  import { build } from ${JSON.stringify(join(root, "node_modules/vite/dist/node/index.js"))};
  const output = await build({
    configFile: false,
    root: process.cwd(),
    logLevel: "silent",
    build: { write: false },
  });
  const chunks = output.output
    .filter((item) => item.type === "chunk")
    .map((chunk) => ({
      isEntry: chunk.isEntry,
      isDynamicEntry: chunk.isDynamicEntry,
      widgetFiles: chunk.moduleIds
        .filter((id) => id.includes("/dist/widget/"))
        .map((id) => basename(id)),
    }));
  console.log(JSON.stringify(chunks));
`;

interface BundledChunk {
  isEntry: boolean;
  isDynamicEntry: boolean;
  widgetFiles: string[];
}

describe("widget ES module in a bundle", () => {
  it("bundles the engine as chunks", function () {
    this.timeout(60_000);
    const directory = mkdtempSync(join(tmpdir(), "child-alert-bundle-"));
    try {
      mkdirSync(join(directory, "node_modules"));
      symlinkSync(root, join(directory, "node_modules", "child-alert"));
      writeFileSync(
        join(directory, "main.js"),
        `import { ChildAlert } from "child-alert/widget";\n` +
          `console.log(customElements.get("child-alert") === ChildAlert);\n`,
      );
      writeFileSync(
        join(directory, "index.html"),
        `<!doctype html><title>Site</title><script type="module" src="./main.js"></script>`,
      );
      const printed = execFileSync(
        process.execPath,
        ["--input-type=module", "-e", BUILD_SCRIPT],
        { cwd: directory, encoding: "utf8" },
      );
      const chunks = JSON.parse(printed) as BundledChunk[];

      const entry = chunks.find((chunk) => chunk.isEntry);
      expect(entry, "the entry chunk").to.not.equal(undefined);
      expect(entry!.widgetFiles).to.include("child-alert.js");

      const lazy = chunks
        .filter((chunk) => chunk.isDynamicEntry)
        .flatMap((chunk) => chunk.widgetFiles)
        .map((file) => file.replace(/-[\w-]{8}\.js$/, ""))
        .sort();
      expect(lazy).to.deep.equal([
        "alert-engine",
        "feed-signing",
        "parse-feed-body",
        "sharded-fetch",
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
