import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./exit-status.js";
import type { Output } from "./output.js";

/** One subcommand of `child-alert-feed`. */
export interface Command {
  name: string;
  /** One line for the list of commands. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Runs the command with the arguments after its name and returns the exit status. */
  run(args: string[], output: Output): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses a command's arguments strictly, turning node:util's errors
 * (unknown option, missing value) into a UsageError.
 */
export function parseCommandArgs<T extends Options>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
