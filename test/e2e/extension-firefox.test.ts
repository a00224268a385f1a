/**
 * The built Firefox extension: it passes `web-ext lint`, installs in
 * Firefox ESR as a temporary add-on over WebDriver BiDi, and its
 * background runs and polls. WebDriver BiDi does not open moz-extension://
 * pages, so the popup and options checks run in Chromium only; here a copy
 * of the build with a `preset-settings.json` naming the local feed shows
 * that the background read its settings and polled.
 */
import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { GECKO_ID } from "../../extension/build/manifest.js";
import {
  closeBrowser,
  FIREFOX_EXTENSION_DIR,
  requireBuiltExtension,
  startFeedServer,
  waitFor,
  type RunningFeedServer,
} from "./extension-harness.js";

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: { code: string; message: string; file?: string }[];
}

describe("extension in Firefox", function () {
  let server: RunningFeedServer;
  let copy: string;
  let firefox: Browser | undefined;
  let extensionId: string;

  before(async function () {
    requireBuiltExtension(FIREFOX_EXTENSION_DIR);
    server = await startFeedServer();
    server.feeds.setFeed("firefox.xml", {
      body: '<?xml version="1.0"?><alerts/>',
    });
    copy = mkdtempSync(join(tmpdir(), "child-alert-firefox-"));
    cpSync(FIREFOX_EXTENSION_DIR, copy, { recursive: true });
    writeFileSync(
      join(copy, "preset-settings.json"),
      JSON.stringify({ feeds: [`${server.origin}/feeds/firefox.xml`] }),
    );
  });

  after(async function () {
    await closeBrowser(firefox);
    await server?.close();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it("passes web-ext lint with no errors", function () {
    const result = spawnSync(
      "npx",
      [
        "web-ext",
        "lint",
        "--source-dir",
        FIREFOX_EXTENSION_DIR,
        "--no-config-discovery",
        "--output",
        "json",
      ],
      { encoding: "utf8", timeout: 100_000 },
    );
    const report = JSON.parse(result.stdout) as LintReport;
    expect(report.errors.map((error) => error.code)).to.deep.equal([]);
    expect(report.summary.errors).to.equal(0);
  });

  it("installs as a temporary add-on", async function () {
    firefox = await puppeteer.launch({
      browser: "firefox",
      executablePath: process.env.FIREFOX_PATH ?? "/usr/bin/firefox-esr",
      headless: true,
      extraPrefsFirefox: {
        "network.captive-portal-service.enabled": false,
        "network.connectivity-service.enabled": false,
      },
    });
    extensionId = await firefox.installExtension(copy);
    expect(extensionId).to.equal(GECKO_ID);
  });

  it("runs its background, which polls the feed", async function () {
    if (firefox === undefined) this.skip();
    const requests = await waitFor(
      "a request from the background",
      async () => {
        const logged = server.feeds.requestsFor("firefox.xml");
        return logged.length > 0 ? logged : undefined;
      },
    );
    expect(requests[0]!.method).to.equal("GET");
    expect(requests[0]!.status).to.equal(200);
  });
});
