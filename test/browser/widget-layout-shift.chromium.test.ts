/** The Layout Instability API (`layout-shift` entries) exists in Chromium only. */
import { expect } from "chai";
import "../../widget/define/define-child-alert.js";
import type { ChildAlert } from "../../widget/child-alert.js";
import { DISMISSED_STORAGE_KEY } from "../../widget/dismissal/dismissed-versions.js";
import {
  capAlert,
  capTimeFromNow,
  frames,
  jsonFeed,
  mount,
  putFeed,
  shadow,
  uniqueFeedName,
  unmountAll,
  waitFor,
} from "./widget-helpers.js";

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

let served = 0;

/**
 * Mounts the widget above page content with an empty feed, then publishes
 * `count` alerts and lets them arrive while a PerformanceObserver records layout
 * shifts. Returns the summed shift score.
 */
async function shiftScore(attributes: string, count = 1): Promise<number> {
  served += 1;
  const name = uniqueFeedName("shift");
  const code: [string, string] = ["TEST", `shift-${Date.now()}-${served}`];
  await putFeed(name, { body: jsonFeed([]), contentType: "application/json" });
  const element = mount<ChildAlert>(
    `<child-alert eager ${attributes} feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
  );
  const content = mount<HTMLDivElement>(
    '<div style="height: 300px; background: #eee">Page content below the widget</div>',
  );
  await element.refresh();
  expect(element.alerts.length).to.equal(0);
  await frames(3);

  const shifts: LayoutShift[] = [];
  const observer = new PerformanceObserver((list) => {
    shifts.push(...(list.getEntries() as LayoutShift[]));
  });
  observer.observe({ type: "layout-shift" });
  const alerts = Array.from({ length: count }, (_, index) =>
    capAlert({
      identifier: `SHIFT-${served}-${index}`,
      sent: capTimeFromNow(-3_600_000 - index * 60_000),
      geocode: code,
    }),
  );
  await putFeed(name, {
    body: jsonFeed(alerts),
    contentType: "application/json",
  });
  await element.refresh();
  await frames(5);
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();

  expect(element.alerts.length).to.equal(count);
  expect(shadow(element).querySelector("[data-layout]")).to.not.equal(null);
  expect(content.isConnected).to.equal(true);
  return shifts
    .filter((s) => !s.hadRecentInput)
    .reduce((sum, s) => sum + s.value, 0);
}

/**
 * Shows an alert in the banner overlay, polled every second, then makes
 * the feed fail until the stale notice appears, while a PerformanceObserver
 * records layout shifts. Returns the summed shift score.
 */
async function staleNoticeShiftScore(): Promise<number> {
  served += 1;
  const name = uniqueFeedName("shift-stale");
  const code: [string, string] = ["TEST", `shift-stale-${Date.now()}`];
  await putFeed(name, {
    body: jsonFeed([
      capAlert({
        identifier: `SHIFT-STALE-${served}`,
        sent: capTimeFromNow(-3_600_000),
        geocode: code,
      }),
    ]),
    contentType: "application/json",
  });
  const element = mount<ChildAlert>(
    `<child-alert eager layout="banner" interval="1" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
  );
  mount<HTMLDivElement>(
    '<div style="height: 300px; background: #eee">Page content below the widget</div>',
  );
  await element.refresh();
  expect(element.alerts.length).to.equal(1);
  await frames(3);
  const banner = shadow(element)
    .querySelector("[data-layout]")!
    .shadowRoot!.querySelector("[part~=banner]")!;
  const rowTop = banner.querySelector("article")!.getBoundingClientRect().top;

  const shifts: LayoutShift[] = [];
  const observer = new PerformanceObserver((list) => {
    shifts.push(...(list.getEntries() as LayoutShift[]));
  });
  observer.observe({ type: "layout-shift" });
  await putFeed(name, { status: 404, body: "Not found" });
  await waitFor(
    () => banner.querySelector("[part~=stale-notice]") !== null,
    "the stale notice",
    20_000,
  );
  await frames(5);
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.disconnect();

  expect(banner.querySelector("article")!.getBoundingClientRect().top).to.equal(
    rowTop,
  );
  return shifts
    .filter((s) => !s.hadRecentInput)
    .reduce((sum, s) => sum + s.value, 0);
}

describe("widget layout shift", () => {
  beforeEach(() => localStorage.removeItem(DISMISSED_STORAGE_KEY));
  afterEach(unmountAll);

  it("banner overlay shifts nothing", async () => {
    expect(await shiftScore('layout="banner"')).to.equal(0);
  });

  it("reserved ticker shifts nothing", async () => {
    expect(
      await shiftScore(
        'layout="ticker" reserve style="--child-alert-reserve-height: 80px"',
      ),
    ).to.equal(0);
  });

  it("fixed-height card list shifts nothing", async () => {
    // The fixed height of docs/widget.md: five cards scroll inside it.
    expect(
      await shiftScore(
        'layout="card" reserve style="display: block; height: 200px; overflow: auto; --child-alert-reserve-height: 200px"',
        5,
      ),
    ).to.equal(0);
  });

  it("reserved card list does shift", async () => {
    // `reserve` is a minimum height, which five cards outgrow.
    expect(
      await shiftScore(
        'layout="card" reserve style="--child-alert-reserve-height: 200px"',
        5,
      ),
    ).to.be.above(0);
  });

  it("banner stale notice shifts nothing", async function () {
    this.timeout(40_000);
    expect(await staleNoticeShiftScore()).to.equal(0);
  });

  it("unreserved card does shift", async () => {
    // Shows the measurement can fail: an in-flow card pushes the content down.
    expect(await shiftScore('layout="card"')).to.be.above(0);
  });
});
