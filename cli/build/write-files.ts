/**
 * Writes a feed set into its folder. A file whose bytes are unchanged is
 * not rewritten, so its modification time (a static server's Last-Modified)
 * and its signature stay valid. A changed file loses its old `.sig`, which
 * no longer matches, until `sign` runs again. Files that the previous
 * index listed and this build does not write are removed, with their
 * signatures; nothing else in the folder is touched.
 */
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { SIGNATURE_SUFFIX } from "../../shared/signing/sign-feed.js";
import { INDEX_FILE, type FeedSetFile } from "./feed-set.js";

/** What changed on disk. */
export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export function writeFeedSet(
  directory: string,
  files: readonly FeedSetFile[],
): WriteSummary {
  mkdirSync(directory, { recursive: true });
  const summary: WriteSummary = { written: [], unchanged: [], removed: [] };
  const previous = previousFiles(directory);

  for (const file of files) {
    const path = join(directory, file.name);
    if (existsSync(path) && equalBytes(readFileSync(path), file.bytes)) {
      summary.unchanged.push(file.name);
      continue;
    }
    writeFileSync(path, file.bytes);
    rmSync(`${path}${SIGNATURE_SUFFIX}`, { force: true });
    summary.written.push(file.name);
  }

  const current = new Set(files.map((file) => file.name));
  for (const name of previous) {
    if (current.has(name) || !existsSync(join(directory, name))) continue;
    rmSync(join(directory, name));
    rmSync(join(directory, `${name}${SIGNATURE_SUFFIX}`), { force: true });
    summary.removed.push(name);
  }
  return summary;
}

/** The file names listed in the folder's current index.json, if it has one. */
function previousFiles(directory: string): string[] {
  let index: unknown;
  try {
    index = JSON.parse(readFileSync(join(directory, INDEX_FILE), "utf8"));
  } catch {
    return [];
  }
  const names: string[] = [];
  const add = (files: unknown) => {
    if (typeof files !== "object" || files === null) return;
    for (const field of ["json", "atom"]) {
      const name = (files as Record<string, unknown>)[field];
      // Only plain names: an index is never trusted to point outside the folder.
      if (
        typeof name === "string" &&
        /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)
      ) {
        names.push(name);
      }
    }
  };
  const record = index as { all?: unknown; shards?: unknown };
  add(record.all);
  if (Array.isArray(record.shards)) record.shards.forEach(add);
  return names;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
