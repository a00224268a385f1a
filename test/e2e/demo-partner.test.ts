/**
 * The partner portal page of the built demo, in headless Chromium: the
 * banner, its service worker, offline use, forgetting ended alerts' photos
 * and the CAP documents a feed links, and picking up a new build of the
 * widget.
 *
 * The tests run in order on one browser profile, because each builds on the
 * service worker and caches the previous one left. The demo is served from
 * a copy of dist/, which the last test changes.
 *
 * `page.setOfflineMode` does not reach the service worker's own requests in
 * Chromium (checked while writing this test: the worker still fetched the
 * feed from the server), so the offline test stops the demo server too.
 */
import { expect } from "chai";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { Browser, Page } from "puppeteer-core";
import { PARTNER_PAGE_CSP } from "../../demo/server/partner-csp.js";
import {
  closeBrowser,
  control,
  copyDist,
  launchChromium,
  removeCopy,
  requireBuiltDemo,
  startDemo,
  waitFor,
  type RunningDemo,
} from "./demo-harness.js";

const PHOTO_CACHE = "child-alert-photos-v1";

interface BannerState {
  identifiers: string[];
  headlines: string[];
  staleNotice: string | null;
  photos: { src: string; width: number }[];
}

/** Reads the partner banner: its alerts, its stale-data notice and its loaded photos. */
function readBanner(page: Page): Promise<BannerState | null> {
  return page.evaluate(() => {
    const banner = document.getElementById("child-alert-partner-banner") as
      | (HTMLElement & { alerts?: { identifier: string; headline: string }[] })
      | null;
    if (banner === null || banner.alerts === undefined) return null;
    const layout = banner.shadowRoot?.querySelector("[data-layout]");
    const notice = layout?.shadowRoot?.querySelector("[part~='stale-notice']");
    const images = [...(layout?.shadowRoot?.querySelectorAll("img") ?? [])];
    return {
      identifiers: banner.alerts.map((alert) => alert.identifier),
      headlines: banner.alerts.map((alert) => alert.headline),
      staleNotice: notice?.textContent?.trim() ?? null,
      photos: images.map((image) => ({
        src: image.src,
        width: image.complete ? image.naturalWidth : 0,
      })),
    };
  });
}

/** Lists the URLs in the photo cache, read in the page. */
function cachedPhotos(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    const keys = await (await caches.open(name)).keys();
    return keys.map((request) => request.url);
  }, PHOTO_CACHE);
}

/** One record of the origin's storage, with the place that keeps it and its key and value as JSON, or its URL. */
interface StoredRecord {
  place: string;
  text: string;
}

/**
 * Reads the origin's storage that the page, the client or the service
 * worker can write: every object store of every IndexedDB database (keys
 * and values), the request URLs (not the bodies) of every Cache Storage
 * cache, and `localStorage` and `sessionStorage`.
 */
function readOriginStorage(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(async () => {
    const records: { place: string; text: string }[] = [];
    for (const info of await indexedDB.databases()) {
      if (info.name === undefined) continue;
      const opening = indexedDB.open(info.name);
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      for (const storeName of [...database.objectStoreNames]) {
        const store = database.transaction(storeName).objectStore(storeName);
        const keysRequest = store.getAllKeys();
        const valuesRequest = store.getAll();
        const [keys, values] = await new Promise<[IDBValidKey[], unknown[]]>(
          (resolve, reject) => {
            valuesRequest.onsuccess = () =>
              resolve([keysRequest.result, valuesRequest.result]);
            valuesRequest.onerror = () => reject(valuesRequest.error);
          },
        );
        keys.forEach((key, index) => {
          records.push({
            place: `IndexedDB ${info.name}/${storeName}`,
            text: JSON.stringify({ key, value: values[index] }),
          });
        });
      }
      database.close();
    }
    for (const cacheName of await caches.keys()) {
      const requests = await (await caches.open(cacheName)).keys();
      for (const request of requests) {
        records.push({
          place: `Cache Storage ${cacheName}`,
          text: request.url,
        });
      }
    }
    for (const [place, storage] of [
      ["localStorage", localStorage],
      ["sessionStorage", sessionStorage],
    ] as const) {
      for (let index = 0; index < storage.length; index += 1) {
        const key = storage.key(index)!;
        const text = JSON.stringify({ key, value: storage.getItem(key) });
        records.push({ place, text });
      }
    }
    return records;
  });
}

/** Returns "place: text" for each record that contains one of `needles`. */
function recordsNaming(
  records: readonly StoredRecord[],
  needles: readonly string[],
): string[] {
  return records
    .filter((record) => needles.some((needle) => record.text.includes(needle)))
    .map((record) => `${record.place}: ${record.text}`);
}

