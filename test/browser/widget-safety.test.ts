import { expect } from "chai";
import "../../widget/define/define-child-alert.js";
import "../../widget/define/define-layouts.js";
import type { ChildAlert } from "../../widget/child-alert.js";
import type { AlertLayoutElement } from "../../widget/layouts/alert-layout-element.js";
import {
  findPhoneLink,
  safeLinkUrl,
  safePhotoUrl,
} from "../../widget/safety/safe-url.js";
import {
  capTimeFromNow,
  capXml,
  makeView,
  mount,
  putFeed,
  shadow,
  uniqueFeedName,
  unmountAll,
} from "./widget-helpers.js";

const SVG_BASE64 = btoa(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);

describe("widget URL checks", () => {
  const links: [string, string | undefined][] = [
    ["https://police.example.org/a?b=1", "https://police.example.org/a?b=1"],
    ["http://localhost:8000/x", "http://localhost:8000/x"],
    ["http://127.0.0.1/x", "http://127.0.0.1/x"],
    ["http://[::1]/x", "http://[::1]/x"],
    ["http://police.example.org/", undefined],
    ["javascript:alert(1)", undefined],
    ["JaVaScRiPt:alert(1)", undefined],
    ["data:text/html,<script>alert(1)</script>", undefined],
    ["file:///etc/passwd", undefined],
    ["https://user:pass@police.example.org/", undefined],
    ["/relative/path", undefined],
    ["", undefined],
  ];
  for (const [input, expected] of links) {
    it(`link ${JSON.stringify(input)}`, () => {
      expect(safeLinkUrl(input)).to.equal(expected);
    });
  }

  const photos: [string, string, boolean][] = [
    ["https://police.example.org/p.jpg", "image/jpeg", true],
    ["https://police.example.org/p.svg", "image/jpeg", false],
    ["https://police.example.org/p.SVGZ", "", false],
    ["https://police.example.org/p", "image/svg+xml", false],
    ["data:image/png;base64,iVBORw0KGgo=", "image/png", true],
    [`data:image/svg+xml;base64,${SVG_BASE64}`, "image/png", false],
    ["data:text/html;base64,PHNjcmlwdD4=", "image/png", false],
    ["data:image/png,<svg>", "image/png", false],
    ["javascript:alert(1)", "image/png", false],
    ["http://police.example.org/p.jpg", "image/jpeg", false],
  ];
  for (const [input, mimeType, allowed] of photos) {
    it(`photo ${input.slice(0, 48)} ${mimeType}`, () => {
      expect(safePhotoUrl(input, mimeType) !== undefined).to.equal(allowed);
    });
  }

  const phones: [string, string | undefined][] = [
    ["Police: +30 210 000 0000", "tel:+302100000000"],
    ["Call 112", "tel:112"],
    ["(555) 010-0199", "tel:5550100199"],
    ["Any police station", undefined],
    ["Since 2026-12-04 call 100", "tel:100"],
    ["Room 12", undefined],
    ["1234567890123456789", undefined],
  ];
  for (const [contact, expected] of phones) {
    it(`phone in ${JSON.stringify(contact)}`, () => {
      expect(findPhoneLink(contact)?.href).to.equal(expected);
    });
  }
});

describe("widget hostile feed text", () => {
  afterEach(unmountAll);

  it("renders markup as text", async () => {
    const element = mount<AlertLayoutElement>(
      "<child-alert-card></child-alert-card>",
    );
    element.alerts = [
      makeView({
        headline: '<img src=x onerror="window.__pwned = 1">Headline',
        description: "<script>window.__pwned = 2</script><b>bold</b>",
        instruction: "<a href='javascript:alert(1)'>click</a>",
        areaDesc: "<i>Area</i>",
      }),
    ];
    await element.updateComplete;
    const root = shadow(element);
    expect(
      root.querySelector("[part~=headline]")!.textContent!.trim(),
    ).to.equal('<img src=x onerror="window.__pwned = 1">Headline');
    expect(root.querySelector("[part~=description]")!.textContent).to.equal(
      "<script>window.__pwned = 2</script><b>bold</b>",
    );
    expect(root.querySelectorAll("script, b, i").length).to.equal(0);
    expect(root.querySelectorAll("img").length).to.equal(0);
    expect(
      [...root.querySelectorAll("a")].map((a) => a.getAttribute("href")),
    ).to.deep.equal([
      "tel:+302100000000",
      "https://police.example.org/alerts/CA-1",
    ]);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it("drops unsafe links and photos", async () => {
    const element = mount<AlertLayoutElement>(
      "<child-alert-poster></child-alert-poster>",
    );
    element.alerts = [
      makeView({
        web: "javascript:alert(1)",
        photo: {
          url: `data:image/svg+xml;base64,${SVG_BASE64}`,
          mimeType: "image/svg+xml",
          alt: "x",
        },
      }),
    ];
    await element.updateComplete;
    const root = shadow(element);
    expect(root.querySelector("img")).to.equal(null);
    expect(root.querySelector("[part~=web-link]")).to.equal(null);
    expect(root.querySelector("[part~=share-button]")).to.equal(null);
  });

  it("drops them from a real feed", async () => {
    const name = uniqueFeedName("hostile");
    const region = ["TEST", `hostile-${Date.now()}`] as [string, string];
    await putFeed(name, {
      body: capXml({
        identifier: "HOSTILE-1",
        sent: capTimeFromNow(-3_600_000),
        headline: "<b>Bold</b> headline",
        description: "<img src=x onerror=alert(1)> text",
        web: "javascript:alert(document.cookie)",
        geocode: region,
        photo: {
          derefUri: SVG_BASE64,
          mimeType: "image/svg+xml",
          description: "svg",
        },
      }),
    });
    const element = mount<ChildAlert>(
      `<child-alert eager layout="card" feed="/feeds/${name}" region="${region.join(":")}"></child-alert>`,
    );
    await element.refresh();
    expect(element.alerts.length).to.equal(1);
    const root = shadow(element).querySelector("[data-layout]")!.shadowRoot!;
    expect(
      root.querySelector("[part~=headline]")!.textContent!.trim(),
    ).to.equal("<b>Bold</b> headline");
    expect(root.querySelectorAll("img, b").length).to.equal(0);
    expect(root.querySelector("[part~=web-link]")).to.equal(null);
  });
});
