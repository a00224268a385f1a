import { expect } from "chai";
import "../../widget/define/define-child-alert.js";
import type { ChildAlert } from "../../widget/child-alert.js";
import { DISMISSED_STORAGE_KEY } from "../../widget/dismissal/dismissed-versions.js";
import {
  capAlert,
  capTimeFromNow,
  jsonFeed,
  mount,
  placeholderPngBase64,
  putFeed,
  shadow,
  uniqueFeedName,
  unmountAll,
} from "./widget-helpers.js";

/** Page rules that would wreck a widget not isolated from its host. */
const HOSTILE_CSS = `
  html { font-size: 10px !important; }
  body { font: 40px/3 serif !important; color: rgb(255, 0, 0) !important;
         letter-spacing: 3px !important; text-transform: uppercase !important;
         word-spacing: 10px !important; text-align: right !important; }
  button { background: rgb(0, 255, 0) !important; font-size: 40px !important;
           padding: 30px !important; border: 5px dotted red !important; }
  img { display: none !important; filter: blur(5px) !important; }
  div { color: rgb(255, 0, 0) !important; font-family: fantasy !important;
        letter-spacing: 5px !important; line-height: 3 !important; }
  .card, .photo, .headline, .actions, .label, .action, .meta {
    display: none !important; color: rgb(255, 0, 0) !important; }
`;

const PROPERTIES = [
  "display",
  "color",
  "background-color",
  "font-size",
  "font-family",
  "line-height",
  "letter-spacing",
  "text-transform",
  "padding-top",
  "border-top-style",
  "filter",
  "text-align",
];

const INTERNALS = [
  ".card",
  "[part~=photo]",
  "[part~=headline]",
  "[part~=description]",
  "[part~=meta]",
  "[part~=label]",
  "[part~=actions]",
  "[part~=dismiss-button]",
  "[part~=share-button]",
  "[part~=call-link]",
];

function snapshot(root: ShadowRoot): Record<string, Record<string, string>> {
  const result: Record<string, Record<string, string>> = {};
  for (const selector of INTERNALS) {
    const element = root.querySelector(selector);
    if (element === null)
      throw new Error(`${selector} is missing from the card`);
    const style = getComputedStyle(element);
    result[selector] = Object.fromEntries(
      PROPERTIES.map((property) => [
        property,
        style.getPropertyValue(property),
      ]),
    );
  }
  return result;
}

async function mountCard(): Promise<ChildAlert> {
  const name = uniqueFeedName("host");
  const code: [string, string] = ["TEST", `host-${Date.now()}`];
  await putFeed(name, {
    body: jsonFeed([
      capAlert({
        identifier: `HOST-${Date.now()}-${Math.random()}`,
        sent: capTimeFromNow(-3_600_000),
        description: "An invented description.",
        contact: "Call 112",
        web: "https://police.example.org/HOST-1",
        geocode: code,
        photo: {
          derefUri: placeholderPngBase64(),
          mimeType: "image/png",
          description: "Invented",
        },
      }),
    ]),
    contentType: "application/json",
  });
  const element = mount<ChildAlert>(
    `<child-alert eager layout="card" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
  );
  await element.refresh();
  return element;
}

describe("widget on a hostile host page", () => {
  let style: HTMLStyleElement | null = null;
  beforeEach(() => localStorage.removeItem(DISMISSED_STORAGE_KEY));
  afterEach(() => {
    style?.remove();
    style = null;
    unmountAll();
  });

  it("internals ignore page rules", async () => {
    const element = await mountCard();
    const root = shadow(element).querySelector("[data-layout]")!.shadowRoot!;
    const before = snapshot(root);
    style = document.createElement("style");
    style.textContent = HOSTILE_CSS;
    document.head.append(style);
    const after = snapshot(root);
    expect(after).to.deep.equal(before);
    // The values are the widget's own, not defaults that happen to agree.
    expect(before["[part~=headline]"]!["font-size"]).to.equal("18px");
    expect(before["[part~=photo]"]!["display"]).to.equal("block");
    expect(before[".card"]!["display"]).to.equal("flex");
  });

  it("root font size does not shrink it", async () => {
    const element = await mountCard();
    const root = shadow(element).querySelector("[data-layout]")!.shadowRoot!;
    const headline = root.querySelector("[part~=headline]")!;
    const width = element.getBoundingClientRect().width;
    style = document.createElement("style");
    style.textContent = "html { font-size: 10px !important; }";
    document.head.append(style);
    expect(getComputedStyle(headline).fontSize).to.equal("18px");
    expect(element.getBoundingClientRect().width).to.equal(width);
  });

  it("page styles parts it names", async () => {
    const element = await mountCard();
    style = document.createElement("style");
    style.textContent =
      "child-alert::part(headline) { color: rgb(1, 2, 3); } child-alert::part(call-link) { border-radius: 17px; }";
    document.head.append(style);
    const root = shadow(element).querySelector("[data-layout]")!.shadowRoot!;
    expect(
      getComputedStyle(root.querySelector("[part~=headline]")!).color,
    ).to.equal("rgb(1, 2, 3)");
    expect(
      getComputedStyle(root.querySelector("[part~=call-link]")!)
        .borderTopLeftRadius,
    ).to.equal("17px");
  });

  it("page elements are untouched", async () => {
    const pageButton = mount<HTMLButtonElement>(
      '<button class="action card">Page button</button>',
    );
    const pageDiv = mount<HTMLDivElement>(
      '<div class="headline photo">Page div</div>',
    );
    const sheetsBefore = document.styleSheets.length;
    const adoptedBefore = document.adoptedStyleSheets.length;
    const styleOf = (element: Element) =>
      PROPERTIES.map((property) =>
        getComputedStyle(element).getPropertyValue(property),
      );
    const buttonBefore = styleOf(pageButton);
    const divBefore = styleOf(pageDiv);
    await mountCard();
    expect(styleOf(pageButton)).to.deep.equal(buttonBefore);
    expect(styleOf(pageDiv)).to.deep.equal(divBefore);
    expect(document.styleSheets.length).to.equal(sheetsBefore);
    expect(document.adoptedStyleSheets.length).to.equal(adoptedBefore);
  });
});
