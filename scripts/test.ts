/**
 * Runs every test suite and ends with one line "N passed, N failed".
 *
 * Suites, in order:
 * - build:    `npm run build`, which the end-to-end suites and size checks need
 * - node:     the library core and the command-line tool, in Node
 * - chromium: core and browser suites in headless Chromium (web-test-runner)
 * - firefox:  the same in headless Firefox ESR, except `*.chromium.test.ts`
 * - e2e:      the built extension, demo and service worker, driven by puppeteer
 *
 * `npm test -- SUITE...` runs only the named suites; `--no-build` skips the
 * build when dist/ is already current.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  failures: string[];
}

interface Suite {
  name: string;
  /** Command and arguments; the child writes its Summary to SUMMARY_FILE. */
  command: (summaryFile: string) => { argv: string[]; env?: NodeJS.ProcessEnv };
}

const TSX = ["node", "--import", "tsx"];
const WTR = [
  ...TSX,
  "node_modules/@web/test-runner/dist/bin.js",
  "--static-logging",
];

const SUITES: Suite[] = [
  {
    name: "node",
    command: (summaryFile) => ({
      argv: [
        ...TSX,
        "scripts/run-mocha.ts",
        summaryFile,
        "20000",
        "test/core",
        "test/node",
      ],
    }),
  },
  {
    name: "chromium",
    command: (summaryFile) => ({
      argv: [...WTR, "--config", "web-test-runner.config.mjs"],
      env: { WTR_BROWSER: "chromium", WTR_SUMMARY_FILE: summaryFile },
    }),
  },
  {
    name: "firefox",
    command: (summaryFile) => ({
      argv: [...WTR, "--config", "web-test-runner.config.mjs"],
      env: { WTR_BROWSER: "firefox", WTR_SUMMARY_FILE: summaryFile },
    }),
  },
  {
    name: "e2e",
    command: (summaryFile) => ({
      argv: [...TSX, "scripts/run-mocha.ts", summaryFile, "120000", "test/e2e"],
    }),
  },
];

const args = process.argv.slice(2);
const skipBuild = args.includes("--no-build");
const requested = args.filter((arg) => !arg.startsWith("--"));
const unknown = requested.filter(
  (name) => name !== "build" && !SUITES.some((suite) => suite.name === name),
);
if (unknown.length > 0) {
  console.error(
    `Unknown suite ${unknown.join(", ")}; the suites are build, ${SUITES.map((s) => s.name).join(", ")}.`,
  );
  process.exit(2);
}

const workDirectory = mkdtempSync(join(tmpdir(), "child-alert-test-"));
const total: Summary = { passed: 0, failed: 0, skipped: 0, failures: [] };

if (!skipBuild && (requested.length === 0 || requested.includes("build"))) {
  console.log("\n=== build ===");
  const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (build.status === 0) total.passed += 1;
  else {
    total.failed += 1;
    total.failures.push(`build: npm run build exited with ${build.status}`);
  }
}

for (const suite of SUITES) {
  if (requested.length > 0 && !requested.includes(suite.name)) continue;
  console.log(`\n=== ${suite.name} ===`);
  const summaryFile = join(workDirectory, `${suite.name}.json`);
  const { argv, env } = suite.command(summaryFile);
  const [program, ...programArgs] = argv as [string, ...string[]];
  const result = spawnSync(program, programArgs, {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (!existsSync(summaryFile)) {
    total.failed += 1;
    total.failures.push(
      `${suite.name}: the suite did not finish (exit status ${result.status}, signal ${result.signal})`,
    );
    continue;
  }
  const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as Summary;
  console.log(
    `--- ${suite.name}: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`,
  );
  total.passed += summary.passed;
  total.failed += summary.failed;
  total.skipped += summary.skipped;
  total.failures.push(
    ...summary.failures.map((failure) => `${suite.name}: ${failure}`),
  );
}

rmSync(workDirectory, { recursive: true, force: true });
if (total.failures.length > 0) {
  console.log("\nFailures:");
  for (const failure of total.failures) console.log(`  - ${failure}`);
}
if (total.skipped > 0) console.log(`\n${total.skipped} skipped`);
console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
