/** Dispatches `child-alert-feed COMMAND ...` to its command and maps failures to exit statuses. */
import type { Command } from "./command.js";
import { buildCommand } from "./commands/build.js";
import { keygenCommand } from "./commands/keygen.js";
import { signCommand } from "./commands/sign.js";
import { validateCommand } from "./commands/validate.js";
import { EXIT_OK, EXIT_USAGE, UsageError } from "./exit-status.js";
import type { Output } from "./output.js";

const COMMANDS: Command[] = [
  validateCommand,
  buildCommand,
  keygenCommand,
  signCommand,
];

const PROGRAM = "child-alert-feed";

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const lines = COMMANDS.map(
    (command) => `  ${command.name.padEnd(width)}  ${command.summary}`,
  );
  return `Usage: ${PROGRAM} COMMAND [OPTIONS]

Turns a folder of CAP alerts into a signed, sharded static feed set
(docs/feed-tool.md).

Commands:
${lines.join("\n")}

Run "${PROGRAM} COMMAND --help" for a command's options.`;
}

/** Runs the command line `args` (without the program name) and returns the exit status. */
export async function runCommandLine(
  args: string[],
  output: Output,
): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === "--help" || name === "-h") {
    output.out(mainHelp());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    output.err(
      `${PROGRAM}: unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(", ")}. Run "${PROGRAM} --help".`,
    );
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, output);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`${PROGRAM} ${command.name}: ${error.message}`);
      output.err(`Run "${PROGRAM} ${command.name} --help" for usage.`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
