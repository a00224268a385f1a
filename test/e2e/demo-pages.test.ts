/**
 * The pages of the built demo site in headless Chromium: accessibility
 * (axe-core on every page), the 404 page, the control panel driving every
 * widget through the scripted case, the snippet builder's integrity hash
 * and the signed feed page.
 */
import { expect } from "chai";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { AxeResults } from "axe-core";
import type { Browser, BrowserContext, Page } from "puppeteer-core";
import {
  closeBrowser,
  copyDist,
  launchChromium,
  removeCopy,
  requireBuiltDemo,
  startDemo,
  waitFor,
  type RunningDemo,
} from "./demo-harness.js";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

interface WidgetState {
  surface: string;
  identifiers: string[];
  photos: string[];
}

/** Reads every `<child-alert>` of the page: its alerts' identifiers and photo URLs. */
function readWidgets(page: Page): Promise<WidgetState[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<
        HTMLElement & {
          alerts?: { identifier: string; photo?: { url: string } }[];
        }
      >("child-alert"),
    ].map((widget) => ({
      surface: widget.dataset["surface"] ?? "",
      identifiers: (widget.alerts ?? []).map((alert) => alert.identifier),
      photos: (widget.alerts ?? []).flatMap((alert) =>
        alert.photo === undefined ? [] : [alert.photo.url],
      ),
    })),
  );
}

/** Waits until every widget of the page has shown at least one alert (or `minimum` widgets have). */
async function waitForAlerts(page: Page, minimum?: number): Promise<void> {
  await waitFor("the widgets' alerts", async () => {
    const widgets = await readWidgets(page);
    const shown = widgets.filter((widget) => widget.identifiers.length > 0);
    const needed = minimum ?? widgets.length;
    return widgets.length > 0 && shown.length >= needed ? true : undefined;
  });
}

/**
 * Runs axe-core on the page, inside open shadow roots too, with the WCAG
 * 2.2 A and AA rules and axe's best practices, and returns the violations.
 * Pages with several widgets give each its own `label`, so axe's
 * landmark-unique rule passes too.
 */
async function axeViolations(page: Page): Promise<AxeResults["violations"]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(context: Document, options: object): Promise<AxeResults>;
        };
      }
    ).axe;
    const results = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: [
          "wcag2a",
          "wcag2aa",
          "wcag21a",
          "wcag21aa",
          "wcag22aa",
          "best-practice",
        ],
      },
    });
    return results.violations;
  });
}

