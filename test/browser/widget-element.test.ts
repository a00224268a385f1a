import { expect } from "chai";
import "../../widget/define/define-child-alert.js";
import type { ChildAlert } from "../../widget/child-alert.js";
import type { AlertLayoutElement } from "../../widget/layouts/alert-layout-element.js";
import { DISMISSED_STORAGE_KEY } from "../../widget/dismissal/dismissed-versions.js";
import { EL } from "../../widget/i18n/ui-strings.js";
import { TRANSLATIONS } from "../../widget/i18n/translations.js";
import {
  capAlert,
  capTimeFromNow,
  capXml,
  FEED_SENDER,
  feedRequests,
  jsonFeed,
  mount,
  placeholderPngBase64,
  putFeed,
  shadow,
  uniqueFeedName,
  unmountAll,
  waitFor,
  type CapFields,
} from "./widget-helpers.js";

const HOUR = 3_600_000;

/** A region code unique to one test, so alerts cached by other tests never match. */
let regionCounter = 0;
function uniqueRegion(): [string, string] {
  regionCounter += 1;
  return ["TEST", `${Date.now()}-${regionCounter}`];
}

/** Serves `alerts` as a JSON feed, all in one region, and returns the feed URL and region attribute. */
async function serveAlerts(
  alerts: Omit<CapFields, "geocode">[],
  region = uniqueRegion(),
  name = uniqueFeedName("widget"),
): Promise<{
  feed: string;
  region: string;
  name: string;
  geocode: [string, string];
}> {
  await putFeed(name, {
    body: jsonFeed(
      alerts.map((fields) => capAlert({ ...fields, geocode: region })),
    ),
    contentType: "application/json",
  });
  return {
    feed: `/feeds/${name}`,
    region: `${region[0]}:${region[1]}`,
    name,
    geocode: region,
  };
}

function layoutRoot(element: ChildAlert): ShadowRoot | null {
  const layout = shadow(element).querySelector("[data-layout]");
  return layout?.shadowRoot ?? null;
}

function headlines(element: ChildAlert): string[] {
  const root = layoutRoot(element);
  if (root === null) return [];
  return [...root.querySelectorAll("[part~=headline]")].map((h) =>
    h.textContent!.trim(),
  );
}

async function mountAlert(attributes: string): Promise<ChildAlert> {
  const element = mount<ChildAlert>(
    `<child-alert eager ${attributes}></child-alert>`,
  );
  await element.refresh();
  return element;
}

