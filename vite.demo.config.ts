/**
 * Builds the demo site (demo/site) into dist/demo. The pages embed the
 * widget exactly as a site owner would, with a plain script tag that loads
 * /widget/child-alert.iife.js, which the demo server serves from dist/widget.
 */
import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

const root = resolve(import.meta.dirname, "demo/site");
const pages = Object.fromEntries(
  readdirSync(root)
    .filter((name) => name.endsWith(".html"))
    .map((name) => [name.slice(0, -5), resolve(root, name)]),
);

export default defineConfig({
  root,
  base: "/",
  publicDir: false,
  logLevel: "warn",
  build: {
    outDir: resolve(import.meta.dirname, "dist/demo"),
    emptyOutDir: true,
    target: "es2022",
    rolldownOptions: { input: pages },
  },
});
