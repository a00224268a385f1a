/**
 * The publisher's feed tool: `child-alert-feed validate | build | keygen |
 * sign`. Built into dist/cli/child-alert-feed.js (scripts/build.ts), which
 * package.json names as its `bin`.
 */
import { PROCESS_OUTPUT } from "./output.js";
import { runCommandLine } from "./run-command.js";

try {
  process.exitCode = await runCommandLine(
    process.argv.slice(2),
    PROCESS_OUTPUT,
  );
} catch (error) {
  // An unexpected failure (a bug or an I/O error): print it whole, because
  // the stack is what a bug report needs.
  console.error(error);
  process.exitCode = 1;
}
