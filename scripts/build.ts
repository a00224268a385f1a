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
    name: "widget parse worker (dist/widget/child-alert-parse-worker.js)",
    argv: ["npx", "vite", "build", "--mode", "parse-worker"],
  },
  {
    name: "partner banner script (dist/widget/partner.js)",
    argv: [
      "npx",
      "vite",
      "build",
      "-c",
      "vite.partner.config.ts",
      "--mode",
      "partner",
    ],
  },
  {
    name: "partner service worker (dist/widget/child-alert-sw.js)",
    argv: [
      "npx",
      "vite",
      "build",
      "-c",
      "vite.partner.config.ts",
      "--mode",
      "sw",
    ],
  },
  {
    name: "custom elements manifest (custom-elements.json)",
    argv: ["npx", "cem", "analyze", "--quiet"],
  },
  {
    name: "demo signed feed (dist/demo-signed)",
    argv: ["npx", "tsx", "demo/build/build-signed-feed.ts"],
  },
  {
    name: "demo site (dist/demo)",
    argv: ["npx", "vite", "build", "--config", "vite.demo.config.ts"],
  },
  {
    name: "demo service worker (dist/demo/child-alert-sw.js)",
    argv: [
      "npx",
      "vite",
      "build",
      "-c",
      "vite.partner.config.ts",
      "--mode",
      "demo-sw",
    ],
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
