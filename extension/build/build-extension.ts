/**
 * Builds the browser extension for Chrome and Firefox:
 *
 * 1. the code, with Vite (vite.extension.config.ts), into
 *    dist/extension/chrome/;
 * 2. the manifest, the icons and `_locales` beside it;
 * 3. a copy as dist/extension/firefox/ with Firefox's manifest;
 * 4. the zips dist/extension/child-alert-chrome.zip and
 *    child-alert-firefox.zip, written deterministically.
 *
 * Run from the repository root: `tsx extension/build/build-extension.ts`.
 */
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { build } from "vite";
import { ICON_SIZES, renderIconPng } from "./icon.js";
import { localeFiles } from "./locales.js";
import { buildManifest, type TargetBrowser } from "./manifest.js";
import { writeZip } from "./zip.js";

const ROOT = resolve(import.meta.dirname, "../..");
const OUT = join(ROOT, "dist/extension");
const CONFIG = join(ROOT, "vite.extension.config.ts");

async function main(): Promise<void> {
  const { version } = JSON.parse(
    readFileSync(join(ROOT, "package.json"), "utf8"),
  ) as { version: string };
  rmSync(OUT, { recursive: true, force: true });
  await build({ configFile: CONFIG, mode: "pages" });
  await build({ configFile: CONFIG, mode: "background" });

  const chrome = join(OUT, "chrome");
  writeCommonFiles(chrome);
  writeManifest(chrome, "chrome", version);

  const firefox = join(OUT, "firefox");
  cpSync(chrome, firefox, { recursive: true });
  writeManifest(firefox, "firefox", version);

  for (const target of ["chrome", "firefox"] as const) {
    const zip = join(OUT, `child-alert-${target}.zip`);
    writeFileSync(zip, writeZip(readTree(join(OUT, target))));
    console.log(`extension: wrote ${relative(ROOT, zip)}`);
  }
}

function writeCommonFiles(directory: string): void {
  for (const size of ICON_SIZES) {
    write(join(directory, `icons/icon-${size}.png`), renderIconPng(size));
  }
  for (const [path, text] of localeFiles()) write(join(directory, path), text);
}

function writeManifest(
  directory: string,
  target: TargetBrowser,
  version: string,
): void {
  const manifest = buildManifest(target, version);
  write(
    join(directory, "manifest.json"),
    `${JSON.stringify(manifest, null, 2)}\n`,
  );
}

function write(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

/** Every file under `directory`, with paths relative to it. */
function readTree(directory: string): { path: string; data: Uint8Array }[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      return {
        path: relative(directory, full).split(sep).join("/"),
        data: readFileSync(full),
      };
    });
}

await main();
