import { expect } from "chai";
import type { AxeResults, RunOptions } from "axe-core";
import {
  resetMouse,
  sendKeys,
  sendMouse,
  setViewport,
} from "@web/test-runner-commands";
import "../../widget/define/define-child-alert.js";
import type { ChildAlert } from "../../widget/child-alert.js";
import { DISMISSED_STORAGE_KEY } from "../../widget/dismissal/dismissed-versions.js";
import type { AlertLayoutElement } from "../../widget/layouts/alert-layout-element.js";
import {
  capAlert,
  capTimeFromNow,
  frames,
  jsonFeed,
  mount,
  placeholderPngBase64,
  putFeed,
  shadow,
  uniqueFeedName,
  unmountAll,
} from "./widget-helpers.js";

interface AxeGlobal {
  run(context: Element, options: RunOptions): Promise<AxeResults>;
}

/** Loads axe-core as a classic script (it ships as UMD) and returns it. */
async function loadAxe(): Promise<AxeGlobal> {
  const existing = (window as { axe?: AxeGlobal }).axe;
  if (existing) return existing;
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/node_modules/axe-core/axe.min.js";
    script.onload = () => resolve();
    script.onerror = () => reject(new Error("axe-core failed to load"));
    document.head.append(script);
  });
  return (window as unknown as { axe: AxeGlobal }).axe;
}

const LAYOUTS = ["banner", "card", "list", "ticker", "poster"];
const HOUR = 3_600_000;

let feed = "";
let region = "";

/** Formats axe violations so a failure names each rule and element. */
function describeViolations(results: AxeResults): string {
  return results.violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes
          .map(
            (node) =>
              `    ${JSON.stringify(node.target)} ${node.failureSummary ?? ""}`,
          )
          .join("\n"),
    )
    .join("\n");
}

async function mountLayout(layout: string, theme: string): Promise<ChildAlert> {
  const element = mount<ChildAlert>(
    `<child-alert eager layout="${layout}" theme="${theme}" feed="${feed}" region="${region}"></child-alert>`,
  );
  await element.refresh();
  expect(element.alerts.length).to.equal(2);
  return element;
}

function layoutElement(element: ChildAlert): AlertLayoutElement {
  return shadow(element).querySelector<AlertLayoutElement>("[data-layout]")!;
}

