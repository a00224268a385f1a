/**
 * A found child is forgotten: after one poll that cancels or ends an
 * alert, nothing of it remains in IndexedDB (only its tombstone's
 * sender, identifier and sent) or in Cache Storage. The test scans every
 * object store and every cached request, not only the ones the client
 * uses.
 */
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import type { ForgetDetail } from "../../shared/client/client-events.js";
import { PHOTO_CACHE_NAME } from "../../shared/client/forget-alerts.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import type { CapAlert } from "../../shared/model/cap.js";
import { IdbAlertStore } from "../../shared/store/idb-alert-store.js";
import {
  makeAlert,
  makeInfo,
  referenceTo,
  TEST_SENDER,
} from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import { feedUrl, setFeed, uniqueFeedName } from "../helpers/feed-harness.js";
import { dumpDatabase } from "../helpers/raw-indexeddb.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");

/** Text that appears only in the forgotten alert. */
const SECRET_HEADLINE = "TEST invented child Zephyrine, age 7";
const SECRET_DESCRIPTION = "Invented description: red coat, blue shoes.";

/** An invented 1x1 PNG, as a photo server would send it. */
const PNG_BYTES = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  ),
  (character) => character.charCodeAt(0),
);

interface Scenario {
  identifier: string;
  photoUrl: string;
  otherPhotoUrl: string;
  alert: CapAlert;
}

async function scenario(label: string): Promise<Scenario> {
  const identifier = `TEST-FORGET-${uniqueFeedName(label)}`;
  const photoUrl = await feedUrl(`${identifier}.png`);
  const otherPhotoUrl = await feedUrl(`${uniqueFeedName("other")}.png`);
  const alert = makeAlert({
    identifier,
    info: [
      makeInfo({
        headline: SECRET_HEADLINE,
        description: SECRET_DESCRIPTION,
        expires: "2024-05-01T21:00:00Z",
        resource: [
          {
            resourceDesc: "Photo (invented placeholder)",
            mimeType: "image/png",
            uri: photoUrl,
          },
        ],
      }),
    ],
  });
  // The partner service worker would have cached the photo as the page
  // showed it, and another of the site's images beside it.
  const cache = await caches.open(PHOTO_CACHE_NAME);
  for (const url of [photoUrl, otherPhotoUrl]) {
    await cache.put(
      url,
      new Response(PNG_BYTES, { headers: { "Content-Type": "image/png" } }),
    );
  }
  return { identifier, photoUrl, otherPhotoUrl, alert };
}

/** Lists every cached request URL of every Cache Storage cache of the origin. */
async function cachedUrls(): Promise<string[]> {
  const urls: string[] = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(request.url);
  }
  return urls;
}

/** Checks that nothing of the scenario's alert is left in the database or in Cache Storage. */
async function expectForgotten(
  databaseName: string,
  { identifier, photoUrl, otherPhotoUrl }: Scenario,
): Promise<void> {
  const dump = await dumpDatabase(databaseName);
  expect(Object.keys(dump.stores).sort()).to.deep.equal([
    "alerts",
    "feeds",
    "tombstones",
  ]);
  for (const [storeName, { records }] of Object.entries(dump.stores)) {
    for (const record of records) {
      const text = JSON.stringify(record);
      expect(text, storeName).not.to.contain(SECRET_HEADLINE);
      expect(text, storeName).not.to.contain(SECRET_DESCRIPTION);
      expect(text, storeName).not.to.contain(photoUrl);
      if (storeName === "tombstones") continue;
      expect(text, storeName).not.to.contain(identifier);
    }
  }
  const tombstones = dump.stores["tombstones"]!.records as Record<
    string,
    unknown
  >[];
  const tombstone = tombstones.find(
    (record) => record["identifier"] === identifier,
  );
  expect(tombstone, "the tombstone").to.not.equal(undefined);
  expect(Object.keys(tombstone!).sort()).to.deep.equal(
    ["endedMs", "identifier", "key", "reason", "sender", "sent"].sort(),
  );

  const urls = await cachedUrls();
  expect(urls).not.to.include(photoUrl);
  expect(urls.filter((url) => url.includes(identifier))).to.deep.equal([]);
  // The client deletes only its alerts' photos.
  expect(urls).to.include(otherPhotoUrl);
}