function describeViolations(violations: AxeResults["violations"]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(" "))
          .join(", ")})`,
    )
    .join("\n");
}

describe("demo pages", function () {
  let root: string;
  let demo: RunningDemo;
  let browser: Browser;
  /** A fresh context per test, so no test sees another's storage or service worker. */
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  before(async () => {
    requireBuiltDemo();
    // A copy, so that a build running meanwhile cannot change the files.
    root = copyDist();
    demo = await startDemo(root);
    browser = await launchChromium();
  });

  after(async () => {
    await closeBrowser(browser);
    await demo?.close();
    if (root !== undefined) removeCopy(root);
  });

  beforeEach(async () => {
    context = await browser.createBrowserContext();
    page = await context.newPage();
    pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
  });

  afterEach(async () => {
    await context.close();
  });

  const at = (path: string) => new URL(path, demo.url).href;

  it("home page has no axe violations", async () => {
    await page.goto(at("/"));
    await waitForAlerts(page);
    const violations = await axeViolations(page);
    expect(violations, describeViolations(violations)).to.deep.equal([]);
    expect(pageErrors).to.deep.equal([]);
  });

  for (const [path, minimum] of [
    ["/news.html", undefined],
    ["/partner.html", undefined],
    ["/control.html", 0],
    ["/snippet.html", undefined],
    ["/signed.html", 0],
    ["/no-such-page", undefined],
  ] as const) {
    it(`${path} has no axe violations`, async () => {
      // The partner page's CSP enforces Trusted Types, which would block
      // the injected axe-core script.
      if (path === "/partner.html") await page.setBypassCSP(true);
      await page.goto(at(path));
      if (minimum === undefined) await waitForAlerts(page);
      if (path === "/signed.html") {
        await waitFor("both signed feed results", async () =>
          (await page.$$("[data-result]")).length === 2 ? true : undefined,
        );
      }
      const violations = await axeViolations(page);
      expect(violations, describeViolations(violations)).to.deep.equal([]);
      expect(pageErrors).to.deep.equal([]);
    });
  }

  it("404 page answers 404 with the poster", async () => {
    const response = await page.goto(at("/no-such/page"));
    expect(response?.status()).to.equal(404);
    await waitForAlerts(page);
    const poster = await page.evaluate(() => {
      const widget = document.querySelector("child-alert");
      const layout = widget?.shadowRoot?.querySelector("[data-layout]");
      return {
        layout: widget?.getAttribute("layout"),
        tag: layout?.localName,
        parts: layout?.shadowRoot?.querySelectorAll("[part~='poster']").length,
      };
    });
    expect(poster.layout).to.equal("poster");
    expect(poster.tag).to.equal("child-alert-poster");
    expect(poster.parts).to.equal(1);
  });

  it("control panel moves every surface through the case", async () => {
    await page.goto(at("/control.html"));
    await waitFor("the control panel", async () =>
      (await page.evaluate(() => document.body.dataset["scenarioStep"])) ===
      "idle"
        ? true
        : undefined,
    );
    const surfaces = [
      "banner",
      "card",
      "card-chalandri",
      "list",
      "ticker",
      "poster",
    ];
    const step = async (expected: string) => {
      await page.click("#next-step");
      await waitFor(`step ${expected}`, async () =>
        (await page.evaluate(() => document.body.dataset["scenarioStep"])) ===
        expected
          ? true
          : undefined,
      );
      const widgets = await readWidgets(page);
      expect(widgets.map((widget) => widget.surface)).to.deep.equal(surfaces);
      return new Map(widgets.map((widget) => [widget.surface, widget]));
    };
    const caseIds = (widget: WidgetState | undefined) =>
      (widget?.identifiers ?? []).filter((id) => id.startsWith("DEMO-SEQ-"));

    const created = await step("new");
    for (const surface of surfaces) {
      const expected = surface === "card-chalandri" ? [] : ["DEMO-SEQ-1-0001"];
      expect(caseIds(created.get(surface)), surface).to.deep.equal(expected);
    }
    expect(created.get("card")!.photos[0]).to.match(/\/demo-seq-1\.png$/);

    const updated = await step("updated");
    for (const surface of surfaces) {
      expect(caseIds(updated.get(surface)), surface).to.deep.equal([
        "DEMO-SEQ-1-0002",
      ]);
    }
    expect(updated.get("card")!.photos[0]).to.match(/\/demo-seq-2\.png$/);

    const ended = await step("ended");
    for (const surface of surfaces) {
      expect(caseIds(ended.get(surface)), surface).to.deep.equal([]);
    }
    expect(
      await page.$eval(
        "#next-step",
        (button) => (button as HTMLButtonElement).disabled,
      ),
    ).to.equal(true);

    await page.click("#reset");
    await waitFor("the reset", async () =>
      (await page.evaluate(() => document.body.dataset["scenarioStep"])) ===
      "idle"
        ? true
        : undefined,
    );
    const replayed = await step("new");
    expect(caseIds(replayed.get("card")), "second run").to.deep.equal([
      "DEMO-SEQ-2-0001",
    ]);
    expect(pageErrors).to.deep.equal([]);
  });

  it("snippet carries the served script's SRI hash", async () => {
    const served = await fetch(at("/widget/child-alert.iife.js"));
    expect(served.status).to.equal(200);
    const bytes = Buffer.from(await served.arrayBuffer());
    const integrity = `sha384-${createHash("sha384").update(bytes).digest("base64")}`;

    await page.goto(at("/snippet.html"));
    await waitForAlerts(page);
    const snippet = await page.$eval("#snippet", (code) => code.textContent);
    expect(snippet).to.include(`integrity="${integrity}"`);
    expect(snippet).to.include('crossorigin="anonymous"');
    expect(snippet).to.include(
      '<script src="/child-alert/child-alert.iife.js"',
    );
    // The page loads the widget with the same hash: a wrong one would stop it.
    const pageTag = await page.$eval(
      'script[src="/widget/child-alert.iife.js"]',
      (script) => script.getAttribute("integrity"),
    );
    expect(pageTag).to.equal(integrity);
    expect(
      await page.evaluate(
        () => customElements.get("child-alert") !== undefined,
      ),
    ).to.equal(true);

    // The snippet follows the form, with attribute values escaped.
    await page.select("#layout", "ticker");
    await page.click("#area-region");
    await page.$eval("#region", (input) => {
      (input as HTMLInputElement).value = 'NUTS3:EL303 "x"';
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    const changed = await page.$eval("#snippet", (code) => code.textContent);
    expect(changed).to.include('layout="ticker"');
    expect(changed).to.include('region="NUTS3:EL303 &quot;x&quot;"');
    expect(changed).to.not.include("lat=");
    const previewLayout = await page.$eval("#preview child-alert", (widget) =>
      widget.getAttribute("layout"),
    );
    expect(previewLayout).to.equal("ticker");
  });

  it("signed feed verifies; tampered copy is rejected", async () => {
    await page.goto(at("/signed.html"));
    const results = await waitFor("both signed feed results", async () => {
      const found = await page.$$eval("[data-result]", (elements) =>
        elements.map((element) => ({
          id: element.id,
          result: (element as HTMLElement).dataset["result"],
          text: element.textContent ?? "",
        })),
      );
      return found.length === 2 ? found : undefined;
    });
    const genuine = results.find((entry) => entry.id === "genuine-status")!;
    const tampered = results.find((entry) => entry.id === "tampered-status")!;
    expect(genuine.result, genuine.text).to.equal("verified");
    expect(tampered.result, tampered.text).to.equal("rejected");
    expect(tampered.text).to.match(/\.sig/);

    const shownIds = async (id: string) =>
      page.$eval(`#${id}`, (list) =>
        (list as HTMLElement & { alerts: { identifier: string }[] }).alerts.map(
          (alert) => alert.identifier,
        ),
      );
    expect(await shownIds("genuine-alerts")).to.deep.equal([
      "DEMO-ATH-0001",
      "DEMO-PIR-0001",
    ]);
    expect(await shownIds("tampered-alerts")).to.deep.equal([]);
  });
});
