/**
 * Checks the built files against the gzip budgets in package.json
 * ("budgets": { "PATH under dist/": { "gzip": BYTES } }). Needs
 * `npm run build` first.
 */
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

interface Budget {
  gzip: number;
}

const packageJson = JSON.parse(readFileSync("package.json", "utf8")) as {
  budgets?: Record<string, Budget>;
};
const budgets = Object.entries(packageJson.budgets ?? {});

describe("size budgets", () => {
  it("package.json lists budgets", () => {
    expect(budgets.length).to.be.above(0);
  });

  for (const [path, budget] of budgets) {
    it(`${path} within ${budget.gzip} B gzip`, () => {
      const file = `dist/${path}`;
      expect(
        existsSync(file),
        `${file} is missing: run \`npm run build\` first`,
      ).to.equal(true);
      const gzipped = gzipSync(readFileSync(file), { level: 9 }).length;
      console.log(`      ${file}: ${gzipped} B gzip (budget ${budget.gzip} B)`);
      expect(gzipped).to.be.at.most(budget.gzip);
    });
  }
});