describe("child-alert element", () => {
  beforeEach(() => localStorage.removeItem(DISMISSED_STORAGE_KEY));
  afterEach(unmountAll);

  it("shows an alert from a CAP feed", async () => {
    const region = uniqueRegion();
    const name = uniqueFeedName("cap");
    const png = placeholderPngBase64();
    await putFeed(name, {
      body: capXml({
        identifier: "CAP-1",
        sent: capTimeFromNow(-HOUR),
        expires: capTimeFromNow(HOUR),
        headline: "Invented boy missing near the harbour",
        description: "An invented boy, 7.",
        contact: "Call 112",
        web: "https://police.example.org/CAP-1",
        geocode: region,
        parameters: [["child-alert:age", "7"]],
        photo: {
          derefUri: png,
          mimeType: "image/png",
          description: "Invented boy",
        },
      }),
    });
    const element = await mountAlert(
      `layout="card" feed="/feeds/${name}" region="${region.join(":")}"`,
    );
    expect(headlines(element)).to.deep.equal([
      "Invented boy missing near the harbour",
    ]);
    expect(element.alerts.length).to.equal(1);
    const root = layoutRoot(element)!;
    const photo = root.querySelector<HTMLImageElement>("[part~=photo]")!;
    expect(photo.src.startsWith("data:image/png;base64,")).to.equal(true);
    expect(photo.alt).to.contain("Invented boy");
    expect(
      root.querySelector("[part~=call-link]")!.getAttribute("href"),
    ).to.equal("tel:112");
  });

  it("alerts property is read-only", async () => {
    const served = await serveAlerts([
      { identifier: "RO-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const element = await mountAlert(
      `feed="${served.feed}" region="${served.region}"`,
    );
    expect(() => {
      (element as unknown as { alerts: unknown }).alerts = [];
    }).to.throw(TypeError);
    element.alerts.pop();
    expect(element.alerts.length).to.equal(1);
  });

  it("fires composed child-alert-change", async () => {
    const served = await serveAlerts([
      { identifier: "EV-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const events: CustomEvent<{ alerts: unknown[] }>[] = [];
    const listener = (event: Event) =>
      events.push(event as CustomEvent<{ alerts: unknown[] }>);
    document.addEventListener("child-alert-change", listener);
    try {
      await mountAlert(`feed="${served.feed}" region="${served.region}"`);
    } finally {
      document.removeEventListener("child-alert-change", listener);
    }
    expect(events.length).to.equal(1);
    expect(events[0]!.bubbles).to.equal(true);
    expect(events[0]!.composed).to.equal(true);
    expect(events[0]!.detail.alerts.length).to.equal(1);
  });

  it("takes no space without alerts", async () => {
    const served = await serveAlerts([]);
    const before = mount<HTMLDivElement>(`<div style="height: 10px"></div>`);
    const element = await mountAlert(
      `layout="card" feed="${served.feed}" region="${served.region}"`,
    );
    const after = mount<HTMLDivElement>(`<div style="height: 10px"></div>`);
    expect(element.getBoundingClientRect().height).to.equal(0);
    expect(after.getBoundingClientRect().top).to.equal(
      before.getBoundingClientRect().bottom,
    );
  });

  it("banner overlays without taking space", async () => {
    const served = await serveAlerts([
      { identifier: "OV-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const element = await mountAlert(
      `feed="${served.feed}" region="${served.region}"`,
    );
    expect(headlines(element).length).to.equal(1);
    expect(element.getBoundingClientRect().height).to.equal(0);
    const banner = shadow(element).querySelector("child-alert-banner")!;
    expect(banner.getBoundingClientRect().height).to.be.above(40);
    expect(getComputedStyle(banner.parentElement!).position).to.equal("fixed");
  });

  it("reserve keeps the banner in flow", async () => {
    const served = await serveAlerts([
      { identifier: "RS-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const element = mount<ChildAlert>(
      `<child-alert eager reserve style="--child-alert-reserve-height: 150px" feed="${served.feed}" region="${served.region}"></child-alert>`,
    );
    await element.updateComplete;
    expect(element.getBoundingClientRect().height).to.equal(150);
    await element.refresh();
    const banner = shadow(element).querySelector("child-alert-banner")!;
    expect(banner.parentNode).to.equal(shadow(element));
    expect(getComputedStyle(banner).position).to.equal("static");
    expect(element.getBoundingClientRect().height).to.be.at.least(150);
  });

  it("filters by region attribute change", async () => {
    const region = uniqueRegion();
    const other = uniqueRegion();
    const name = uniqueFeedName("regions");
    await putFeed(name, {
      body: jsonFeed([
        capAlert({
          identifier: "RG-1",
          sent: capTimeFromNow(-HOUR),
          geocode: region,
          headline: "First region",
        }),
        capAlert({
          identifier: "RG-2",
          sent: capTimeFromNow(-HOUR),
          geocode: other,
          headline: "Second region",
        }),
      ]),
      contentType: "application/json",
    });
    const element = await mountAlert(
      `layout="list" feed="/feeds/${name}" region="${region.join(":")}"`,
    );
    expect(headlines(element)).to.deep.equal(["First region"]);
    element.setAttribute("region", other.join(":"));
    await element.updateComplete;
    await (shadow(element).querySelector("[data-layout]") as ChildAlert)
      .updateComplete;
    expect(headlines(element)).to.deep.equal(["Second region"]);
  });

  it("region valueName may hold colons", async () => {
    const value = `${Date.now()}`;
    const served = await serveAlerts(
      [{ identifier: `CL-${value}`, sent: capTimeFromNow(-HOUR) }],
      ["profile:CAP-CP:Location:0.3", value],
    );
    const element = await mountAlert(
      `feed="${served.feed}" region="profile:CAP-CP:Location:0.3:${value}"`,
    );
    expect(element.alerts.length).to.equal(1);
  });

  it("filters by place and radius", async () => {
    const region = uniqueRegion();
    const name = uniqueFeedName("place");
    await putFeed(name, {
      body: jsonFeed([
        // Only the test's own region and circle: the geocode keeps other tests' alerts out.
        capAlert({
          identifier: "PL-1",
          sent: capTimeFromNow(-HOUR),
          circle: "37.98,23.73 5",
          geocode: region,
        }),
      ]),
      contentType: "application/json",
    });
    const far = await mountAlert(
      `feed="/feeds/${name}" lat="40.64" lon="22.94" radius="10" region="NONE:0"`,
    );
    expect(far.alerts.length).to.equal(0);
    far.setAttribute("lat", "37.99");
    far.setAttribute("lon", "23.74");
    await far.updateComplete;
    expect(far.alerts.length).to.equal(1);
  });

  it("events and max limit alerts", async () => {
    const served = await serveAlerts([
      {
        identifier: "EK-1",
        sent: capTimeFromNow(-HOUR),
        kind: "abduction",
        headline: "Abduction",
      },
      {
        identifier: "EK-2",
        sent: capTimeFromNow(-2 * HOUR),
        kind: "missing",
        event: "Missing Child",
        headline: "Missing",
      },
      {
        identifier: "EK-3",
        sent: capTimeFromNow(-3 * HOUR),
        kind: null,
        event: "Flood",
        headline: "Flood",
      },
    ]);
    const element = await mountAlert(
      `layout="list" feed="${served.feed}" region="${served.region}"`,
    );
    expect(element.alerts.map((a) => a.headline)).to.deep.equal([
      "Abduction",
      "Missing",
    ]);
    element.setAttribute("events", "missing");
    await element.updateComplete;
    expect(element.alerts.map((a) => a.headline)).to.deep.equal(["Missing"]);
    element.setAttribute("events", "all");
    await element.updateComplete;
    expect(element.alerts.length).to.equal(3);
    element.setAttribute("max", "1");
    await element.updateComplete;
    expect(element.alerts.map((a) => a.headline)).to.deep.equal(["Abduction"]);
  });

  it("renders long lists in chunks", async () => {
    const served = await serveAlerts(
      Array.from({ length: 45 }, (_, index) => ({
        identifier: `CH-${Date.now()}-${index}`,
        sent: capTimeFromNow(-HOUR - index * 1000),
      })),
    );
    const firstRender: number[] = [];
    const element = mount<ChildAlert>(
      `<child-alert eager layout="list" feed="${served.feed}" region="${served.region}"></child-alert>`,
    );
    element.addEventListener("child-alert-change", () => {
      void element.updateComplete.then(() => {
        const layout = shadow(element).querySelector("[data-layout]") as
          (Element & { alerts: unknown[] }) | null;
        firstRender.push(layout?.alerts.length ?? 0);
      });
    });
    await element.refresh();
    expect(element.alerts.length).to.equal(45);
    expect(firstRender[0]).to.equal(20);
    expect(headlines(element).length).to.equal(45);
  });

  it("include-test shows test alerts", async () => {
    const served = await serveAlerts([
      {
        identifier: "TS-1",
        sent: capTimeFromNow(-HOUR),
        status: "Test",
        headline: "Test alert",
      },
    ]);
    const element = await mountAlert(
      `layout="card" feed="${served.feed}" region="${served.region}"`,
    );
    expect(element.alerts.length).to.equal(0);
    element.toggleAttribute("include-test", true);
    await element.updateComplete;
    expect(element.alerts.length).to.equal(1);
    await (shadow(element).querySelector("[data-layout]") as ChildAlert)
      .updateComplete;
    const labels = [
      ...layoutRoot(element)!.querySelectorAll("[part~=label]"),
    ].map((l) => l.textContent);
    expect(labels).to.include("TEST");
  });

  it("remembers dismissal per version", async () => {
    const region = uniqueRegion();
    const sent = capTimeFromNow(-HOUR);
    const first = await serveAlerts(
      [{ identifier: "DM-1", sent, headline: "Version one" }],
      region,
    );
    const element = await mountAlert(
      `layout="card" feed="${first.feed}" region="${first.region}"`,
    );
    const version = element.alerts[0]!.version;
    layoutRoot(element)!
      .querySelector<HTMLButtonElement>("[part~=dismiss-button]")!
      .click();
    await element.updateComplete;
    expect(element.alerts.length).to.equal(0);
    expect(
      JSON.parse(localStorage.getItem(DISMISSED_STORAGE_KEY)!),
    ).to.deep.equal([version]);

    unmountAll();
    const again = await mountAlert(
      `layout="card" feed="${first.feed}" region="${first.region}"`,
    );
    expect(again.alerts.length).to.equal(0);

    // An Update is a new version: it shows again, and the old id is pruned.
    await putFeed(first.name, {
      body: jsonFeed([
        capAlert({
          identifier: "DM-1-U",
          sent: capTimeFromNow(-HOUR / 2),
          msgType: "Update",
          references: [`${FEED_SENDER},DM-1,${sent}`],
          headline: "Version two",
          geocode: region,
        }),
      ]),
      contentType: "application/json",
    });
    await again.refresh();
    expect(again.alerts.map((a) => a.headline)).to.deep.equal(["Version two"]);
    expect(localStorage.getItem(DISMISSED_STORAGE_KEY)).to.equal(null);
  });

  it("forgets dismissals of ended alerts", async function () {
    this.timeout(30_000);
    const region = uniqueRegion();
    const served = await serveAlerts(
      [
        {
          identifier: "END-1",
          sent: capTimeFromNow(-HOUR),
          expires: capTimeFromNow(4000),
          headline: "Ends in seconds",
        },
        {
          identifier: "END-2",
          sent: capTimeFromNow(-HOUR),
          expires: capTimeFromNow(HOUR),
          headline: "Stays in force",
        },
      ],
      region,
    );
    const element = await mountAlert(
      `layout="card" feed="${served.feed}" region="${served.region}"`,
    );
    expect(element.alerts.length).to.equal(2);
    const versions = element.alerts.map((alert) => alert.version);
    const ending = element.alerts.find(
      (alert) => alert.identifier === "END-1",
    )!.version;
    const staying = element.alerts.find(
      (alert) => alert.identifier === "END-2",
    )!.version;
    for (const button of layoutRoot(
      element,
    )!.querySelectorAll<HTMLButtonElement>("[part~=dismiss-button]")) {
      button.click();
    }
    await element.updateComplete;
    const stored = () =>
      JSON.parse(
        localStorage.getItem(DISMISSED_STORAGE_KEY) ?? "[]",
      ) as string[];
    expect(stored().sort()).to.deep.equal(versions.sort());
    const requests = (await feedRequests(served.name)).length;

    // END-1 ends by its end time between polls, and its id leaves at once.
    await waitFor(
      () => !stored().includes(ending),
      "the ended alert's dismissal to be forgotten",
      15_000,
    );
    expect(stored()).to.deep.equal([staying]);
    expect(
      (await feedRequests(served.name)).length,
      "no poll ran in between",
    ).to.equal(requests);
  });

  it("announces only additions", async () => {
    const region = uniqueRegion();
    const served = await serveAlerts(
      [{ identifier: "AN-1", sent: capTimeFromNow(-HOUR), headline: "First" }],
      region,
    );
    const element = await mountAlert(
      `layout="card" feed="${served.feed}" region="${served.region}"`,
    );
    const live = shadow(element).querySelector("[aria-live=polite]")!;
    expect(live.textContent!.trim()).to.equal("New child alert: First");
    await element.refresh();
    expect(live.textContent!.trim()).to.equal("New child alert: First");
    await serveAlerts(
      [
        { identifier: "AN-1", sent: capTimeFromNow(-HOUR), headline: "First" },
        {
          identifier: "AN-2",
          sent: capTimeFromNow(-HOUR / 2),
          headline: "Second",
        },
      ],
      region,
      served.name,
    );
    await element.refresh();
    expect(element.alerts.length).to.equal(2);
    expect(live.textContent!.trim()).to.equal("New child alert: Second");
  });

  it("preview shows only the sample", async () => {
    const served = await serveAlerts([
      { identifier: "PV-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const element = await mountAlert(
      `preview layout="card" feed="${served.feed}" region="${served.region}"`,
    );
    expect(element.alerts.length).to.equal(1);
    const root = layoutRoot(element)!;
    const labels = [...root.querySelectorAll("[part~=label]")].map(
      (l) => l.textContent,
    );
    expect(labels).to.include("SAMPLE");
    expect(root.querySelector("[part~=headline]")!.textContent).to.contain(
      "Sample alert",
    );
    expect((await feedRequests(served.name)).length).to.equal(0);
    root.querySelector<HTMLButtonElement>("[part~=dismiss-button]")!.click();
    await element.updateComplete;
    expect(element.alerts.length).to.equal(0);
    expect(localStorage.getItem(DISMISSED_STORAGE_KEY)).to.equal(null);
    element.removeAttribute("preview");
    await element.refresh();
    expect(element.alerts.map((a) => a.identifier)).to.deep.equal(["PV-1"]);
  });

  it("label names the region", async () => {
    const named = await mountAlert(
      'preview layout="card" lang="en" label="Alerts for Example Town"',
    );
    const unnamed = await mountAlert('preview layout="card" lang="en"');
    await named.updateComplete;
    await unnamed.updateComplete;

    const regionName = (element: ChildAlert) =>
      layoutRoot(element)!
        .querySelector("section[aria-label]")!
        .getAttribute("aria-label");
    expect(regionName(named)).to.equal("Alerts for Example Town");
    expect(regionName(unnamed)).to.equal("Child alerts");

    named.setAttribute("label", "Alerts for Example Village");
    await named.updateComplete;
    await (layoutRoot(named)!.host as AlertLayoutElement).updateComplete;
    expect(regionName(named)).to.equal("Alerts for Example Village");

    named.removeAttribute("label");
    await named.updateComplete;
    await (layoutRoot(named)!.host as AlertLayoutElement).updateComplete;
    expect(regionName(named)).to.equal("Child alerts");
  });

  it("long label wraps in the banner", async () => {
    const element = await mountAlert(
      `preview layout="banner" lang="en" label="${"Long".repeat(500)}"`,
    );
    await (layoutRoot(element)!.host as AlertLayoutElement).updateComplete;

    const title = layoutRoot(element)!.querySelector<HTMLElement>(".title")!;
    expect(title.scrollWidth).to.be.at.most(title.clientWidth);
  });

  it("lang change shows the alert's text again", async () => {
    const region = uniqueRegion();
    const name = uniqueFeedName("widget-lang");
    const alert = capAlert({
      identifier: "LANG-1",
      sent: capTimeFromNow(-HOUR),
      headline: "Invented child missing",
      geocode: region,
    });
    alert.info.push({
      ...alert.info[0]!,
      language: "el-GR",
      headline: "Εξαφάνιση επινοημένου παιδιού",
    });
    await putFeed(name, {
      body: jsonFeed([alert]),
      contentType: "application/json",
    });
    const element = await mountAlert(
      `lang="en" layout="card" feed="/feeds/${name}" region="${region.join(":")}"`,
    );
    expect(headlines(element)).to.deep.equal(["Invented child missing"]);

    element.setAttribute("lang", "el");
    await waitFor(
      () => headlines(element)[0] === "Εξαφάνιση επινοημένου παιδιού",
      "the Greek headline",
    );

    expect(element.alerts[0]!.headline).to.equal(
      "Εξαφάνιση επινοημένου παιδιού",
    );
  });

  it("waits for idle unless eager", async () => {
    const served = await serveAlerts([
      { identifier: "ID-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const element = mount<ChildAlert>(
      `<child-alert feed="${served.feed}" region="${served.region}"></child-alert>`,
    );
    await waitFor(
      () => element.alerts.length === 1,
      "the idle start to load the alert",
      15000,
    );
    expect((await feedRequests(served.name)).length).to.be.at.least(1);
  });

  it("loads without requestIdleCallback", async () => {
    // Safari has no requestIdleCallback: the element waits for the load event instead.
    const served = await serveAlerts([
      { identifier: `NI-${Date.now()}`, sent: capTimeFromNow(-HOUR) },
    ]);
    const idle = window.requestIdleCallback;
    (window as { requestIdleCallback?: unknown }).requestIdleCallback =
      undefined;
    try {
      const element = mount<ChildAlert>(
        `<child-alert feed="${served.feed}" region="${served.region}"></child-alert>`,
      );
      await waitFor(
        () => element.alerts.length === 1,
        "the fallback start",
        15000,
      );
    } finally {
      window.requestIdleCallback = idle;
    }
  });

  it("uses Greek for lang=el", async () => {
    const served = await serveAlerts([
      { identifier: "EL-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const element = await mountAlert(
      `lang="el" layout="card" feed="${served.feed}" region="${served.region}"`,
    );
    const root = layoutRoot(element)!;
    expect(root.querySelector("section")!.getAttribute("lang")).to.equal("el");
    expect(root.querySelector("[part~=label]")!.textContent).to.equal(
      EL.abduction,
    );
    expect(element.lang).to.equal("el");
  });

  it("follows the page language", async () => {
    const served = await serveAlerts([
      { identifier: "HL-1", sent: capTimeFromNow(-HOUR) },
    ]);
    const previous = document.documentElement.lang;
    document.documentElement.lang = "el-GR";
    try {
      const element = await mountAlert(
        `layout="card" feed="${served.feed}" region="${served.region}"`,
      );
      await waitFor(
        () =>
          layoutRoot(element)
            ?.querySelector("section")
            ?.getAttribute("lang") === "el",
        "Greek strings",
      );
    } finally {
      document.documentElement.lang = previous;
    }
  });

  it("loads other languages on demand", async () => {
    const { ChildAlert } = await import("../../widget/child-alert.js");
    const previous = ChildAlert.translationsUrl;
    const folder = `i18n-${Date.now()}`;
    await putFeed(`${folder}/de.json`, {
      body: JSON.stringify(TRANSLATIONS.de),
      contentType: "application/json",
    });
    ChildAlert.translationsUrl = new URL(
      `/feeds/${folder}/`,
      location.href,
    ).href;
    try {
      const served = await serveAlerts([
        { identifier: "DE-1", sent: capTimeFromNow(-HOUR) },
      ]);
      const german = await mountAlert(
        `lang="de-AT" layout="card" feed="${served.feed}" region="${served.region}"`,
      );
      await waitFor(
        () =>
          layoutRoot(german)?.querySelector("[part~=label]")?.textContent ===
          TRANSLATIONS.de!.abduction,
        "German strings",
      );
      // No file is served for French, so the element falls back to English.
      const french = await mountAlert(
        `lang="fr" layout="card" feed="${served.feed}" region="${served.region}"`,
      );
      await waitFor(
        () =>
          (french as unknown as { stringsLanguage: string }).stringsLanguage ===
            "en" && layoutRoot(french) !== null,
        "English fallback",
      );
      expect(
        layoutRoot(french)!.querySelector("section")!.getAttribute("lang"),
      ).to.equal("en");
      expect(
        layoutRoot(french)!.querySelector("[part~=label]")!.textContent,
      ).to.equal("Child abduction alert");
    } finally {
      ChildAlert.translationsUrl = previous;
    }
  });
});
