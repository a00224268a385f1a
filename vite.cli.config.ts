/**
 * Builds the feed tool into one plain JavaScript file for Node 20,
 * dist/cli/child-alert-feed.js, which starts with a `#!/usr/bin/env node`
 * line and is executable, so package.json can name it as the `bin`.
 * Node's own modules stay imports; the tool has no other dependencies.
 */
import { chmodSync } from "node:fs";
import { builtinModules } from "node:module";
import { defineConfig, type Plugin } from "vite";

const OUT_DIR = "dist/cli";
const FILE_NAME = "child-alert-feed.js";

/** Marks the built file executable, as a `bin` must be when run directly. */
function makeExecutable(): Plugin {
  return {
    name: "child-alert-feed-executable",
    writeBundle() {
      chmodSync(`${OUT_DIR}/${FILE_NAME}`, 0o755);
    },
  };
}

export default defineConfig({
  publicDir: false,
  plugins: [makeExecutable()],
  build: {
    ssr: "cli/child-alert-feed.ts",
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: "node20",
    sourcemap: false,
    minify: false,
    rolldownOptions: {
      external: [/^node:/, ...builtinModules],
      output: {
        format: "es",
        entryFileNames: FILE_NAME,
        banner: "#!/usr/bin/env node",
      },
    },
  },
});
