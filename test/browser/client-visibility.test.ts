/**
 * Polling pauses while the page is hidden and resumes with a poll when it
 * is shown again. The page is hidden for real: a server command brings
 * another tab to the front.
 */
import { executeServerCommand } from "@web/test-runner-commands";
import { expect } from "chai";
import { AlertClient } from "../../shared/client/alert-client.js";
import { MemoryAlertStore } from "../../shared/store/memory-alert-store.js";
import { recordEvents } from "../helpers/alert-client-events.js";
import { makeAlert } from "../helpers/cap-alert.js";
import { capContainerXml } from "../helpers/cap-xml.js";
import {
  feedRequests,
  feedUrl,
  setFeed,
  uniqueFeedName,
} from "../helpers/feed-harness.js";
import { deleteRaw } from "../helpers/raw-indexeddb.js";
import { waitUntil } from "../helpers/wait-until.js";

const NOW = Date.parse("2024-05-01T20:00:00Z");
const INTERVAL = 1_000;
const first = makeAlert({ identifier: "TEST-VIS-1" });
const second = makeAlert({ identifier: "TEST-VIS-2" });

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function hidePage(): Promise<void> {
  await executeServerCommand("child-alert-hide-page");
  await waitUntil(
    () => document.visibilityState === "hidden",
    "the page to be hidden",
  );
}

async function showPage(): Promise<void> {
  await executeServerCommand("child-alert-show-page");
  await waitUntil(
    () => document.visibilityState === "visible",
    "the page to be shown",
  );
}

describe("AlertClient and page visibility", () => {
  const clients: AlertClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.stop();
    if (document.visibilityState === "hidden") await showPage();
  });

  it("pauses while hidden and polls when shown", async () => {
    const feed = uniqueFeedName("visibility");
    await setFeed(feed, { body: capContainerXml([first]) });
    const client = new AlertClient({
      feeds: [await feedUrl(feed)],
      store: new MemoryAlertStore(),
      now: () => NOW,
      intervalMs: INTERVAL,
      languages: ["en"],
      retry: { maxAttempts: 1 },
    });
    clients.push(client);
    const log = recordEvents(client);
    await client.start();
    await waitUntil(
      async () => (await feedRequests(feed)).length >= 2,
      "two polls while shown",
    );

    await hidePage();
    // A poll that started just before the page was hidden may still arrive.
    await sleep(INTERVAL / 2);
    const whileHidden = (await feedRequests(feed)).length;
    await setFeed(feed, { body: capContainerXml([first, second]) });
    await sleep(4 * INTERVAL);
    expect((await feedRequests(feed)).length).to.equal(whileHidden);
    expect(client.alerts.map((view) => view.identifier)).to.deep.equal([
      "TEST-VIS-1",
    ]);

    const network = log.nextChange("network");
    await showPage();
    const change = await network;
    expect(change.added.map((view) => view.identifier)).to.deep.equal([
      "TEST-VIS-2",
    ]);
    expect((await feedRequests(feed)).length).to.be.above(whileHidden);
  });

  it("a hidden tab gives up polling", async () => {
    const feed = uniqueFeedName("visibility-lock");
    const databaseName = uniqueFeedName("visibility-db");
    await setFeed(feed, { body: capContainerXml([first]) });
    const client = new AlertClient({
      feeds: [await feedUrl(feed)],
      databaseName,
      now: () => NOW,
      intervalMs: INTERVAL,
      languages: ["en"],
      retry: { maxAttempts: 1 },
    });
    clients.push(client);
    await client.start();
    await waitUntil(() => client.pollingRole === "leader", "leadership");
    await hidePage();
    expect(client.pollingRole).to.equal("follower");
    await showPage();
    await waitUntil(
      () => client.pollingRole === "leader",
      "leadership once shown",
    );
    client.stop();
    await deleteRaw(databaseName);
  });
});
