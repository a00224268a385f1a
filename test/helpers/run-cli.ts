/**
 * Runs the built feed tool, dist/cli/child-alert-feed.js, as a child
 * process, the way a publisher runs it. Node only: the build suite (or
 * `npm run build`) must have built it first.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const CLI_PATH = resolve("dist/cli/child-alert-feed.js");

/** What the process printed and how it ended. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the tool with `args`, executing the file itself so its `#!` line and mode are tested too. */
export function runCli(args: string[], cwd?: string): CliResult {
  if (!existsSync(CLI_PATH)) {
    throw new Error(
      `${CLI_PATH} is missing: run "npm run build" (or the build suite) before the node suite.`,
    );
  }
  const result = spawnSync(CLI_PATH, args, {
    encoding: "utf8",
    timeout: 60_000,
    ...(cwd === undefined ? {} : { cwd }),
  });
  if (result.error !== undefined) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

const temporaryDirectories: string[] = [];

/** Makes an empty temporary directory, removed by `removeTemporaryDirectories`. */
export function temporaryDirectory(): string {
  const path = mkdtempSync(join(tmpdir(), "child-alert-feed-test-"));
  temporaryDirectories.push(path);
  return path;
}

export function removeTemporaryDirectories(): void {
  for (const path of temporaryDirectories.splice(0)) {
    rmSync(path, { recursive: true, force: true });
  }
}
