/**
 * Runs mocha test files in Node and writes their counts to a JSON summary.
 *
 * Usage: tsx scripts/run-mocha.ts SUMMARY_FILE TIMEOUT_MS DIRECTORY...
 * Every `*.test.ts` file under each directory runs, in path order.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Mocha from "mocha";

const [summaryFile, timeoutText, ...directories] = process.argv.slice(2);
if (summaryFile === undefined || timeoutText === undefined) {
  throw new Error(
    "Usage: tsx scripts/run-mocha.ts SUMMARY_FILE TIMEOUT_MS DIRECTORY...",
  );
}

function findTests(directory: string): string[] {
  const entries = readdirSync(directory, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const mocha = new Mocha({ timeout: Number(timeoutText), reporter: "spec" });
const files = directories.flatMap(findTests).sort();
for (const file of files) mocha.addFile(file);
await mocha.loadFilesAsync();

const failures: string[] = [];
const runner = mocha.run();
runner.on("fail", (test) => failures.push(test.fullTitle()));
runner.on("end", () => {
  const stats = runner.stats!;
  writeFileSync(
    summaryFile,
    JSON.stringify({
      passed: stats.passes,
      failed: stats.failures,
      skipped: stats.pending,
      failures,
    }),
  );
  // Puppeteer and servers left open by a failing test must not hang the run.
  setTimeout(() => process.exit(0), 200).unref();
});
