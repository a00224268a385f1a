/**
 * Checks the built files against the gzip budgets in package.json. Needs
 * `npm run build` first. A budget is either one file,
 * `"PATH under dist/": { "gzip": BYTES }`, or a download,
 * `"NAME": { "files": ["PATH", ...], "gzip": BYTES }`: the files and every
 * file they import statically, transitively, each gzipped on its own as a
 * browser downloads them. Dynamic imports (lazy chunks) are not counted.
 */
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

interface Budget {
  gzip: number;
  /** Entry files under dist/ whose static imports the budget includes. */
  files?: string[];
}

const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as {
  budgets?: Record<string, Budget>;
};
const budgets = Object.entries(packageJson.budgets ?? {});

/** A static `import … from "./x.js"` or `import "./x.js"`; `import("./x.js")` has a parenthesis and does not match. */
const STATIC_IMPORT = /\b(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g;

function builtFile(path: string): Buffer {
  expect(
    existsSync(path),
    `${path} is missing: run \`npm run build\` first`,
  ).to.equal(true);
  return readFileSync(path);
}

/** Returns `entries` and the files they import statically, as paths under dist/. */
function staticClosure(entries: string[]): string[] {
  const found = new Set<string>();
  const pending = [...entries];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (found.has(path)) continue;
    found.add(path);
    const code = builtFile(`dist/${path}`).toString("utf8");
    for (const match of code.matchAll(STATIC_IMPORT)) {
      pending.push(normalize(join(dirname(path), match[1]!)));
    }
  }
  return [...found].sort();
}

function gzipSize(path: string): number {
  return gzipSync(builtFile(`dist/${path}`), { level: 9 }).length;
}

describe("size budgets", () => {
  it("package.json lists budgets", () => {
    expect(budgets.length).to.be.above(0);
  });

  for (const [name, budget] of budgets) {
    it(`${name} within ${budget.gzip} B gzip`, () => {
      const files = budget.files ? staticClosure(budget.files) : [name];
      const sizes = files.map((file) => [file, gzipSize(file)] as const);
      const total = sizes.reduce((sum, [, size]) => sum + size, 0);
      for (const [file, size] of sizes) {
        console.log(`      dist/${file}: ${size} B gzip`);
      }
      if (budget.files) console.log(`      total: ${total} B gzip`);
      console.log(`      budget: ${budget.gzip} B gzip`);
      expect(total).to.be.at.most(budget.gzip);
    });
  }

  it("engine imports no chunk statically", () => {
    // The lazy chunks must stay lazy: a static import would make every
    // first render download them.
    expect(staticClosure(["widget/child-alert-engine.js"])).to.deep.equal([
      "widget/child-alert-engine.js",
    ]);
  });
});