/** One Cache Storage entry: its cache, its request URL and its body as text. */
interface CachedBody {
  cacheName: string;
  url: string;
  body: string;
}

/** Reads the request URL and body of every entry of every Cache Storage cache. */
function readCacheBodies(page: Page): Promise<CachedBody[]> {
  return page.evaluate(async () => {
    const entries: { cacheName: string; url: string; body: string }[] = [];
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request, { ignoreVary: true });
        const body = response === undefined ? "" : await response.text();
        entries.push({ cacheName, url: request.url, body });
      }
    }
    return entries;
  });
}

/** The client's store of ended messages, which keeps their identifiers (see `Tombstone`). */
const TOMBSTONE_STORE = "IndexedDB child-alert/tombstones";

/** Makes the banner poll now and waits until it rendered the result. */
async function refreshBanner(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const banner = document.getElementById("child-alert-partner-banner") as
      (HTMLElement & { refresh(): Promise<void> }) | null;
    await banner?.refresh();
  });
}

async function waitForControl(page: Page): Promise<string> {
  return waitFor("the service worker to control the page", async () => {
    const url = await page.evaluate(
      () => navigator.serviceWorker.controller?.scriptURL ?? null,
    );
    return url ?? undefined;
  });
}

async function waitForPhoto(page: Page, name: string, present: boolean) {
  await waitFor(
    `${name} to be ${present ? "in" : "gone from"} the photo cache`,
    async () => {
      const photos = await cachedPhotos(page);
      const found = photos.some((url) => url.endsWith(`/photos/${name}`));
      return found === present ? true : undefined;
    },
    30_000,
  );
}

