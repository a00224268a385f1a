/**
 * The built extension in headless Chromium, loaded unpacked, against the
 * scriptable feed server on 127.0.0.1. The cases run in order and share
 * one browser profile, because they follow one alert through its life:
 * first notification, a repeat poll, an Update, a Cancel, a restart of the
 * browser, the popup with and without the network, and the options page.
 */
import { expect } from "chai";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "puppeteer-core";
import { capContainerXml, capXml } from "../helpers/cap-xml.js";
import { referenceTo } from "../helpers/cap-alert.js";
import {
  alertNotificationIds,
  badgeText,
  capTime,
  closeBrowser,
  CHROME_EXTENSION_DIR,
  dismissNotifications as dismissAll,
  inventedAlert,
  launchChromium,
  NEAR_PLACE,
  openExtensionPage,
  placeholderBase64,
  pollExtension,
  requireBuiltExtension,
  startFeedServer,
  waitFor,
  type ChromeExtensionApi,
  type ChromiumWithExtension,
  type PollReport,
  type RunningFeedServer,
} from "./extension-harness.js";

declare const chrome: ChromeExtensionApi;

describe("extension in Chromium", function () {
  let server: RunningFeedServer;
  let profile: string;
  let chromium: ChromiumWithExtension | undefined;
  let feedUrl: string;
  let photoUrl: (name: string) => string;

  before(async function () {
    requireBuiltExtension(CHROME_EXTENSION_DIR);
    server = await startFeedServer();
    feedUrl = `${server.origin}/feeds/alerts.xml`;
    photoUrl = (name) => `${server.origin}/feeds/${name}`;
    server.feeds.setFeed("photo-1.png", {
      bodyBase64: placeholderBase64(20),
      contentType: "image/png",
    });
    server.feeds.setFeed("photo-2.png", {
      bodyBase64: placeholderBase64(200),
      contentType: "image/png",
    });
    profile = mkdtempSync(join(tmpdir(), "child-alert-extension-"));
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

  const openPage = (path: string, ready: string): Promise<Page> =>
    openExtensionPage(current(), path, ready);
  const poll = (): Promise<PollReport> => pollExtension(current());
  const alertNotifications = () => alertNotificationIds(current());
  const badge = () => badgeText(current());
  const dismissNotifications = () => dismissAll(current());

  function serve(body: string): void {
    server.feeds.setFeed("alerts.xml", { body });
  }

  /** Sent times of the messages, minutes before the suite started, in order. */
  const startMs = Date.now();
  const sentAt = (minutesAgo: number) =>
    capTime(new Date(startMs - minutesAgo * 60_000));
  const first = () =>
    inventedAlert({ sent: sentAt(10), photoUrl: photoUrl("photo-1.png") });
  const firstUpdate = () =>
    inventedAlert({
      identifier: "TEST-EXT-1-UPDATE-1",
      sent: sentAt(8),
      msgType: "Update",
      references: [referenceTo(first())],
      photoUrl: photoUrl("photo-2.png"),
    });

  it("starts its service worker", async function () {
    const name = await current().worker.evaluate(
      () => chrome.runtime.getManifest().name,
    );
    expect(name).to.equal("Child Alert");
  });

  it("creates the poll alarm", async function () {
    const alarm = await waitFor("the poll alarm", () =>
      current().worker.evaluate(async () => {
        const found = await chrome.alarms.get("poll");
        return found === undefined ? undefined : found.periodInMinutes;
      }),
    );
    expect(alarm).to.equal(5);
  });

  it("polls the configured feed", async function () {
    await current().worker.evaluate(
      (settings) => chrome.storage.local.set({ settings }),
      { feeds: [feedUrl], place: NEAR_PLACE, regions: [], lang: "en" },
    );
    // The feed has no script yet: this poll fails, and it runs after the
    // one the change of settings started.
    const failed = await poll();
    expect(failed.alerts).to.equal(0);
    expect(failed.status?.errors).to.have.length(1);
    expect(server.feeds.requestsFor("alerts.xml").length).to.be.greaterThan(0);
  });

  it("notifies a new alert once and sets the badge", async function () {
    // A second alert far away must neither notify nor count.
    const far = inventedAlert({ identifier: "TEST-EXT-FAR", sent: sentAt(9) });
    far.info[0]!.area[0]!.circle = [{ lat: 60.17, lon: 24.94, radius: 10 }];
    serve(capContainerXml([first(), far]));
    const report = await poll();
    expect(report.alerts).to.equal(1);
    expect(report.notified).to.equal(1);
    expect(await alertNotifications()).to.have.length(1);
    expect(await badge()).to.equal("1");
  });

  it("does not notify again on the next poll", async function () {
    await dismissNotifications();
    const report = await poll();
    expect(report.alerts).to.equal(1);
    expect(report.notified).to.equal(0);
    expect(await alertNotifications()).to.deep.equal([]);
    expect(await badge()).to.equal("1");
  });

  it("notifies once more for an Update with a new photo", async function () {
    serve(capXml(firstUpdate()));
    const report = await poll();
    expect(report.notified).to.equal(1);
    expect(await alertNotifications()).to.have.length(1);
    expect(await badge()).to.equal("1");

    await dismissNotifications();
    const again = await poll();
    expect(again.notified).to.equal(0);
    expect(await alertNotifications()).to.deep.equal([]);
  });

  it("stays quiet for an Update that changes only text", async function () {
    const update = inventedAlert({
      identifier: "TEST-EXT-1-UPDATE-2",
      sent: sentAt(6),
      msgType: "Update",
      references: [referenceTo(firstUpdate())],
      photoUrl: photoUrl("photo-2.png"),
    });
    update.info[0]!.description = "Invented alert, description revised.";
    serve(capXml(update));
    const report = await poll();
    expect(report.alerts).to.equal(1);
    expect(report.notified).to.equal(0);
    expect(await alertNotifications()).to.deep.equal([]);
  });

  it("clears notification and badge on Cancel", async function () {
    // Bring the notification back with a new case, then cancel that case.
    const second = inventedAlert({
      identifier: "TEST-EXT-2",
      sent: sentAt(5),
      photoUrl: photoUrl("photo-1.png"),
    });
    serve(capXml(second));
    const shown = await poll();
    expect(shown.notified).to.equal(1);
    expect(shown.alerts).to.equal(2);
    expect(await badge()).to.equal("2");
    expect(await alertNotifications()).to.have.length(1);

    const cancel = inventedAlert({
      identifier: "TEST-EXT-2-CANCEL",
      sent: sentAt(4),
      msgType: "Cancel",
      references: [referenceTo(second)],
    });
    serve(capXml(cancel));
    const report = await poll();
    expect(report.alerts).to.equal(1);
    expect(report.cleared).to.equal(1);
    expect(await alertNotifications()).to.deep.equal([]);
    expect(await badge()).to.equal("1");
  });

  it("does not notify again after a restart", async function () {
    await closeBrowser(current().browser);
    chromium = undefined;
    chromium = await launchChromium(profile);
    const report = await poll();
    expect(report.alerts).to.equal(1);
    expect(report.notified).to.equal(0);
    expect(await alertNotifications()).to.deep.equal([]);
    expect(await badge()).to.equal("1");
  });

  it("keeps only hashes in the notified records", async function () {
    const stored = await current().worker.evaluate(() =>
      chrome.storage.local.get("notified"),
    );
    const text = JSON.stringify(stored);
    expect(text).not.to.include("TEST");
    expect(text).not.to.include("state-police");
    expect(Object.keys(stored.notified as object)).to.have.length(2);
  });

  it("shows the alert in the popup with its age", async function () {
    const page = await openPage("popup.html", "body[data-ready]");
    try {
      const headline = await page.$eval(
        "child-alert-card",
        (card) =>
          card.shadowRoot?.querySelector(".headline")?.textContent ?? "",
      );
      expect(headline.trim()).to.equal("TEST child abduction alert (invented)");
      const photo = await page.$eval(
        "child-alert-card",
        (card) =>
          card.shadowRoot?.querySelector("img")?.getAttribute("src") ?? "",
      );
      expect(photo).to.equal(photoUrl("photo-2.png"));
      const call = await page.$eval(
        "child-alert-card",
        (card) =>
          card.shadowRoot
            ?.querySelector('[part~="call-link"]')
            ?.getAttribute("href") ?? "",
      );
      expect(call).to.equal("tel:2100000000");
      const share = await page.$eval(
        "child-alert-card",
        (card) =>
          card.shadowRoot?.querySelector('[part~="share-button"]') !== null,
      );
      expect(share).to.equal(true);
      const age = await page.$eval("#age", (element) => element.textContent);
      expect(age).to.match(/^Updated (just now|\d+ minutes? ago)\.$/);
    } finally {
      await page.close();
    }
  });

  it("shows cached alerts in the popup offline", async function () {
    await server.close();
    const page = await openPage("popup.html", "body[data-ready]");
    try {
      await page.click("#refresh");
      await page.waitForFunction(
        () =>
          !document.querySelector<HTMLElement>("#notice")!.hidden &&
          !document.querySelector<HTMLButtonElement>("#refresh")!.disabled,
        { timeout: 40_000 },
      );
      const notice = await page.$eval(
        "#notice",
        (element) => element.textContent,
      );
      expect(notice).to.include("could not be reached");
      const headline = await page.$eval(
        "child-alert-card",
        (card) =>
          card.shadowRoot?.querySelector(".headline")?.textContent ?? "",
      );
      expect(headline.trim()).to.equal("TEST child abduction alert (invented)");
      const age = await page.$eval("#age", (element) => element.textContent);
      expect(age).to.match(/^Updated (just now|\d+ minutes? ago)\.$/);
    } finally {
      await page.close();
    }
  });

  it("saves settings from the options page", async function () {
    const page = await openPage("options.html", "form[data-loaded]");
    try {
      await page.type("#town", "Αθήνα");
      await page.$eval("#town", (input) =>
        input.dispatchEvent(new Event("change")),
      );
      await page.$eval("#radius", (input) => {
        (input as HTMLInputElement).value = "12";
      });
      await page.type("#regions", "SAME:099001");
      await page.click('input[name="events"][value="abduction"]');
      await page.select("#lang", "el");
      await page.click("#quiet");
      await page.click("#save");
      await page.waitForFunction(
        () => document.querySelector("#save-status")!.textContent !== "",
      );
      const { settings } = await current().worker.evaluate(() =>
        chrome.storage.local.get("settings"),
      );
      expect(settings).to.deep.include({
        feeds: [feedUrl],
        place: { lat: 37.984, lon: 23.728, radius: 12 },
        placeName: "Αθήνα",
        regions: ["SAME:099001"],
        lang: "el",
        events: ["abduction"],
        quietHours: { start: "22:00", end: "07:00" },
        intervalMinutes: 5,
      });
    } finally {
      await page.close();
    }
  });

  it("applies changed settings at once", async function () {
    expect(await badge()).to.equal("1");
    // Lisbon, far from both invented areas; the feed server is stopped, so
    // the poll that follows the change filters the alerts kept on the device.
    await current().worker.evaluate(
      (settings) => chrome.storage.local.set({ settings }),
      {
        feeds: [feedUrl],
        place: { lat: 38.722, lon: -9.139, radius: 10 },
        regions: [],
        lang: "en",
      },
    );
    const text = await waitFor("the badge to clear", async () => {
      const value = await badge();
      return value === "" ? value : undefined;
    });
    expect(text).to.equal("");
    const { shownAlerts } = await current().worker.evaluate(() =>
      chrome.storage.local.get("shownAlerts"),
    );
    expect(shownAlerts).to.deep.equal([]);
  });
});
