/**
 * Builds everything into dist/: each step is one command, run in order, and
 * the build stops at the first that fails.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

interface Step {
  name: string;
  argv: string[];
}

const STEPS: Step[] = [
  {
    name: "library (dist/lib)",
    argv: ["npx", "tsc", "-p", "tsconfig.lib.json"],
  },
  {
    name: "widget module (dist/widget/child-alert.js, i18n/)",
    argv: ["npx", "vite", "build"],
  },
  {
    name: "widget classic script (dist/widget/child-alert.iife.js)",
    argv: ["npx", "vite", "build", "--mode", "iife"],
  },
  {
    name: "widget engine (dist/widget/child-alert-engine.js)",
    argv: ["npx", "vite", "build", "--mode", "engine"],
  },
  {
    name: "custom elements manifest (custom-elements.json)",
    argv: ["npx", "cem", "analyze", "--quiet"],
  },
  {
    name: "demo site (dist/demo)",
    argv: ["npx", "vite", "build", "--config", "vite.demo.config.ts"],
  },
  {
    name: "browser extension (dist/extension: chrome/, firefox/, zips)",
    argv: ["npx", "tsx", "extension/build/build-extension.ts"],
  },
  {
    name: "feed tool (dist/cli/child-alert-feed.js)",
    argv: ["npx", "vite", "build", "--config", "vite.cli.config.ts"],
  },
];

rmSync("dist", { recursive: true, force: true });
for (const step of STEPS) {
  console.log(`build: ${step.name}`);
  const [program, ...args] = step.argv as [string, ...string[]];
  const result = spawnSync(program, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(
      `build: ${step.name} failed with exit status ${result.status}`,
    );
    process.exit(1);
  }
}