describe("demo partner portal", function () {
  let root: string;
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;
  let partnerUrl: string;
  const pageErrors: string[] = [];
  /** Console errors that report a Content-Security-Policy or Trusted Types violation. */
  const policyViolations: string[] = [];

  before(async () => {
    requireBuiltDemo();
    root = copyDist();
    demo = await startDemo(root);
    partnerUrl = new URL("/partner.html", demo.url).href;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    page.on("console", (message) => {
      const text = message.text();
      if (
        message.type() === "error" &&
        /Content Security Policy|Trusted ?Script|Trusted Types/i.test(text)
      ) {
        policyViolations.push(text);
      }
    });
  });

  after(async () => {
    await closeBrowser(browser);
    await demo?.close();
    if (root !== undefined) removeCopy(root);
  });

  it("activates the service worker", async () => {
    const response = await page.goto(partnerUrl);
    expect(response?.headers()["content-security-policy"]).to.equal(
      PARTNER_PAGE_CSP,
    );
    const scriptUrl = new URL(await waitForControl(page));
    expect(scriptUrl.pathname).to.equal("/child-alert-sw.js");
    expect(scriptUrl.searchParams.getAll("feed")).to.deep.equal([
      new URL("/feeds/demo.atom", demo.url).href,
    ]);
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return {
        active: registration?.active?.state,
        scope: registration?.scope,
      };
    });
    expect(state.active).to.equal("activated");
    expect(state.scope).to.equal(demo.url);
  });

  it("puts a sticky banner above the site header", async () => {
    await waitFor("the banner's alerts", async () => {
      const banner = await readBanner(page);
      return banner !== null && banner.identifiers.length > 0
        ? true
        : undefined;
    });
    const placement = await page.evaluate(() => {
      const banner = document.getElementById("child-alert-partner-banner")!;
      const header = document.querySelector("header.site")!;
      return {
        firstChild: document.body.firstElementChild === banner,
        beforeHeader: Boolean(
          banner.compareDocumentPosition(header) &
          Node.DOCUMENT_POSITION_FOLLOWING,
        ),
        position: getComputedStyle(banner).position,
        top: getComputedStyle(banner).top,
        layout: banner.getAttribute("layout"),
        lang: banner.getAttribute("lang"),
        bannerBottom: banner.getBoundingClientRect().bottom,
        headerTop: header.getBoundingClientRect().top,
      };
    });
    expect(placement.firstChild, "first child of body").to.equal(true);
    expect(placement.beforeHeader, "before the header").to.equal(true);
    expect(placement.position).to.equal("sticky");
    expect(placement.top).to.equal("0px");
    expect(placement.layout).to.equal("banner");
    expect(placement.lang).to.equal("el");
    expect(placement.headerTop).to.be.at.least(placement.bannerBottom - 1);
    const banner = await readBanner(page);
    expect(banner!.identifiers).to.include.members([
      "DEMO-ATH-0001",
      "DEMO-PIR-0001",
    ]);
    expect(banner!.identifiers).to.not.include("DEMO-SKG-0001");

    // The height is kept for the next page to reserve.
    const remembered = await waitFor(
      "the remembered banner height",
      async () => {
        const value = await page.evaluate(() =>
          localStorage.getItem("child-alert:partner-banner-height"),
        );
        return Number(value) > 0 ? Number(value) : undefined;
      },
    );
    expect(remembered).to.equal(Math.round(placement.bannerBottom));
  });

  it("caches the feed and the shown photos", async () => {
    // The first load's requests went out before the worker took control.
    await refreshBanner(page);
    await page.reload();
    await waitForPhoto(page, "demo-ath-0001.png", true);
    await waitForPhoto(page, "demo-pir-0001.png", true);
    const feeds = await page.evaluate(async () => {
      const keys = await (await caches.open("child-alert-feeds-v1")).keys();
      return keys.map((request) => new URL(request.url).pathname);
    });
    expect(feeds).to.deep.equal(["/feeds/demo.atom"]);
  });

  it("deletes each replaced or cancelled photo", async () => {
    const endedIdentifiers: string[] = [];
    const endedPhotos: string[] = [];
    const collectCaseTraces = async (photo: string) => {
      const banner = await readBanner(page);
      endedIdentifiers.push(
        ...banner!.identifiers.filter((id) => id.startsWith("DEMO-SEQ")),
      );
      const photos = await cachedPhotos(page);
      endedPhotos.push(...photos.filter((url) => url.endsWith(`/${photo}`)));
    };

    expect(await control(demo, "step")).to.equal("new");
    await refreshBanner(page);
    await waitForPhoto(page, "demo-seq-1.png", true);
    await collectCaseTraces("demo-seq-1.png");

    expect(await control(demo, "step")).to.equal("updated");
    await refreshBanner(page);
    await waitForPhoto(page, "demo-seq-2.png", true);
    await collectCaseTraces("demo-seq-2.png");
    await waitForPhoto(page, "demo-seq-1.png", false);

    expect(await control(demo, "step")).to.equal("ended");
    await refreshBanner(page);
    await waitForPhoto(page, "demo-seq-2.png", false);
    const banner = await readBanner(page);
    expect(
      banner!.identifiers.filter((id) => id.startsWith("DEMO-SEQ")),
    ).to.deep.equal([]);
    const photos = await cachedPhotos(page);
    expect(photos.some((url) => url.endsWith("/photos/demo-ath-0001.png"))).to
      .be.true;

    // No trace of the case is left in any storage of the origin. The only
    // exception is the client's tombstones, which keep the identifiers (and
    // nothing else) so that the ended messages never come back.
    expect(endedIdentifiers).to.have.length(2);
    expect(endedPhotos).to.have.length(2);
    const records = await readOriginStorage(page);
    expect(records.length, "records read").to.be.greaterThan(0);
    expect(recordsNaming(records, endedPhotos), "photo URLs").to.deep.equal([]);
    const outsideTombstones = records.filter(
      (record) => record.place !== TOMBSTONE_STORE,
    );
    expect(
      recordsNaming(outsideTombstones, endedIdentifiers),
      "identifiers",
    ).to.deep.equal([]);
    const tombstones = records.filter(
      (record) =>
        record.place === TOMBSTONE_STORE &&
        endedIdentifiers.some((id) => record.text.includes(id)),
    );
    expect(tombstones, "tombstones").to.have.length(2);
    for (const tombstone of tombstones) {
      const { value } = JSON.parse(tombstone.text) as { value: object };
      expect(Object.keys(value).sort(), tombstone.text).to.deep.equal([
        "endedMs",
        "identifier",
        "key",
        "reason",
        "sender",
        "sent",
      ]);
    }
  });

  it("prunes photos with no banner page open", async () => {
    expect(await control(demo, "reset")).to.equal("idle");
    expect(await control(demo, "step")).to.equal("new");
    await refreshBanner(page);
    // The page showed this photo URL in the first run. An image in the
    // page's memory cache is not requested again, but a new page requests it.
    await page.reload();
    await waitForPhoto(page, "demo-seq-1.png", true);

    // No page with a client is open while the case ends.
    await page.goto(new URL("/widget/i18n/de.json", demo.url).href);
    expect(await control(demo, "step")).to.equal("updated");
    expect(await control(demo, "step")).to.equal("ended");
    expect(await cachedPhotos(page)).to.satisfy((urls: string[]) =>
      urls.some((url) => url.endsWith("/photos/demo-seq-1.png")),
    );

    // Any request of the feed through the worker, here from a page with no
    // widget, brings the Cancel to the worker.
    const status = await page.evaluate(async () => {
      const response = await fetch("/feeds/demo.atom", { cache: "no-store" });
      return response.status;
    });
    expect(status).to.equal(200);
    await waitForPhoto(page, "demo-seq-1.png", false);
    await waitForPhoto(page, "demo-ath-0001.png", true);

    // The worker left no record of the photo. The client's database still
    // contains the alert, because no client saw the Cancel yet.
    const photo = new URL("/feeds/photos/demo-seq-1.png", demo.url).href;
    const workerRecords = (await readOriginStorage(page)).filter(
      (record) => !record.place.startsWith("IndexedDB child-alert/"),
    );
    expect(workerRecords.length, "records read").to.be.greaterThan(0);
    expect(recordsNaming(workerRecords, [photo])).to.deep.equal([]);
  });

  it("shows cached alerts offline, marked out of date", async () => {
    await page.goto(partnerUrl);
    await waitForControl(page);
    await refreshBanner(page);
    const online = await readBanner(page);
    expect(online!.identifiers).to.include("DEMO-ATH-0001");

    const port = new URL(demo.url).port;
    await demo.close();
    await page.setOfflineMode(true);
    try {
      await page.reload();
      const offline = await waitFor(
        "the stale-data notice",
        async () => {
          const banner = await readBanner(page);
          return banner?.staleNotice ? banner : undefined;
        },
        90_000,
      );
      expect(offline.identifiers).to.include.members([
        "DEMO-ATH-0001",
        "DEMO-PIR-0001",
      ]);
      expect(offline.staleNotice).to.match(/ίσως δεν είναι ενημερωμένα/);
      expect(offline.photos.length).to.be.greaterThan(0);
      for (const photo of offline.photos) {
        expect(photo.width, `${photo.src} loaded`).to.be.greaterThan(0);
      }
      const onLine = await page.evaluate(() => navigator.onLine);
      expect(onLine).to.equal(false);
    } finally {
      await page.setOfflineMode(false);
      demo = await startDemo(root, Number(port));
    }
  });

  it("tells the page about a new widget build", async () => {
    await page.goto(partnerUrl);
    await waitForControl(page);
    await page.evaluate(() => {
      const events: string[] = [];
      (window as unknown as { updates: string[] }).updates = events;
      document.addEventListener("child-alert-update", (event) => {
        events.push(
          (event as CustomEvent<{ scriptUrl: string }>).detail.scriptUrl,
        );
      });
    });

    // A new build: partner.js changes, and so does its revision in the
    // worker's precache list.
    const partnerPath = `${root}widget/partner.js`;
    const workerPath = `${root}demo/child-alert-sw.js`;
    const oldRevision = revision(readFileSync(partnerPath));
    writeFileSync(
      partnerPath,
      `${readFileSync(partnerPath, "utf8")}\n/* rebuilt for the update test */\n`,
    );
    const newRevision = revision(readFileSync(partnerPath));
    const worker = readFileSync(workerPath, "utf8");
    expect(worker).to.include(oldRevision);
    writeFileSync(workerPath, worker.replaceAll(oldRevision, newRevision));

    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    const updates = await waitFor("the child-alert-update event", async () => {
      const seen = await page.evaluate(
        () => (window as unknown as { updates: string[] }).updates,
      );
      return seen.length > 0 ? seen : undefined;
    });
    expect(new URL(updates[0]!).pathname).to.equal("/child-alert-sw.js");

    // The page's next request gets the new file from the new precache.
    const served = await page.evaluate(async () => {
      const response = await fetch("/widget/partner.js");
      return response.text();
    });
    expect(served).to.include("rebuilt for the update test");
    await page.reload();
    await waitFor("the banner after the update", async () => {
      const banner = await readBanner(page);
      return banner !== null && banner.identifiers.length > 0
        ? true
        : undefined;
    });
    expect(pageErrors).to.deep.equal([]);
  });

  it("caused no CSP or Trusted Types violation", () => {
    // Every page load above was under PARTNER_PAGE_CSP, which enforces
    // Trusted Types, from the server or from the precache.
    expect(policyViolations).to.deep.equal([]);
  });
});

