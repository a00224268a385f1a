/**
 * web-test-runner configuration for the browser suites.
 *
 * WTR_BROWSER selects the browser: "chromium" (default) or "firefox". Both
 * are the system browsers (/usr/bin/chromium, /usr/bin/firefox-esr), which
 * CHROME_PATH and FIREFOX_PATH override; no browser is downloaded. Firefox
 * runs through puppeteer-core over WebDriver BiDi. WTR_FILES overrides the
 * test file globs (space-separated).
 */
import { esbuildPlugin } from "@web/dev-server-esbuild";
import { chromeLauncher } from "@web/test-runner-chrome";
import { defaultReporter } from "@web/test-runner";
import puppeteer from "puppeteer-core";
import { summaryReporter } from "./test/harness/summary-reporter.mjs";
import { testServerPlugins } from "./test/harness/server-plugins.ts";
import { fixtureBytesPlugin } from "./test/harness/fixture-bytes.ts";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
];

const browserName = process.env.WTR_BROWSER ?? "chromium";

function launcher() {
  if (browserName === "firefox") {
    return chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: "firefox",
        executablePath: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr",
        headless: true,
        extraPrefsFirefox: {
          "network.captive-portal-service.enabled": false,
          "network.connectivity-service.enabled": false,
        },
      },
    });
  }
  return chromeLauncher({
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_FLAGS,
    },
  });
}

const defaultFiles =
  browserName === "firefox"
    ? [
        "test/core/**/*.test.ts",
        "test/browser/**/*.test.ts",
        "!test/browser/**/*.chromium.test.ts",
      ]
    : ["test/core/**/*.test.ts", "test/browser/**/*.test.ts"];

export default {
  files: process.env.WTR_FILES
    ? process.env.WTR_FILES.split(" ")
    : defaultFiles,
  nodeResolve: { exportConditions: ["production"] },
  concurrency: 1,
  browsers: [launcher()],
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: new URL("./tsconfig.json", import.meta.url).pathname,
      target: "es2022",
    }),
    ...testServerPlugins(),
    fixtureBytesPlugin(),
  ],
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: false }),
    summaryReporter(),
  ],
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 300000,
};