describe("AlertClient forgets an ended alert", () => {
  const clients: AlertClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
  });

  function makeClient(
    url: string,
    databaseName: string,
    clock: { now: number },
  ): { client: AlertClient; forgotten: ForgetDetail[] } {
    const client = new AlertClient({
      feeds: [url],
      databaseName,
      now: () => clock.now,
      intervalMs: 3_600_000,
      languages: ["en"],
      retry: { maxAttempts: 1 },
    });
    clients.push(client);
    const forgotten: ForgetDetail[] = [];
    client.addEventListener("forget", (event) => forgotten.push(event.detail));
    return { client, forgotten };
  }

  it("leaves nothing of a cancelled alert", async () => {
    const databaseName = uniqueFeedName("forget-cancel-db");
    const feed = uniqueFeedName("forget-cancel");
    const url = await feedUrl(feed);
    const setup = await scenario("cancel");
    await setFeed(feed, { body: capContainerXml([setup.alert]) });
    const { client, forgotten } = makeClient(url, databaseName, { now: NOW });
    await client.start();
    await client.refresh();
    expect(client.alerts.map((view) => view.identifier)).to.deep.equal([
      setup.identifier,
    ]);
    expect(JSON.stringify(await dumpDatabase(databaseName))).to.contain(
      SECRET_HEADLINE,
    );

    const cancel = makeAlert({
      identifier: `${setup.identifier}-CANCEL`,
      sent: "2024-05-01T14:50:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(setup.alert)],
    });
    await setFeed(feed, { body: capContainerXml([cancel]) });
    await client.refresh();
    expect(client.alerts).to.deep.equal([]);
    expect(forgotten).to.deep.equal([
      {
        keys: [alertKey(TEST_SENDER, setup.identifier)],
        photoUrls: [setup.photoUrl],
      },
    ]);
    await expectForgotten(databaseName, setup);
    client.stop();
    await IdbAlertStore.deleteDatabase(databaseName);
  });

  it("prunes tombstones after their retention", async () => {
    const databaseName = uniqueFeedName("forget-prune-db");
    const feed = uniqueFeedName("forget-prune");
    const url = await feedUrl(feed);
    const setup = await scenario("prune");
    const cancel = makeAlert({
      identifier: `${setup.identifier}-CANCEL`,
      sent: "2024-05-01T14:50:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(setup.alert)],
    });
    await setFeed(feed, { body: capContainerXml([setup.alert]) });
    const first = makeClient(url, databaseName, { now: NOW });
    await first.client.start();
    await first.client.refresh();
    await setFeed(feed, { body: capContainerXml([cancel]) });
    await first.client.refresh();
    first.client.stop();
    const tombstoneIdentifiers = async () =>
      (
        (await dumpDatabase(databaseName)).stores["tombstones"]!
          .records as Record<string, unknown>[]
      ).map((record) => record["identifier"]);
    expect(await tombstoneIdentifiers()).to.include(setup.identifier);

    // A visit 31 days later, while the feed is down: the 30-day retention
    // has passed, so the tombstones go before anything is fetched.
    await setFeed(feed, { body: "down", status: 503 });
    const later = makeClient(url, databaseName, {
      now: NOW + 31 * 86_400_000,
    });
    await later.client.start();
    expect(await tombstoneIdentifiers()).to.deep.equal([]);
    later.client.stop();
    await IdbAlertStore.deleteDatabase(databaseName);
  });

  it("leaves nothing of an expired alert", async () => {
    const databaseName = uniqueFeedName("forget-expire-db");
    const feed = uniqueFeedName("forget-expire");
    const url = await feedUrl(feed);
    const setup = await scenario("expire");
    await setFeed(feed, { body: capContainerXml([setup.alert]) });
    const clock = { now: NOW };
    const { client } = makeClient(url, databaseName, clock);
    await client.start();
    await client.refresh();
    expect(client.alerts).to.have.length(1);

    // The alert ends at 21:00Z; the feed still lists it.
    clock.now = Date.parse("2024-05-01T21:00:01Z");
    await client.refresh();
    expect(client.alerts).to.deep.equal([]);
    await expectForgotten(databaseName, setup);
    client.stop();
    await IdbAlertStore.deleteDatabase(databaseName);
  });
});