describe("demo partner portal with linked CAP documents", function () {
  let root: string;
  let demo: RunningDemo;
  let browser: Browser;
  let page: Page;

  before(async () => {
    requireBuiltDemo();
    root = copyDist();
    // A copy of the partner page whose banner reads the feed of thin
    // entries, which link each alert's CAP document instead of embedding it.
    const partner = readFileSync(`${root}demo/partner.html`, "utf8");
    const linksPage = partner.replace(
      'data-feed="/feeds/demo.atom"',
      'data-feed="/feeds/demo-links.atom"',
    );
    expect(linksPage, "feed of the partner page").to.not.equal(partner);
    writeFileSync(`${root}demo/partner-links.html`, linksPage);
    demo = await startDemo(root);
    browser = await launchChromium();
    page = await browser.newPage();
  });

  after(async () => {
    await closeBrowser(browser);
    await demo?.close();
    if (root !== undefined) removeCopy(root);
  });

  const documentUrl = (identifier: string) =>
    new URL(`/feeds/cap/${identifier}.xml`, demo.url).href;

  /** Waits until the feed cache does or does not contain `url`. */
  async function waitForCachedFeed(url: string, present: boolean) {
    await waitFor(
      `${url} to be ${present ? "in" : "gone from"} the feed cache`,
      async () => {
        const urls = await page.evaluate(async () => {
          const cache = await caches.open("child-alert-feeds-v1");
          return (await cache.keys()).map((request) => request.url);
        });
        return urls.includes(url) === present ? true : undefined;
      },
      30_000,
    );
  }

  async function caseIdentifiersShown(): Promise<string[]> {
    const banner = await readBanner(page);
    return banner!.identifiers.filter((id) => id.startsWith("DEMO-SEQ"));
  }

  it("deletes an ended alert's linked documents", async () => {
    await page.goto(new URL("/partner-links.html", demo.url).href);
    await waitForControl(page);
    // The first load's requests went out before the worker took control.
    await refreshBanner(page);
    await page.reload();
    await waitForControl(page);

    expect(await control(demo, "step")).to.equal("new");
    await refreshBanner(page);
    await waitForCachedFeed(documentUrl("DEMO-SEQ-1-0001"), true);
    expect(await caseIdentifiersShown()).to.deep.equal(["DEMO-SEQ-1-0001"]);

    // The Update replaces the first version, so its document goes too.
    expect(await control(demo, "step")).to.equal("updated");
    await refreshBanner(page);
    await waitForCachedFeed(documentUrl("DEMO-SEQ-1-0002"), true);
    expect(await caseIdentifiersShown()).to.deep.equal(["DEMO-SEQ-1-0002"]);
    await waitForCachedFeed(documentUrl("DEMO-SEQ-1-0001"), false);

    expect(await control(demo, "step")).to.equal("ended");
    await refreshBanner(page);
    expect(await caseIdentifiersShown()).to.deep.equal([]);

    // No cached URL or workbox-expiration record names a document of the
    // case (the Cancel's included), and no cached body but the live feed's
    // contains an ended identifier.
    const caseDocuments = new URL("/feeds/cap/DEMO-SEQ-", demo.url).href;
    const endedIdentifiers = ["DEMO-SEQ-1-0001", "DEMO-SEQ-1-0002"];
    const liveFeed = new URL("/feeds/demo-links.atom", demo.url).href;
    const readCaseTraces = async () => {
      const traces: string[] = [];
      for (const entry of await readCacheBodies(page)) {
        const place = `Cache Storage ${entry.cacheName}: ${entry.url}`;
        if (entry.url.startsWith(caseDocuments)) {
          traces.push(place);
        } else if (
          entry.url !== liveFeed &&
          endedIdentifiers.some((id) => entry.body.includes(id))
        ) {
          traces.push(`${place} (body)`);
        }
      }
      // readCacheBodies covered Cache Storage above.
      const records = (await readOriginStorage(page)).filter(
        (record) => !record.place.startsWith("Cache Storage "),
      );
      traces.push(...recordsNaming(records, [caseDocuments]));
      return traces;
    };
    // The worker deletes them after it cached the Cancel's document, which
    // can be after the page got that response.
    await waitFor(
      "the case's documents to be deleted",
      async () => ((await readCaseTraces()).length === 0 ? true : undefined),
      30_000,
    ).catch(() => undefined);
    expect(await readCaseTraces()).to.deep.equal([]);
    const records = await readOriginStorage(page);
    expect(
      records.filter((record) =>
        record.place.startsWith("IndexedDB workbox-expiration/"),
      ),
      "workbox-expiration records",
    ).to.not.deep.equal([]);
  });
});

/** Returns the precache revision that the build gives a file (see demo/build/precache-files.ts). */
function revision(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}
