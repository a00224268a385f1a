/**
 * One poller per origin. Each tab is a same-origin iframe running its own
 * client (test/helpers/client-tab.html), so each has its own Web Lock
 * holder, and removing the iframe closes the tab: the browser releases its
 * lock. Requests are counted in the feed server's log and by each tab.
 */
import { expect } from "chai";
import type { ClientTab } from "../helpers/client-tab.js";
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
const first = makeAlert({ identifier: "TEST-TAB-1" });
const second = makeAlert({ identifier: "TEST-TAB-2" });

const frames: HTMLIFrameElement[] = [];

/** Opens a tab: an iframe whose client polls `feeds` with database `db`. */
async function openTab(
  feeds: string[],
  db: string,
  extra: Record<string, string> = {},
): Promise<HTMLIFrameElement> {
  const query = new URLSearchParams({
    feeds: feeds.join(","),
    db,
    interval: String(INTERVAL),
    now: String(NOW),
    ...extra,
  });
  const frame = document.createElement("iframe");
  frame.src = `/test/helpers/client-tab.html?${query}`;
  document.body.append(frame);
  frames.push(frame);
  await waitUntil(
    () => tabOf(frame)?.client.storeKind !== undefined,
    "the tab's client to open its store",
  );
  return frame;
}

function tabOf(frame: HTMLIFrameElement): ClientTab | undefined {
  return (frame.contentWindow as (Window & { clientTab?: ClientTab }) | null)
    ?.clientTab;
}

function tab(frame: HTMLIFrameElement): ClientTab {
  const found = tabOf(frame);
  if (found === undefined) throw new Error("The tab has no client.");
  return found;
}

function closeTab(frame: HTMLIFrameElement): void {
  frame.remove();
  frames.splice(frames.indexOf(frame), 1);
}

function shown(frame: HTMLIFrameElement): string[] {
  return tab(frame)
    .client.alerts.map((view) => view.identifier)
    .sort();
}

