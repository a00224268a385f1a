/** Destination of a command's text: standard output for results, standard error for progress and problems. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Output to the process's standard streams, one line per call. */
export const PROCESS_OUTPUT: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
