/** Exit statuses of `child-alert-feed`. */
export const EXIT_OK = 0;
/** Validation found errors (or warnings, with `--strict`), or a file could not be read as a feed. */
export const EXIT_INVALID = 1;
/** The command line is wrong: unknown command or option, missing argument, file not found. */
export const EXIT_USAGE = 2;

/** A mistake on the command line, reported with the command's usage and exit status 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
