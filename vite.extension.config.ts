/**
 * Builds the browser extension's code into dist/extension/chrome/, in two
 * runs that extension/build/build-extension.ts makes in order:
 *
 * - mode "pages": popup.html and options.html with their scripts, styles
 *   and the map data; it clears the folder first.
 * - mode "background": background.js, one self-contained ES module, because
 *   a service worker may not load code with a dynamic `import()` and a
 *   shared chunk would tie it to the pages' build.
 *
 * The packaging step then adds the manifest, icons and `_locales`, copies
 * the result to dist/extension/firefox/ and writes the zips.
 */
import { resolve } from "node:path";
import { defineConfig } from "vite";

export const EXTENSION_OUT_DIR = resolve(
  import.meta.dirname,
  "dist/extension/chrome",
);

export default defineConfig(({ mode }) => {
  const background = mode === "background";
  return {
    root: resolve(import.meta.dirname, "extension"),
    base: "./",
    publicDir: false,
    logLevel: "warn",
    resolve: {
      conditions: ["production", "module", "browser"],
    },
    define: {
      "process.env.NODE_ENV": JSON.stringify("production"),
    },
    build: {
      outDir: EXTENSION_OUT_DIR,
      emptyOutDir: !background,
      target: "es2022",
      sourcemap: false,
      // Extension pages load nothing from the network, so a module preload
      // polyfill has nothing to speed up.
      modulePreload: false,
      assetsInlineLimit: 0,
      ...(background
        ? {
            lib: {
              entry: resolve(
                import.meta.dirname,
                "extension/background/background.ts",
              ),
              formats: ["es" as const],
              fileName: () => "background.js",
            },
          }
        : {}),
      rolldownOptions: {
        ...(background
          ? {}
          : {
              input: {
                popup: resolve(import.meta.dirname, "extension/popup.html"),
                options: resolve(import.meta.dirname, "extension/options.html"),
              },
            }),
        output: {
          minify: true,
          ...(background
            ? {}
            : {
                entryFileNames: "assets/[name]-[hash].js",
                chunkFileNames: "assets/[name]-[hash].js",
                assetFileNames: "assets/[name]-[hash][extname]",
              }),
        },
      },
    },
  };
});
