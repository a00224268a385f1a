/**
 * Lists built files for a service worker's precache, each with a revision
 * (a hash of its content), as Workbox's precaching expects. A new build
 * that changes a file changes its revision, and so the worker's bytes.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export interface PrecacheFile {
  /** Path relative to `directory`, with "/" separators. */
  url: string;
  revision: string;
}

/** Lists the files under `directory` whose relative path `include` accepts, sorted by path. */
export function precacheFiles(
  directory: string,
  include: (path: string) => boolean,
): PrecacheFile[] {
  const files: PrecacheFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const url = relative(directory, path).split(sep).join("/");
      if (!include(url)) continue;
      const revision = createHash("sha256")
        .update(readFileSync(path))
        .digest("hex")
        .slice(0, 16);
      files.push({ url, revision });
    }
  };
  walk(directory);
  return files.sort((a, b) => a.url.localeCompare(b.url));
}

/**
 * The widget files a partner site needs offline: every script at the top
 * of dist/widget (the banner script, the classic widget script, the engine
 * and any module it imports, the parse worker) and the interface strings.
 * Left out are the ES module build with its chunks/, which is for
 * bundlers, and the service worker itself.
 */
export function isPartnerWidgetFile(path: string): boolean {
  if (path.startsWith("i18n/")) return path.endsWith(".json");
  if (path.includes("/")) return false;
  return (
    path.endsWith(".js") &&
    path !== "child-alert.js" &&
    path !== "child-alert-sw.js"
  );
}
