/**
 * Builds the demo site (demo/site) into dist/demo, one page per
 * demo/site/*.html. The pages embed the widget exactly as a site owner
 * would, with a plain script tag that loads /widget/child-alert.iife.js,
 * which the demo server serves from dist/widget.
 *
 * It runs after the widget and the signed demo feed are built, and writes
 * two values from them into the pages:
 *
 * - `__WIDGET_INTEGRITY__`: the Subresource Integrity hash (sha384) of
 *   dist/widget/child-alert.iife.js, in HTML and in page scripts;
 * - `__DEMO_FEED_PUBLIC_KEY__`: the public key of dist/demo-signed, which
 *   the signed feed page checks the feed with.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const root = resolve(import.meta.dirname, "demo/site");
const pages = Object.fromEntries(
  readdirSync(root)
    .filter((name) => name.endsWith(".html"))
    .map((name) => [name.slice(0, -5), resolve(root, name)]),
);

function readBuilt(path: string, step: string): Buffer {
  try {
    return readFileSync(resolve(import.meta.dirname, path));
  } catch (error) {
    throw new Error(
      `${path} is missing (${String(error)}); build ${step} first, or run "npm run build".`,
    );
  }
}

const widgetIntegrity = `sha384-${createHash("sha384")
  .update(readBuilt("dist/widget/child-alert.iife.js", "the widget"))
  .digest("base64")}`;
const feedPublicKey = readBuilt(
  "dist/demo-signed/feed-key.pub",
  "the signed demo feed",
)
  .toString("utf8")
  .trim();

/** Writes the widget's integrity hash into the pages' HTML. */
function widgetIntegrityInHtml(): Plugin {
  return {
    name: "child-alert-demo-integrity",
    transformIndexHtml: (html) =>
      html.replaceAll("__WIDGET_INTEGRITY__", widgetIntegrity),
  };
}

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  logLevel: "warn",
  plugins: [widgetIntegrityInHtml()],
  define: {
    __WIDGET_INTEGRITY__: JSON.stringify(widgetIntegrity),
    __DEMO_FEED_PUBLIC_KEY__: JSON.stringify(feedPublicKey),
  },
  build: {
    outDir: resolve(import.meta.dirname, "dist/demo"),
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: { input: pages },
  },
});
