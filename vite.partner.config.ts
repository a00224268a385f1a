/**
 * Builds the partner banner and the service workers, after the widget
 * (scripts/build.ts runs the modes in this order):
 *
 * - `vite build -c vite.partner.config.ts --mode partner`:
 *   dist/widget/partner.js, a classic script that carries the widget, inserts
 *   the site-wide banner and registers the service worker.
 * - `--mode sw`: dist/widget/child-alert-sw.js, the partner service worker.
 *   Its precache list (the widget files partner sites need, with content
 *   hashes) is written into it, so a new widget build changes its bytes.
 * - `--mode demo-sw`: dist/demo/child-alert-sw.js, the demo site's worker:
 *   the partner worker plus the demo's own pages, for the offline demo. It
 *   runs after the demo site is built.
 */
import { resolve } from "node:path";
import { defineConfig } from "vite";
import {
  isPartnerWidgetFile,
  precacheFiles,
} from "./demo/build/precache-files.js";
import { minifyCssTemplates } from "./vite.config.js";

const WIDGET_DIR = resolve(import.meta.dirname, "dist/widget");
const DEMO_DIR = resolve(import.meta.dirname, "dist/demo");

const ENTRIES = {
  partner: {
    entry: "widget/partner/partner.ts",
    outDir: WIDGET_DIR,
    fileName: "partner.js",
  },
  sw: {
    entry: "widget/partner/sw/child-alert-sw.ts",
    outDir: WIDGET_DIR,
    fileName: "child-alert-sw.js",
  },
  "demo-sw": {
    entry: "demo/sw/demo-sw.ts",
    outDir: DEMO_DIR,
    fileName: "child-alert-sw.js",
  },
} as const;

export default defineConfig(({ mode }) => {
  if (!(mode in ENTRIES)) {
    throw new Error(
      `Unknown mode "${mode}" for vite.partner.config.ts; use partner, sw or demo-sw.`,
    );
  }
  const target = ENTRIES[mode as keyof typeof ENTRIES];
  const widgetFiles =
    mode === "partner" ? [] : precacheFiles(WIDGET_DIR, isPartnerWidgetFile);
  const demoFiles =
    mode === "demo-sw"
      ? precacheFiles(
          DEMO_DIR,
          (path) => path !== "child-alert-sw.js" && !path.endsWith(".map"),
        )
      : [];
  return {
    resolve: { conditions: ["production", "module", "browser"] },
    define: {
      "process.env.NODE_ENV": JSON.stringify("production"),
      // partner.js is a classic script like child-alert.iife.js: it finds the
      // engine beside itself through document.currentScript.
      "import.meta.url": "undefined",
      __CHILD_ALERT_SEPARATE_ENGINE__: JSON.stringify(true),
      __CHILD_ALERT_PRECACHE__: JSON.stringify(widgetFiles),
      __CHILD_ALERT_DEMO_PRECACHE__: JSON.stringify(demoFiles),
    },
    plugins: mode === "partner" ? [minifyCssTemplates()] : [],
    publicDir: false,
    logLevel: "warn",
    build: {
      outDir: target.outDir,
      emptyOutDir: false,
      target: "es2022",
      sourcemap: false,
      lib: {
        entry: target.entry,
        name: "ChildAlertPartner",
        formats: ["iife"],
        fileName: () => target.fileName,
      },
      rolldownOptions: { output: { minify: true } },
    },
  };
});