describe("widget accessibility", () => {
  before(async () => {
    const name = uniqueFeedName("a11y");
    const code: [string, string] = ["TEST", `a11y-${Date.now()}`];
    await putFeed(name, {
      body: jsonFeed([
        capAlert({
          identifier: "A11Y-1",
          sent: capTimeFromNow(-HOUR),
          expires: capTimeFromNow(HOUR),
          headline: "Invented girl missing from Example Park",
          description: "An invented girl, 9, wearing a red coat.",
          instruction: "Call the police if you see her.",
          contact: "Police: +30 210 000 0000",
          web: "https://police.example.org/A11Y-1",
          geocode: code,
          parameters: [
            ["child-alert:age", "9"],
            ["child-alert:appearance", "Red coat"],
          ],
          photo: {
            derefUri: placeholderPngBase64(),
            mimeType: "image/png",
            description: "Invented girl",
          },
        }),
        capAlert({
          identifier: "A11Y-2",
          sent: capTimeFromNow(-2 * HOUR),
          kind: "missing",
          event: "Missing Child",
          headline: "Invented boy missing",
          status: "Actual",
          geocode: code,
        }),
      ]),
      contentType: "application/json",
    });
    feed = `/feeds/${name}`;
    region = code.join(":");
  });
  beforeEach(() => localStorage.removeItem(DISMISSED_STORAGE_KEY));
  afterEach(async () => {
    unmountAll();
    await resetMouse();
    await setViewport({ width: 800, height: 600 });
  });

  for (const layout of LAYOUTS) {
    for (const theme of ["light", "dark"]) {
      it(`${layout} ${theme} passes axe`, async () => {
        const axe = await loadAxe();
        const element = await mountLayout(layout, theme);
        const inner = layoutElement(element);
        // The stale-data notice is checked too, contrast included.
        inner.staleNotice = "Data from 14:05, may be out of date";
        await inner.updateComplete;
        if (layout === "list") {
          inner
            .shadowRoot!.querySelector<HTMLButtonElement>("[part~=toggle]")!
            .click();
          await inner.updateComplete;
        }
        // Cards and rows out of view skip rendering (content-visibility),
        // and axe cannot find the background of text that is not rendered.
        await setViewport({ width: 800, height: 3000 });
        await frames(2);
        const results = await axe.run(element, {
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
        expect(results.violations, describeViolations(results)).to.deep.equal(
          [],
        );
        // Contrast was really checked, not skipped as inapplicable.
        const contrast = [...results.passes, ...results.incomplete].find(
          (rule) => rule.id === "color-contrast",
        );
        expect(contrast, "color-contrast ran").to.not.equal(undefined);
      });
    }
  }

  it("collapsed banner passes axe", async () => {
    const axe = await loadAxe();
    const element = await mountLayout("banner", "dark");
    const inner = layoutElement(element);
    inner
      .shadowRoot!.querySelector<HTMLButtonElement>("[part~=toggle]")!
      .click();
    await inner.updateComplete;
    const results = await axe.run(element, {
      runOnly: { type: "tag", values: ["wcag2aa", "wcag22aa"] },
    });
    expect(results.violations, describeViolations(results)).to.deep.equal([]);
  });

  for (const layout of LAYOUTS) {
    it(`${layout} targets are at least 24px`, async () => {
      const element = await mountLayout(layout, "light");
      const inner = layoutElement(element);
      if (layout === "list") {
        inner
          .shadowRoot!.querySelector<HTMLButtonElement>("[part~=toggle]")!
          .click();
        await inner.updateComplete;
      }
      const targets =
        inner.shadowRoot!.querySelectorAll<HTMLElement>("button, a.action");
      expect(targets.length).to.be.above(1);
      for (const target of targets) {
        const box = target.getBoundingClientRect();
        const name = target.getAttribute("part") ?? target.textContent;
        expect(box.width, `${name} width`).to.be.at.least(24);
        expect(box.height, `${name} height`).to.be.at.least(24);
      }
    });
  }

  it("keyboard focus shows a ring", async () => {
    const element = await mountLayout("card", "light");
    const before = document.createElement("button");
    before.textContent = "before";
    element.before(before);
    before.focus();
    await sendKeys({ press: "Tab" });
    const inner = layoutElement(element);
    const focused = inner.shadowRoot!.activeElement as HTMLElement | null;
    expect(focused, "focus moved into the widget").to.not.equal(null);
    const style = getComputedStyle(focused!);
    expect(style.outlineStyle).to.equal("solid");
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    before.remove();
  });

  it("banner toggles from the keyboard", async () => {
    const element = await mountLayout("banner", "light");
    const inner = layoutElement(element);
    const toggle =
      inner.shadowRoot!.querySelector<HTMLButtonElement>("[part~=toggle]")!;
    toggle.focus();
    await sendKeys({ press: "Enter" });
    await inner.updateComplete;
    expect(toggle.getAttribute("aria-expanded")).to.equal("false");
    expect(inner.shadowRoot!.activeElement).to.equal(toggle);
    await sendKeys({ press: " " });
    await inner.updateComplete;
    expect(toggle.getAttribute("aria-expanded")).to.equal("true");
  });

  it("dismiss works from the keyboard", async () => {
    const element = await mountLayout("card", "light");
    const inner = layoutElement(element);
    inner
      .shadowRoot!.querySelector<HTMLButtonElement>("[part~=dismiss-button]")!
      .focus();
    await sendKeys({ press: "Enter" });
    await element.updateComplete;
    expect(element.alerts.length).to.equal(1);
  });

  it("ticker holds on hover and focus", async () => {
    const element = await mountLayout("ticker", "light");
    const ticker = layoutElement(element) as AlertLayoutElement & {
      stepping: boolean;
    };
    expect(ticker.stepping).to.equal(true);
    const box = ticker.getBoundingClientRect();
    await sendMouse({
      type: "move",
      position: [
        Math.round(box.left + 10),
        Math.round(box.top + box.height / 2),
      ],
    });
    await ticker.updateComplete;
    expect(ticker.stepping).to.equal(false);
    await sendMouse({
      type: "move",
      position: [0, Math.round(box.bottom + 200)],
    });
    await ticker.updateComplete;
    expect(ticker.stepping).to.equal(true);
    ticker
      .shadowRoot!.querySelector<HTMLButtonElement>("[part~=next-button]")!
      .focus();
    await ticker.updateComplete;
    expect(ticker.stepping).to.equal(false);
  });

  it("ticker pause button stops stepping", async () => {
    const element = await mountLayout("ticker", "light");
    const ticker = layoutElement(element) as AlertLayoutElement & {
      stepping: boolean;
      stepMs: number;
    };
    const pause = ticker.shadowRoot!.querySelector<HTMLButtonElement>(
      "[part~=pause-button]",
    )!;
    expect(pause.getAttribute("aria-pressed")).to.equal("false");
    pause.click();
    pause.blur();
    await ticker.updateComplete;
    expect(pause.getAttribute("aria-pressed")).to.equal("true");
    expect(ticker.stepping).to.equal(false);
  });

  it("ticker steps through alerts", async () => {
    const element = await mountLayout("ticker", "light");
    const ticker = layoutElement(element) as AlertLayoutElement & {
      stepMs: number;
    };
    const headline = () =>
      ticker.shadowRoot!.querySelector("[part~=headline]")!.textContent!.trim();
    const first = headline();
    ticker
      .shadowRoot!.querySelector<HTMLButtonElement>("[part~=next-button]")!
      .click();
    await ticker.updateComplete;
    expect(headline()).to.not.equal(first);
    ticker
      .shadowRoot!.querySelector<HTMLButtonElement>("[part~=previous-button]")!
      .click();
    await ticker.updateComplete;
    expect(headline()).to.equal(first);
  });
});
