/**
 * Builds the embeddable widget into dist/widget/, in four runs that
 * scripts/build.ts makes in order:
 *
 * - `vite build` (mode "production"): child-alert.js, an ES module with
 *   Lit bundled in. Its alert engine is a dynamic import that becomes a
 *   chunk in chunks/, which bundlers of this module follow.
 * - `vite build --mode iife`: child-alert.iife.js, one classic script that
 *   defines `<child-alert>`. It carries the element, the layouts, Lit and
 *   the English and Greek strings, and loads child-alert-engine.js from
 *   beside itself when it starts fetching feeds.
 * - `vite build --mode engine`: child-alert-engine.js, the alert engine
 *   (client, parsers, store, filters) as one self-contained ES module, for
 *   the classic script.
 * - `vite build --mode parse-worker`: child-alert-parse-worker.js, the
 *   module worker that parses large feed bodies off the page's main thread
 *   (shared/client/parse-worker.ts with the parsers), self-contained
 *   because a worker loads no chunk of the page's build.
 *
 * The production run also writes i18n/CODE.json, the interface strings of
 * the languages the scripts do not carry. Lit is resolved through its
 * "production" export condition, which drops its development-mode checks.
 */
import { defineConfig, type Plugin } from "vite";
import { TRANSLATIONS } from "./widget/i18n/translations.js";

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
        output: {
          minify: true,
          chunkFileNames: "chunks/[name]-[hash].js",
          ...(parseWorker ? { codeSplitting: false } : {}),
        },
      },
    },
  };
});
