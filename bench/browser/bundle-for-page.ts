/**
 * Bundles a benchmark entry module into one classic script (IIFE) for a
 * page, with Vite, resolving Lit through its "production" export condition
 * as vite.config.ts does for the widget.
 */
import { build, type Rolldown } from "vite";

export interface BundleOptions {
  /** Minify as the widget's build does; off by default, so stacks name the sources. */
  minify?: boolean;
}

export async function bundleForPage(
  entry: string,
  options: BundleOptions = {},
): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: "warn",
    publicDir: false,
    resolve: { conditions: ["production", "module", "browser"] },
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      target: "es2022",
      sourcemap: false,
      lib: {
        entry,
        name: "ChildAlertBench",
        formats: ["iife"],
        fileName: () => "bench.js",
      },
      rolldownOptions: { output: { minify: options.minify ?? false } },
    },
  });
  const outputs = (
    Array.isArray(result) ? result : [result]
  ) as Rolldown.RolldownOutput[];
  const chunk = outputs[0]?.output.find((item) => item.type === "chunk");
  if (chunk === undefined || chunk.type !== "chunk") {
    throw new Error(`Bundling ${entry} produced no script`);
  }
  return chunk.code;
}
