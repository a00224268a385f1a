/**
 * The stale-data notice against the feed server: a localhost feed polled
 * every second fails for several intervals, so the client counts its data
 * as stale (three intervals without a good fetch), and then recovers.
 */
import { expect } from "chai";
import "../../widget/define/define-child-alert.js";
import type { ChildAlert } from "../../widget/child-alert.js";
import { DISMISSED_STORAGE_KEY } from "../../widget/dismissal/dismissed-versions.js";
import {
  capAlert,
  capTimeFromNow,
  feedRequests,
  jsonFeed,
  mount,
  putFeed,
  shadow,
  uniqueFeedName,
  unmountAll,
  waitFor,
} from "./widget-helpers.js";

const HOUR = 3_600_000;
/** Long enough for three failed intervals and a poll's retries (up to 2 s, then 4 s). */
const STALE_WAIT_MS = 20_000;

const NOTICE = /^Data from \d{1,2}:\d{2}\s?(AM|PM)?, may be out of date$/;

function notice(element: ChildAlert): string | null {
  const layout = shadow(element).querySelector("[data-layout]")?.shadowRoot;
  const part = layout?.querySelector("[part~=stale-notice]");
  return part?.textContent ?? null;
}

function liveText(element: ChildAlert): string {
  return shadow(element).querySelector(".live")!.textContent!.trim();
}

/** Records each distinct text of the element's live region, in order. */
function recordAnnouncements(element: ChildAlert): {
  texts: string[];
  stop(): void;
} {
  const texts: string[] = [];
  const live = shadow(element).querySelector(".live")!;
  const observer = new MutationObserver(() => {
    const text = live.textContent!.trim();
    if (text !== texts.at(-1)) texts.push(text);
  });
  observer.observe(live, {
    childList: true,
    characterData: true,
    subtree: true,
  });
  return { texts, stop: () => observer.disconnect() };
}

async function countRequests(name: string, status: number): Promise<number> {
  const requests = await feedRequests(name);
  return requests.filter((request) => request.status === status).length;
}

