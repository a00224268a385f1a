import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { SIGNATURE_SUFFIX } from "../shared/signing/sign-feed.js";
import { UsageError } from "./exit-status.js";

/**
 * Lists the regular files under each path, recursively for directories, in
 * a stable order (sorted by path, byte-wise, so the order does not depend
 * on the locale or the file system). Inside directories, names starting
 * with "." and signature files (`.sig`) are skipped. Throws a UsageError
 * for a path that does not exist.
 */
export function listFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or directory`);
    }
    if (stats.isDirectory()) files.push(...filesUnder(path));
    else files.push(path);
  }
  return files;
}

function filesUnder(directory: string): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && !entry.name.endsWith(SIGNATURE_SUFFIX)) {
        found.push(path);
      }
    }
  };
  visit(directory);
  return found.sort((a, b) =>
    compareBytes(relative(directory, a), relative(directory, b)),
  );
}

/** Compares strings by UTF-16 code units, the same on every machine. */
export function compareBytes(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