describe("AlertClient across tabs", () => {
  const databases: string[] = [];
  afterEach(async () => {
    for (const frame of frames.splice(0)) frame.remove();
    for (const name of databases.splice(0)) await deleteRaw(name);
  });

  function database(): string {
    const name = uniqueFeedName("tabs-db");
    databases.push(name);
    return name;
  }

  it("ten tabs make one request per interval", async () => {
    const feed = uniqueFeedName("tabs-ten");
    const url = await feedUrl(feed);
    await setFeed(feed, { body: capContainerXml([first]) });
    const db = database();
    const tabs: HTMLIFrameElement[] = [];
    for (let index = 0; index < 10; index += 1) {
      tabs.push(await openTab([url], db));
    }
    await waitUntil(
      () => tabs.every((frame) => shown(frame).includes("TEST-TAB-1")),
      "every tab to show the alert",
    );
    await waitUntil(
      async () => (await feedRequests(feed)).length >= 4,
      "four polls",
    );

    const requests = await feedRequests(feed);
    const leaders = tabs.filter(
      (frame) => tab(frame).client.pollingRole === "leader",
    );
    expect(leaders).to.have.length(1);
    const fetching = tabs.filter((frame) => tab(frame).fetches > 0);
    expect(fetching).to.deep.equal(leaders);

    // The leader may have sent one more request since the log was read.
    expect(tab(leaders[0]!).fetches).to.be.within(
      requests.length,
      requests.length + 1,
    );
    // One request per interval: ten pollers would make ten. The server
    // logs arrival times, a few milliseconds off the client's timers, hence
    // ceil. A slow machine makes fewer requests, never more.
    const spanMs = requests.at(-1)!.time - requests[0]!.time;
    expect(requests.length).to.be.at.most(Math.ceil(spanMs / INTERVAL) + 1);
    for (const frame of tabs) {
      expect(tab(frame).storeErrors).to.deep.equal([]);
      expect(tab(frame).client.stale).to.equal(false);
    }
  });

  it("closing the polling tab hands over", async () => {
    const feed = uniqueFeedName("tabs-handover");
    const url = await feedUrl(feed);
    await setFeed(feed, { body: capContainerXml([first]) });
    const db = database();
    const tabs = [
      await openTab([url], db),
      await openTab([url], db),
      await openTab([url], db),
    ];
    await waitUntil(
      () => tabs.some((frame) => tab(frame).client.pollingRole === "leader"),
      "a leader",
    );
    const leader = tabs.find(
      (frame) => tab(frame).client.pollingRole === "leader",
    )!;
    await waitUntil(() => tab(leader).fetches > 0, "the leader's first poll");
    const others = tabs.filter((frame) => frame !== leader);
    closeTab(leader);

    await setFeed(feed, { body: capContainerXml([first, second]) });
    await waitUntil(
      () => others.every((frame) => shown(frame).includes("TEST-TAB-2")),
      "the other tabs to show the new alert",
    );
    const newLeaders = others.filter(
      (frame) => tab(frame).client.pollingRole === "leader",
    );
    expect(newLeaders).to.have.length(1);
    expect(newLeaders[0]!.isConnected).to.equal(true);
    const fetching = others.filter((frame) => tab(frame).fetches > 0);
    expect(fetching).to.deep.equal(newLeaders);
  });

  it("refresh in a follower polls through the leader", async () => {
    const feed = uniqueFeedName("tabs-refresh");
    const url = await feedUrl(feed);
    await setFeed(feed, { body: capContainerXml([first]) });
    const db = database();
    const tabs = [await openTab([url], db), await openTab([url], db)];
    await waitUntil(
      () => tabs.every((frame) => shown(frame).includes("TEST-TAB-1")),
      "both tabs to show the alert",
    );
    const follower = tabs.find(
      (frame) => tab(frame).client.pollingRole === "follower",
    )!;
    expect(follower).to.not.equal(undefined);
    const before = (await feedRequests(feed)).length;

    await setFeed(feed, { body: capContainerXml([first, second]) });
    await tab(follower).client.refresh();
    expect(shown(follower)).to.deep.equal(["TEST-TAB-1", "TEST-TAB-2"]);
    expect(tab(follower).fetches).to.equal(0);
    expect((await feedRequests(feed)).length).to.be.above(before);
    expect(tab(follower).changes.at(-1)!.source).to.equal("network");
  });

  it("feed sets do not block each other", async () => {
    const feedA = uniqueFeedName("tabs-set-a");
    const feedB = uniqueFeedName("tabs-set-b");
    const urlA = await feedUrl(feedA);
    const urlB = await feedUrl(feedB);
    await setFeed(feedA, { body: capContainerXml([first]) });
    await setFeed(feedB, { body: capContainerXml([second]) });
    const db = database();
    const tabs = [
      await openTab([urlA], db),
      await openTab([urlB], db),
      await openTab([urlA], db),
      await openTab([urlB], db),
    ];
    await waitUntil(
      () =>
        shown(tabs[0]!).includes("TEST-TAB-1") &&
        shown(tabs[1]!).includes("TEST-TAB-2") &&
        shown(tabs[2]!).includes("TEST-TAB-1") &&
        shown(tabs[3]!).includes("TEST-TAB-2"),
      "each tab to show its feed's alert",
    );
    const roles = tabs.map((frame) => tab(frame).client.pollingRole);
    expect(roles.filter((role) => role === "leader")).to.have.length(2);
    expect(roles[0] === "leader" || roles[2] === "leader").to.equal(true);
    expect(roles[1] === "leader" || roles[3] === "leader").to.equal(true);
    // A tab shows only the alerts of its own feeds, though both are stored.
    expect(shown(tabs[0]!)).to.deep.equal(["TEST-TAB-1"]);
    expect(shown(tabs[1]!)).to.deep.equal(["TEST-TAB-2"]);
  });

  it("without Web Locks every tab polls", async () => {
    const feed = uniqueFeedName("tabs-nolocks");
    const url = await feedUrl(feed);
    await setFeed(feed, { body: capContainerXml([first]) });
    const db = database();
    const tabs = [
      await openTab([url], db, { nolocks: "1" }),
      await openTab([url], db, { nolocks: "1" }),
      await openTab([url], db, { nolocks: "1" }),
    ];
    await waitUntil(
      () => tabs.every((frame) => tab(frame).fetches > 0),
      "every tab to poll",
    );
    for (const frame of tabs) {
      expect(tab(frame).client.pollingRole).to.equal("independent");
      expect(shown(frame)).to.deep.equal(["TEST-TAB-1"]);
    }
  });
});
