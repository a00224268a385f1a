/**
 * Size benchmark: the bytes a page or browser downloads for the widget
 * and the extension, raw, gzip (level 9) and brotli (quality 11), against
 * the floor element built the same way. Sizes are deterministic for a
 * given build, so test/node/size-budget.test.ts checks some of them
 * against budgets.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));

export interface CompressedSize {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SizedFile extends CompressedSize {
  name: string;
}

export interface SizeGroup {
  name: string;
  files: SizedFile[];
  total: CompressedSize;
}

export interface SizeResults {
  floor: SizedFile;
  /** The script tag's file and what it loaded for a first render in English. */
  firstRender: SizeGroup;
  /** Files loaded only in other cases: another language, a large feed's parse worker. */
  onDemand: SizeGroup;
  /** dist/extension/chrome, by part. */
  extension: SizeGroup[];
}

export function compressedSize(bytes: Uint8Array): CompressedSize {
  return {
    raw: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
      },
    }).byteLength,
  };
}

function sizedFile(name: string, bytes: Uint8Array): SizedFile {
  return { name, ...compressedSize(bytes) };
}

function group(name: string, files: SizedFile[]): SizeGroup {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    total.raw += file.raw;
    total.gzip += file.gzip;
    total.brotli += file.brotli;
  }
  return { name, files, total };
}

function widgetFile(path: string): SizedFile {
  return sizedFile(path, readFileSync(join(DIST, "widget", path)));
}

/**
 * `firstRenderFiles` and `largeFeedFiles` are the paths under dist/widget/
 * that the browser requested in the first-render and host-page runs.
 */
export function benchSize(
  floorScript: string,
  firstRenderFiles: string[],
  largeFeedFiles: string[],
): SizeResults {
  const firstRender = group(
    "first render (English)",
    firstRenderFiles.map(widgetFile),
  );
  const onDemandPaths = [
    ...largeFeedFiles.filter((path) => !firstRenderFiles.includes(path)),
    "i18n/de.json",
  ];
  return {
    floor: sizedFile("floor element (Lit)", Buffer.from(floorScript)),
    firstRender,
    onDemand: group("loaded on demand", onDemandPaths.map(widgetFile)),
    extension: extensionGroups(),
  };
}

/** Parts of the Chrome extension, by what loads them. */
const EXTENSION_PARTS: { name: string; pattern: RegExp }[] = [
  { name: "service worker", pattern: /^background\.js$/ },
  { name: "popup", pattern: /^(popup\.html|assets\/(popup|settings)-.*)$/ },
  { name: "options page", pattern: /^(options\.html|assets\/options-.*)$/ },
  { name: "country shapes", pattern: /^assets\/countries-.*\.json$/ },
  { name: "locales", pattern: /^_locales\// },
  { name: "manifest and icons", pattern: /^(manifest\.json|icons\/.*)$/ },
];

function extensionGroups(): SizeGroup[] {
  const root = join(DIST, "extension", "chrome");
  const paths = listFiles(root).map((path) => relative(root, path));
  const groups = EXTENSION_PARTS.map(({ name, pattern }) =>
    group(
      name,
      paths
        .filter((path) => pattern.test(path))
        .map((path) => sizedFile(path, readFileSync(join(root, path)))),
    ),
  );
  const unmatched = paths.filter(
    (path) => !EXTENSION_PARTS.some(({ pattern }) => pattern.test(path)),
  );
  if (unmatched.length > 0) {
    groups.push(
      group(
        "other",
        unmatched.map((path) =>
          sizedFile(path, readFileSync(join(root, path))),
        ),
      ),
    );
  }
  return groups;
}

function listFiles(directory: string): string[] {
  return readdirSync(directory)
    .sort()
    .flatMap((name) => {
      const path = join(directory, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}
