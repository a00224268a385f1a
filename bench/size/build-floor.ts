/**
 * Builds the floor element (floor-element.ts) the way vite.config.ts
 * builds the widget's classic script: Vite library mode, IIFE, Lit's
 * "production" export condition, minified, ES2022.
 */
import { bundleForPage } from "../browser/bundle-for-page.js";

export function buildFloorScript(): Promise<string> {
  return bundleForPage(
    new URL("./floor-element.ts", import.meta.url).pathname,
    { minify: true },
  );
}