/** Waits until the feed server has answered `count` requests of `name` with `status`. */
async function waitForRequests(
  name: string,
  status: number,
  count: number,
): Promise<void> {
  while ((await countRequests(name, status)) < count) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function serveGoodFeed(name: string, code: [string, string]) {
  await putFeed(name, {
    body: jsonFeed([
      capAlert({
        identifier: `STALE-${name}`,
        sent: capTimeFromNow(-HOUR),
        expires: capTimeFromNow(HOUR),
        headline: "Invented child missing near the station",
        geocode: code,
      }),
    ]),
    contentType: "application/json",
  });
}

describe("widget stale notice", () => {
  beforeEach(() => localStorage.removeItem(DISMISSED_STORAGE_KEY));
  afterEach(unmountAll);

  it("shows while the feed is down", async function () {
    this.timeout(4 * STALE_WAIT_MS);
    const name = uniqueFeedName("stale");
    const code: [string, string] = ["TEST", `stale-${Date.now()}`];
    await serveGoodFeed(name, code);
    const element = mount<ChildAlert>(
      `<child-alert eager lang="en" layout="card" interval="1" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    await element.refresh();
    expect(element.alerts.length).to.equal(1);
    expect(notice(element)).to.equal(null);
    const announcements = recordAnnouncements(element);

    // First stale period: the server fails with 503.
    await putFeed(name, { status: 503, body: "Service unavailable" });
    await waitFor(
      () => notice(element) !== null,
      "the stale notice",
      STALE_WAIT_MS,
    );
    const text = notice(element)!;
    expect(text).to.match(NOTICE);
    expect(element.alerts.length, "the last good alert stays").to.equal(1);
    expect(liveText(element)).to.contain(text);

    // Two more failed requests re-render nothing that is announced again.
    const failedBefore = await countRequests(name, 503);
    await waitForRequests(name, 503, failedBefore + 2);
    expect(notice(element)).to.equal(text);

    await serveGoodFeed(name, code);
    await waitFor(
      () => notice(element) === null,
      "the notice to go on recovery",
      STALE_WAIT_MS,
    );
    expect(liveText(element)).to.not.contain("may be out of date");
    const firstPeriod = announcements.texts.filter((entry) =>
      entry.includes("may be out of date"),
    );
    expect(firstPeriod).to.deep.equal([text]);

    // A second stale period is announced again, once.
    await putFeed(name, { status: 404, body: "Not found" });
    await waitFor(
      () => notice(element) !== null,
      "the second stale notice",
      STALE_WAIT_MS,
    );
    announcements.stop();
    const announced = announcements.texts.filter((entry) =>
      entry.includes("may be out of date"),
    );
    expect(announced).to.have.length(2);
    expect(announced[1]).to.equal(notice(element));
  });

  it("is not repeated with new alerts", async function () {
    this.timeout(3 * STALE_WAIT_MS);
    const down = uniqueFeedName("stale-down");
    const up = uniqueFeedName("stale-up");
    const code: [string, string] = ["TEST", `stale-two-${Date.now()}`];
    await serveGoodFeed(down, code);
    await putFeed(up, { body: jsonFeed([]), contentType: "application/json" });
    const element = mount<ChildAlert>(
      `<child-alert eager lang="en" layout="list" interval="1" feed="/feeds/${down} /feeds/${up}" region="${code.join(":")}"></child-alert>`,
    );
    await element.refresh();
    expect(element.alerts.length).to.equal(1);

    await putFeed(down, { status: 404, body: "Not found" });
    await waitFor(
      () => notice(element) !== null,
      "the stale notice",
      STALE_WAIT_MS,
    );
    const text = notice(element)!;
    expect(liveText(element)).to.contain(text);

    // The other feed brings a new alert while the first is still down.
    await putFeed(up, {
      body: jsonFeed([
        capAlert({
          identifier: `NEW-${up}`,
          sent: capTimeFromNow(-60_000),
          headline: "Invented second child missing",
          geocode: code,
        }),
      ]),
      contentType: "application/json",
    });
    await waitFor(
      () => element.alerts.length === 2,
      "the new alert",
      STALE_WAIT_MS,
    );
    await element.updateComplete;
    expect(liveText(element)).to.equal(
      "New child alert: Invented second child missing",
    );
    expect(notice(element), "the notice stays shown").to.equal(text);
  });

  it("waits for alerts to show", async function () {
    this.timeout(2 * STALE_WAIT_MS);
    const name = uniqueFeedName("stale-empty");
    const code: [string, string] = ["TEST", `stale-empty-${Date.now()}`];
    await putFeed(name, {
      body: jsonFeed([]),
      contentType: "application/json",
    });
    const element = mount<ChildAlert>(
      `<child-alert eager lang="en" layout="banner" interval="1" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    await element.refresh();
    await putFeed(name, { status: 404, body: "Not found" });
    // Five failed polls, one per second: over three intervals without a
    // good fetch, so the client's data is stale.
    await waitForRequests(name, 404, 5);
    expect(element.alerts.length).to.equal(0);
    expect(shadow(element).querySelector("[data-layout]")).to.equal(null);
    expect(liveText(element)).to.equal("");
  });

  it("is in Greek for lang=el", async function () {
    this.timeout(2 * STALE_WAIT_MS);
    const name = uniqueFeedName("stale-el");
    const code: [string, string] = ["TEST", `stale-el-${Date.now()}`];
    await serveGoodFeed(name, code);
    const element = mount<ChildAlert>(
      `<child-alert eager lang="el" layout="ticker" interval="1" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    await element.refresh();
    await putFeed(name, { status: 404, body: "Not found" });
    await waitFor(
      () => notice(element) !== null,
      "the Greek stale notice",
      STALE_WAIT_MS,
    );
    expect(notice(element)).to.match(/^Δεδομένα από .+, ίσως δεν είναι/);
  });
});
