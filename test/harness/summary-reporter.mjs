/**
 * A web-test-runner reporter that writes the number of passed and failed
 * tests to the JSON file named by WTR_SUMMARY_FILE, so `npm test` can add the
 * counts of every suite into one closing line. A test file that failed to
 * load, or whose browser session errored, counts as one failed test.
 */
import { writeFileSync } from "node:fs";

function countSuite(suite, counts, prefix, failures) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      failures.push(`${prefix}${test.name}`);
    }
  }
  for (const child of suite.suites ?? []) {
    countSuite(child, counts, `${prefix}${child.name} > `, failures);
  }
}

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const failures = [];
      for (const session of sessions) {
        const failedBefore = counts.failed;
        if (session.testResults) {
          const prefix = `${session.browser.name} ${session.testFile} > `;
          countSuite(session.testResults, counts, prefix, failures);
        }
        const testsFailed = counts.failed > failedBefore;
        const errors = session.errors ?? [];
        if (errors.length > 0 || (!session.passed && !testsFailed)) {
          counts.failed += 1;
          const reason = errors.map((error) => error.message).join("; ");
          failures.push(
            `${session.browser.name} ${session.testFile}: ${reason || "session failed"}`,
          );
        }
      }
      const file = process.env.WTR_SUMMARY_FILE;
      if (file) writeFileSync(file, JSON.stringify({ ...counts, failures }));
    },
  };
}
