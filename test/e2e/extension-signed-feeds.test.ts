/**
 * Signed feeds in the built extension, in headless Chromium: with a
 * publisher's key in `settings.feedKeys`, the background reads a feed only
 * when `URL.sig` verifies. A rejected feed notifies nothing new, keeps the
 * last verified alerts and the badge, and the popup shows the reason. The test
 * signs with Node's Web Crypto, independently of the extension's code.
 * The cases run in order on one profile, because each builds on the alerts
 * the earlier ones left.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { KNOWN_FEEDS } from "../../extension/common/known-feeds.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import {
  alertNotificationIds,
  badgeText,
  capTime,
  closeBrowser,
  CHROME_EXTENSION_DIR,
  dismissNotifications,
  inventedAlert,
  launchChromium,
  makeFeedSigner,
  NEAR_PLACE,
  openExtensionPage,
  pollExtension,
  requireBuiltExtension,
  serveSignedFeed,
  startFeedServer,
  type ChromeExtensionApi,
  type ChromiumWithExtension,
  type FeedSigner,
  type PollReport,
  type RunningFeedServer,
} from "./extension-harness.js";

declare const chrome: ChromeExtensionApi;

const FEED_NAME = "signed.xml";

describe("extension with signed feeds", function () {
  let server: RunningFeedServer;
  let profile: string;
  let chromium: ChromiumWithExtension | undefined;
  let feedUrl: string;
  let publisher: FeedSigner;
  let stranger: FeedSigner;

  const startMs = Date.now();
  const sentAt = (minutesAgo: number) =>
    capTime(new Date(startMs - minutesAgo * 60_000));
  const first = inventedAlert({
    identifier: "TEST-SIGNED-1",
    sent: sentAt(10),
  });
  const second = inventedAlert({
    identifier: "TEST-SIGNED-2",
    sent: sentAt(5),
  });
  const third = inventedAlert({ identifier: "TEST-SIGNED-3", sent: sentAt(2) });
  const verifiedBody = capContainerXml([first]);
  const changedBody = capContainerXml([first, second]);
  const thirdBody = capContainerXml([first, second, third]);

  before(async function () {
    requireBuiltExtension(CHROME_EXTENSION_DIR);
    publisher = await makeFeedSigner();
    stranger = await makeFeedSigner();
    server = await startFeedServer();
    feedUrl = `${server.origin}/feeds/${FEED_NAME}`;
    profile = mkdtempSync(join(tmpdir(), "child-alert-signed-"));
    chromium = await launchChromium(profile);
  });

  after(async function () {
    await closeBrowser(chromium?.browser);
    await server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  function current(): ChromiumWithExtension {
    if (chromium === undefined) throw new Error("Chromium is not running.");
    return chromium;
  }

  const poll = (): Promise<PollReport> => pollExtension(current());

  async function storeSettings(settings: object): Promise<void> {
    await current().worker.evaluate(
      (value) => chrome.storage.local.set({ settings: value }),
      settings,
    );
  }

  async function storedSettings(): Promise<Record<string, unknown>> {
    const { settings } = await current().worker.evaluate(() =>
      chrome.storage.local.get("settings"),
    );
    return settings as Record<string, unknown>;
  }

  /** Polls after the notifications are cleared, so any notification shown is new. */
  async function pollAfterDismissing(): Promise<PollReport> {
    await dismissNotifications(current());
    return poll();
  }

  /** Checks that a poll rejected the feed and left the verified alert as it was. */
  async function expectRejected(
    report: PollReport,
    reason: string,
  ): Promise<void> {
    expect(report.notified, "notified").to.equal(0);
    expect(report.alerts, "alerts shown").to.equal(1);
    expect(await alertNotificationIds(current())).to.deep.equal([]);
    expect(await badgeText(current())).to.equal("1");
    const errors = report.status?.errors ?? [];
    expect(errors).to.have.length(1);
    expect(errors[0]!.url).to.equal(feedUrl);
    expect(errors[0]!.unverified).to.equal(true);
    expect(errors[0]!.message).to.contain(`${feedUrl}.sig`);
    expect(errors[0]!.message).to.contain(reason);
  }

  /** Returns the popup's notice and the headlines of the alerts it shows. */
  async function popupState(): Promise<{
    notice: string;
    hidden: boolean;
    headlines: string[];
  }> {
    const page = await openExtensionPage(
      current(),
      "popup.html",
      "body[data-ready]",
    );
    try {
      return await page.$eval("#notice", (notice) => ({
        notice: notice.textContent ?? "",
        hidden: (notice as HTMLElement).hidden,
        headlines: [
          ...(document
            .querySelector("child-alert-card")
            ?.shadowRoot?.querySelectorAll(".headline") ?? []),
        ].map((headline) => headline.textContent?.trim() ?? ""),
      }));
    } finally {
      await page.close();
    }
  }

  // Mocha runs a describe's own cases before its nested ones, so every case
  // sits in a nested block, and the blocks run in the order written.
  describe("polls", function () {
    it("notifies an alert of a correctly signed feed", async function () {
      serveSignedFeed(
        server.feeds,
        FEED_NAME,
        verifiedBody,
        await publisher.sign(verifiedBody),
      );
      await storeSettings({
        feeds: [feedUrl],
        feedKeys: { [feedUrl]: publisher.publicKey },
        place: NEAR_PLACE,
        regions: [],
        lang: "en",
      });
      const report = await poll();
      expect(report.status?.errors).to.deep.equal([]);
      expect(report.alerts).to.equal(1);
      expect(await badgeText(current())).to.equal("1");
      // The poll that the change of settings started may have notified first.
      expect(await alertNotificationIds(current())).to.have.length(1);
      expect(
        server.feeds.requestsFor(`${FEED_NAME}.sig`).length,
      ).to.be.greaterThan(0);
    });

    it("rejects a tampered feed", async function () {
      serveSignedFeed(
        server.feeds,
        FEED_NAME,
        changedBody,
        await publisher.sign(verifiedBody),
      );
      const report = await pollAfterDismissing();
      await expectRejected(report, "does not match");
    });

    it("says in the popup why the feed was rejected", async function () {
      const popup = await popupState();
      expect(popup.hidden).to.equal(false);
      expect(popup.notice).to.contain(
        `The feed “${feedUrl}” was not updated because its signature is missing or does not match the publisher's key.`,
      );
      expect(popup.notice).to.contain("last alerts that were verified");
      expect(popup.notice).not.to.contain("could not be reached");
      expect(popup.headlines).to.deep.equal([
        "TEST child abduction alert (invented)",
      ]);
    });

    it("rejects a feed without its signature", async function () {
      serveSignedFeed(server.feeds, FEED_NAME, changedBody, null);
      const report = await pollAfterDismissing();
      await expectRejected(report, "is missing (HTTP 404)");
    });

    it("rejects a signature by another key", async function () {
      serveSignedFeed(
        server.feeds,
        FEED_NAME,
        changedBody,
        await stranger.sign(changedBody),
      );
      const report = await pollAfterDismissing();
      await expectRejected(report, "does not match");
    });

    it("notifies once the changed feed verifies", async function () {
      serveSignedFeed(
        server.feeds,
        FEED_NAME,
        changedBody,
        await publisher.sign(changedBody),
      );
      const report = await pollAfterDismissing();
      expect(report.status?.errors).to.deep.equal([]);
      expect(report.notified).to.equal(1);
      expect(report.alerts).to.equal(2);
      expect(await badgeText(current())).to.equal("2");

      const popup = await popupState();
      expect(popup.hidden).to.equal(true);
      expect(popup.notice).to.equal("");
    });
  });

  describe("options page", function () {
    let page: Page;
    const keyField = "#custom-feed-key-0";

    beforeEach(async function () {
      page = await openExtensionPage(
        current(),
        "options.html",
        "form[data-loaded]",
      );
    });

    afterEach(async function () {
      await page?.close();
    });

    async function typeKey(text: string): Promise<void> {
      await page.$eval(keyField, (input) => {
        (input as HTMLInputElement).value = "";
      });
      await page.type(keyField, text);
    }

    it("shows the stored key with its label", async function () {
      const field = await page.$eval(keyField, (input) => {
        const element = input as HTMLInputElement;
        const group = element.closest('[role="group"]');
        const groupName = document.getElementById(
          group?.getAttribute("aria-labelledby") ?? "",
        );
        return {
          value: element.value,
          label: element.labels?.[0]?.textContent ?? "",
          group: groupName?.textContent ?? "",
          help: document.getElementById("feed-key-help")?.textContent ?? "",
          describedBy: element.getAttribute("aria-describedby") ?? "",
        };
      });
      expect(field.value).to.equal(publisher.publicKey);
      expect(field.label).to.equal("Publisher's public key (optional)");
      expect(field.group).to.equal(feedUrl);
      expect(field.describedBy.split(" ")).to.include("feed-key-help");
      expect(field.help).to.contain("signature matches that key");
    });

    it("shows a built-in feed's key field only when ticked", async function () {
      const demo = KNOWN_FEEDS.findIndex((feed) => feed.nameKey === "feedDemo");
      const keyHidden = () =>
        page.$eval(
          `#known-feed-key-${demo}`,
          (input) => (input.closest(".feed-key") as HTMLElement).hidden,
        );
      expect(await keyHidden()).to.equal(true);
      await page.click(`#known-feed-${demo}`);
      expect(await keyHidden()).to.equal(false);
      // Untick it again, so no save below adds the demo feed.
      await page.click(`#known-feed-${demo}`);
      expect(await keyHidden()).to.equal(true);
    });

    it("rejects an invalid key with an error", async function () {
      await typeKey("not a key");
      await page.click("#save");
      await page.waitForSelector(`${keyField}[aria-invalid="true"]`);
      const state = await page.$eval(keyField, (input) => {
        const ids = (input.getAttribute("aria-describedby") ?? "").split(" ");
        return {
          focused: document.activeElement === input,
          errors: ids.map((id) => document.getElementById(id)?.textContent),
          saveStatus: document.querySelector("#save-status")?.textContent,
        };
      });
      expect(state.focused).to.equal(true);
      expect(state.errors).to.include(
        "This is not a valid public key. Paste the key exactly as the publisher gives it: 44 characters of base64 (an Ed25519 public key), or an Ed25519 JWK.",
      );
      expect(state.saveStatus).to.equal("");
      const settings = await storedSettings();
      expect(settings.feedKeys).to.deep.equal({
        [feedUrl]: publisher.publicKey,
      });
    });

    it("saves a changed key", async function () {
      await typeKey("not a key");
      await page.click("#save");
      await page.waitForSelector(`${keyField}[aria-invalid="true"]`);

      await typeKey(stranger.publicKey);
      await page.click("#save");
      await page.waitForFunction(
        () => document.querySelector("#save-status")!.textContent !== "",
      );
      expect(await page.$(`${keyField}[aria-invalid]`)).to.equal(null);
      const settings = await storedSettings();
      expect(settings.feeds).to.deep.equal([feedUrl]);
      expect(settings.feedKeys).to.deep.equal({
        [feedUrl]: stranger.publicKey,
      });
    });
  });

  describe("after the key changed", function () {
    it("checks a changed feed with the saved key", async function () {
      // The publisher's signature does not verify under the key saved above.
      serveSignedFeed(
        server.feeds,
        FEED_NAME,
        thirdBody,
        await publisher.sign(thirdBody),
      );
      const report = await pollAfterDismissing();
      expect(report.notified).to.equal(0);
      expect(report.alerts).to.equal(2);
      expect(await badgeText(current())).to.equal("2");
      expect(report.status?.errors[0]?.unverified).to.equal(true);
    });

    it("rejects a feed with an invalid stored key", async function () {
      // Written straight to storage, as an older version or the developer
      // tools could. The feed is rejected rather than read unchecked, so
      // the third alert, unsigned, is not shown and the last two stay.
      serveSignedFeed(server.feeds, FEED_NAME, thirdBody, null);
      await storeSettings({
        feeds: [feedUrl],
        feedKeys: {
          [feedUrl]: "not a key",
          [`${server.origin}/feeds/not-chosen.xml`]: publisher.publicKey,
        },
        place: NEAR_PLACE,
        regions: [],
        lang: "en",
      });
      const report = await pollAfterDismissing();
      expect(report.status?.errors).to.have.length(1);
      expect(report.status?.errors[0]?.unverified).to.equal(true);
      expect(report.notified).to.equal(0);
      expect(report.alerts).to.equal(2);
      expect(await badgeText(current())).to.equal("2");

      const page = await openExtensionPage(
        current(),
        "options.html",
        "form[data-loaded]",
      );
      try {
        const value = await page.$eval(
          "#custom-feed-key-0",
          (input) => (input as HTMLInputElement).value,
        );
        // The options page shows the stored key, so the person can fix it.
        expect(value).to.equal("not a key");
      } finally {
        await page.close();
      }
    });
  });
});
