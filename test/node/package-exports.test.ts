/**
 * Checks what `npm run build` ships: Node 20 can import the package by its
 * name, and TypeScript finds its types. Runs against dist/, so the build
 * must have run first (`npm test` builds before it tests).
 */
import { expect } from "chai";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("package exports", () => {
  it("imports parseFeed and AlertClient in Node", () => {
    const script = `
      import { parseFeed, AlertClient, MemoryAlertStore } from "child-alert";
      const result = parseFeed('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier><sender>s</sender><sent>2024-05-01T14:30:00-05:00</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope></alert>');
      const client = new AlertClient({ feeds: [], store: new MemoryAlertStore() });
      console.log(JSON.stringify({ id: result.alerts[0].identifier, client: typeof client.refresh }));
    `;
    // A package can import itself by name through its own "exports".
    const output = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", script],
      {
        cwd: root,
        encoding: "utf8",
      },
    );
    expect(JSON.parse(output)).to.deep.equal({ id: "x", client: "function" });
  });

  it("ships type declarations", function () {
    this.timeout(60_000);
    const directory = mkdtempSync(join(tmpdir(), "child-alert-types-"));
    try {
      const file = join(directory, "use.ts");
      writeFileSync(
        file,
        `import { parseFeed, type CapAlert, type ParseResult } from "child-alert";\n` +
          `const result: ParseResult = parseFeed("");\n` +
          `const alerts: CapAlert[] = result.alerts;\n` +
          `export const count: number = alerts.length;\n` +
          `// @ts-expect-error parseFeed takes text or bytes, not a number\n` +
          `parseFeed(42);\n`,
      );
      writeFileSync(
        join(directory, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            module: "NodeNext",
            moduleResolution: "NodeNext",
            strict: true,
            noEmit: true,
            skipLibCheck: false,
            types: [],
            lib: ["ES2023", "DOM"],
          },
          files: ["use.ts"],
        }),
      );
      // Resolve "child-alert" to this checkout, as an installed package would be.
      execFileSync("mkdir", ["-p", join(directory, "node_modules")]);
      execFileSync("ln", [
        "-s",
        root,
        join(directory, "node_modules", "child-alert"),
      ]);
      execFileSync(
        process.execPath,
        [join(root, "node_modules/typescript/bin/tsc"), "-p", directory],
        {
          encoding: "utf8",
        },
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
