/**
 * Builds the embeddable widget into dist/widget/, in four runs that
 * scripts/build.ts makes in order:
 *
 * - `vite build` (mode "production"): child-alert.js, an ES module with
 *   Lit bundled in. Its alert engine, and the engine's lazy parts, are
 *   dynamic imports that become chunks in chunks/, which bundlers of this
 *   module follow.
 * - `vite build --mode iife`: child-alert.iife.js, one classic script that
 *   defines `<child-alert>`. It carries the element, the layouts, Lit and
 *   the English and Greek strings, and loads child-alert-engine.js from
 *   beside itself when it starts fetching feeds.
 * - `vite build --mode engine`: child-alert-engine.js, the alert engine
 *   (client, parsers, store, filters) as an ES module for the classic
 *   script. The parts most pages never need are chunks beside it,
 *   child-alert-engine-NAME-HASH.js, which it loads on first use (see
 *   LAZY_STAND_INS).
 * - `vite build --mode parse-worker`: child-alert-parse-worker.js, the
 *   module worker that parses large feed bodies off the page's main thread
 *   (shared/client/parse-worker.ts with the parsers), self-contained
 *   because a worker loads no chunk of the page's build.
 *
 * The production run also writes i18n/CODE.json, the interface strings of
 * the languages the scripts do not carry. Lit is resolved through its
 * "production" export condition, which drops its development-mode checks.
 */
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { TRANSLATIONS } from "./widget/i18n/translations.js";

/**
 * Modules of the shared client that the widget's builds replace with
 * widget/engine/ stand-ins of the same API. The stand-ins load the parts
 * most pages never need (signature checks, feed index reading, parse
 * worker code) as chunks on first use. The library build (tsc) and the
 * other surfaces keep the eager modules, because a service worker may not
 * load code with a dynamic `import()`.
 */
const LAZY_STAND_INS: Record<string, string> = {
  "shared/shards/client/reader-feed-fetch.ts":
    "widget/engine/lazy-reader-feed-fetch.ts",
  "shared/client/parse-feed-body.ts": "widget/engine/lazy-parse-feed-body.ts",
};

/** Resolves imports of the modules in LAZY_STAND_INS to their stand-ins, except the stand-ins' own imports. */
function lazyStandIns(): Plugin {
  const root = import.meta.dirname;
  const standIns = new Map(
    Object.entries(LAZY_STAND_INS).map(([module, standIn]) => [
      resolve(root, module),
      resolve(root, standIn),
    ]),
  );
  const standInFiles = new Set(standIns.values());
  return {
    name: "child-alert-lazy-stand-ins",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (importer === undefined || standInFiles.has(importer)) return null;
      const resolved = await this.resolve(source, importer, {
        ...options,
        skipSelf: true,
      });
      if (resolved === null) return null;
      return standIns.get(resolved.id) ?? null;
    },
  };
}

/** Emits one JSON file of interface strings per language in TRANSLATIONS. */
function interfaceStringFiles(): Plugin {
  return {
    name: "child-alert-interface-strings",
    generateBundle() {
      for (const [language, strings] of Object.entries(TRANSLATIONS)) {
        this.emitFile({
          type: "asset",
          fileName: `i18n/${language}.json`,
          source: JSON.stringify(strings),
        });
      }
    },
  };
}

/**
 * Collapses the whitespace and comments inside Lit `css` template literals
 * of the widget's sources, which the minifier keeps verbatim. Only
 * literals without `${}` interpolation are touched.
 */
export function minifyCssTemplates(): Plugin {
  return {
    name: "child-alert-minify-css",
    transform(code, id) {
      if (!/\/widget\/.*\.ts$/.test(id)) return null;
      const minified = code.replace(
        /\bcss`([^`$]*)`/g,
        (_match, text: string) => {
          const compact = text
            .replace(/\/\*[\s\S]*?\*\//g, "")
            .replace(/\s+/g, " ")
            .replace(/\s*([{};,>])\s*/g, "$1")
            .replace(/;}/g, "}")
            .trim();
          return `css\`${compact}\``;
        },
      );
      return minified === code ? null : { code: minified, map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  const iife = mode === "iife";
  const engine = mode === "engine";
  const parseWorker = mode === "parse-worker";
  return {
    resolve: {
      conditions: ["production", "module", "browser"],
    },
    define: {
      "process.env.NODE_ENV": JSON.stringify("production"),
      // The classic script has no import.meta, so script-url.ts falls back to
      // document.currentScript, which is set while the script runs.
      ...(iife ? { "import.meta.url": "undefined" } : {}),
      __CHILD_ALERT_SEPARATE_ENGINE__: JSON.stringify(iife),
    },
    plugins: [
      ...(parseWorker ? [] : [lazyStandIns()]),
      minifyCssTemplates(),
      ...(iife || engine || parseWorker ? [] : [interfaceStringFiles()]),
    ],
    publicDir: false,
    build: {
      outDir: "dist/widget",
      // The production run comes first and clears the folder. The others add to it.
      emptyOutDir: !iife && !engine && !parseWorker,
      target: "es2022",
      sourcemap: false,
      lib: engine
        ? {
            entry: "widget/engine/alert-engine.ts",
            formats: ["es"],
            fileName: () => "child-alert-engine.js",
          }
        : parseWorker
          ? {
              entry: "shared/client/parse-worker.ts",
              formats: ["es"],
              fileName: () => "child-alert-parse-worker.js",
            }
          : {
              // The classic script only defines the elements: exports would
              // become a global variable on the host page.
              entry: iife
                ? "widget/define/define-child-alert.ts"
                : "widget/module-entry.ts",
              name: "ChildAlertWidget",
              formats: [iife ? "iife" : "es"],
              fileName: () => (iife ? "child-alert.iife.js" : "child-alert.js"),
            },
      rolldownOptions: {
        // The engine may export more than AlertClient, so the bundler can
        // keep the modules it shares with its lazy chunks in the engine
        // and export them to the chunks, instead of splitting them into
        // chunks that every first render must load. The ES module build
        // keeps exactly its public exports.
        preserveEntrySignatures: engine ? "allow-extension" : "exports-only",
        output: {
          minify: true,
          // The engine's chunks sit beside it at the top of dist/widget/,
          // with the classic script's other files, apart from the ES
          // module build's chunks/.
          chunkFileNames: engine
            ? "child-alert-engine-[name]-[hash].js"
            : "chunks/[name]-[hash].js",
          ...(parseWorker ? { codeSplitting: false } : {}),
        },
      },
    },
  };
});
