import { expect } from "chai";
import "../../widget/define/define-layouts.js";
import { EL } from "../../widget/i18n/ui-strings.js";
import type { AlertLayoutElement } from "../../widget/layouts/alert-layout-element.js";
import type { AlertView } from "../../shared/view/alert-view.js";
import {
  makeView,
  mount,
  placeholderPngBase64,
  shadow,
  unmountAll,
  waitFor,
} from "./widget-helpers.js";

const LAYOUT_TAGS = [
  "child-alert-banner",
  "child-alert-card",
  "child-alert-list",
  "child-alert-ticker",
  "child-alert-poster",
] as const;

async function renderLayout(
  tag: string,
  alerts: AlertView[],
  setup: (element: AlertLayoutElement) => void = () => {},
): Promise<ShadowRoot> {
  const element = mount<AlertLayoutElement>(`<${tag}></${tag}>`);
  element.alerts = alerts;
  element.timeZone = "Europe/Athens";
  setup(element);
  await element.updateComplete;
  return shadow(element);
}

/** Opens every list row so its details are rendered. */
async function expandList(root: ShadowRoot): Promise<void> {
  for (const button of root.querySelectorAll<HTMLButtonElement>(
    "[part~=toggle]",
  )) {
    button.click();
  }
  await (root.host as AlertLayoutElement).updateComplete;
}

describe("widget layouts", () => {
  afterEach(unmountAll);

  for (const tag of LAYOUT_TAGS) {
    describe(tag, () => {
      it("shows headline and labelled region", async () => {
        const root = await renderLayout(tag, [makeView()]);
        const headline = root.querySelector("[part~=headline]");
        expect(headline?.textContent?.trim()).to.equal(
          "Invented child missing from Example Park",
        );
        const region = root.querySelector("section[aria-label]");
        expect(region?.getAttribute("aria-label")).to.equal("Child alerts");
      });

      it("renders nothing for no alerts", async () => {
        const root = await renderLayout(tag, []);
        expect(root.querySelectorAll("[part~=headline]").length).to.equal(0);
      });

      it("dismiss fires child-alert-dismiss", async () => {
        const view = makeView();
        const root = await renderLayout(tag, [view]);
        if (tag === "child-alert-list") await expandList(root);
        let detail: { alert: AlertView } | undefined;
        root.host.addEventListener("child-alert-dismiss", (event) => {
          detail = (event as CustomEvent<{ alert: AlertView }>).detail;
        });
        root
          .querySelector<HTMLButtonElement>("[part~=dismiss-button]")!
          .click();
        expect(detail?.alert.version).to.equal(view.version);
      });

      it("shows the stale notice when set", async () => {
        const root = await renderLayout(tag, [makeView()]);
        expect(root.querySelector("[part~=stale-notice]")).to.equal(null);
        const element = root.host as AlertLayoutElement;
        element.staleNotice = "Data from 14:05, may be out of date";
        await element.updateComplete;
        const notice = root.querySelector("[part~=stale-notice]");
        expect(notice?.textContent).to.equal(
          "Data from 14:05, may be out of date",
        );
        expect(notice?.closest("section[aria-label]")).to.not.equal(null);
        expect(notice?.hasAttribute("aria-live")).to.equal(false);
      });
    });
  }

  for (const tag of [
    "child-alert-banner",
    "child-alert-card",
    "child-alert-list",
    "child-alert-poster",
  ]) {
    describe(`${tag} details`, () => {
      it("shows photo with alt text", async () => {
        const url = `data:image/png;base64,${placeholderPngBase64()}`;
        const root = await renderLayout(tag, [
          makeView({
            photo: {
              url,
              mimeType: "image/png",
              alt: "Photo of the invented girl",
            },
          }),
        ]);
        const photo = root.querySelector<HTMLImageElement>("img[part~=photo]");
        expect(photo?.getAttribute("src")).to.equal(url);
        expect(photo?.alt).to.equal("Photo of the invented girl");
        expect(photo?.referrerPolicy).to.equal("no-referrer");
      });

      it("links call, web and share", async () => {
        const root = await renderLayout(tag, [makeView()]);
        if (tag === "child-alert-list") await expandList(root);
        const call = root.querySelector<HTMLAnchorElement>("[part~=call-link]");
        expect(call?.getAttribute("href")).to.equal("tel:+302100000000");
        expect(call?.textContent).to.contain("+30 210 000 0000");
        const web = root.querySelector<HTMLAnchorElement>("[part~=web-link]");
        expect(web?.getAttribute("href")).to.equal(
          "https://police.example.org/alerts/CA-1",
        );
        expect(web?.rel).to.contain("noopener");
        expect(root.querySelector("[part~=share-button]")).to.not.equal(null);
      });
    });
  }

  describe("card content", () => {
    it("shows description and facts", async () => {
      const root = await renderLayout("child-alert-card", [makeView()]);
      expect(root.querySelector("[part~=description]")?.textContent).to.equal(
        "An invented girl, 9, was last seen near the fountain.",
      );
      const facts = root.querySelector("[part~=facts]")!;
      const terms = [...facts.querySelectorAll("dt")].map(
        (dt) => dt.textContent,
      );
      expect(terms).to.deep.equal([
        "Age",
        "Appearance",
        "Last seen",
        "What to do",
        "Contact",
      ]);
      const values = [...facts.querySelectorAll("dd")].map(
        (dd) => dd.textContent,
      );
      expect(values[0]).to.equal("9");
      expect(values[2]).to.match(/^Example Park, /);
    });

    it("shows onset and end with zone", async () => {
      const root = await renderLayout("child-alert-card", [makeView()]);
      const meta = root
        .querySelector("[part~=meta]")!
        .textContent!.replace(/\s+/g, " ");
      const zone = new Intl.DateTimeFormat("en", {
        timeZone: "Europe/Athens",
        timeZoneName: "short",
      })
        .formatToParts(Date.parse("2026-12-04T10:00:00+02:00"))
        .find((part) => part.type === "timeZoneName")!.value;
      expect(meta).to.contain("Example City");
      expect(meta).to.contain("From ");
      expect(meta).to.contain("until ");
      expect(meta).to.contain(zone);
      expect(meta).to.contain("10:00");
    });

    it("says when no end is given", async () => {
      const root = await renderLayout("child-alert-card", [
        makeView({ ends: undefined }),
      ]);
      const meta = root.querySelector("[part~=meta]")!.textContent!;
      expect(meta).to.contain("no end time given");
      expect(meta).to.not.contain("until");
    });

    it("labels test, update and kind", async () => {
      const root = await renderLayout("child-alert-card", [
        makeView({ status: "Test", msgType: "Update", kind: "missing" }),
      ]);
      const labels = [...root.querySelectorAll("[part~=label]")].map(
        (label) => label.textContent,
      );
      expect(labels).to.deep.equal(["Missing child", "TEST", "Update"]);
    });

    it("omits call link without number", async () => {
      const root = await renderLayout("child-alert-card", [
        makeView({ contact: "Any police station" }),
      ]);
      expect(root.querySelector("[part~=call-link]")).to.equal(null);
      expect(root.querySelector("[part~=facts]")!.textContent).to.contain(
        "Any police station",
      );
    });

    it("omits share without a page", async () => {
      const root = await renderLayout("child-alert-card", [
        makeView({ web: undefined }),
      ]);
      expect(root.querySelector("[part~=share-button]")).to.equal(null);
      expect(root.querySelector("[part~=web-link]")).to.equal(null);
    });

    it("renders Greek interface strings", async () => {
      const root = await renderLayout(
        "child-alert-card",
        [makeView()],
        (element) => {
          element.strings = EL;
          element.language = "el";
        },
      );
      const section = root.querySelector("section")!;
      expect(section.getAttribute("lang")).to.equal("el");
      expect(section.getAttribute("aria-label")).to.equal(EL.alerts);
      expect(root.querySelector("[part~=label]")!.textContent).to.equal(
        EL.abduction,
      );
      expect(root.querySelector("[part~=meta]")!.textContent).to.contain(
        "Από ",
      );
    });
  });

  describe("text direction", () => {
    it("sets rtl on Arabic alert text", async () => {
      const root = await renderLayout("child-alert-card", [
        makeView({ language: "ar", headline: "طفل مفقود", description: "وصف" }),
      ]);
      const headline = root.querySelector("[part~=headline]")!;
      expect(headline.getAttribute("dir")).to.equal("rtl");
      expect(headline.getAttribute("lang")).to.equal("ar");
      expect(
        root.querySelector("[part~=description]")!.getAttribute("dir"),
      ).to.equal("rtl");
      expect(root.querySelector("section")!.getAttribute("dir")).to.equal(
        "ltr",
      );
    });

    it("keeps ltr on English text", async () => {
      const root = await renderLayout("child-alert-card", [makeView()]);
      expect(
        root.querySelector("[part~=headline]")!.getAttribute("dir"),
      ).to.equal("ltr");
    });
  });

  describe("banner", () => {
    it("collapses to a bar and reopens", async () => {
      const root = await renderLayout("child-alert-banner", [
        makeView(),
        makeView({
          key: "police@example.invalid,CA-2",
          headline: "Second invented alert",
        }),
      ]);
      const toggle = root.querySelector<HTMLButtonElement>("[part~=toggle]")!;
      expect(toggle.getAttribute("aria-expanded")).to.equal("true");
      toggle.click();
      await (root.host as AlertLayoutElement).updateComplete;
      expect(toggle.getAttribute("aria-expanded")).to.equal("false");
      expect(root.querySelector("[part~=bar]")!.textContent).to.contain("(+1)");
      expect(root.querySelectorAll("[part~=headline]").length).to.equal(0);
      expect(
        root.querySelector("[part~=bar]")!.getBoundingClientRect().height,
      ).to.be.below(48);
      toggle.click();
      await (root.host as AlertLayoutElement).updateComplete;
      expect(root.querySelectorAll("[part~=headline]").length).to.equal(2);
    });
  });

  describe("ticker", () => {
    it("steps on its own", async () => {
      const ticker = mount<
        AlertLayoutElement & { stepMs: number; index: number }
      >("<child-alert-ticker></child-alert-ticker>");
      ticker.stepMs = 50;
      ticker.alerts = [
        makeView(),
        makeView({
          key: "k2",
          version: "k2,v",
          headline: "Second invented alert",
        }),
      ];
      await ticker.updateComplete;
      const root = shadow(ticker);
      const headline = () =>
        root.querySelector("[part~=headline]")!.textContent!.trim();
      expect(headline()).to.equal("Invented child missing from Example Park");
      await waitFor(
        () => headline() === "Second invented alert",
        "the ticker to step",
      );
      expect(root.querySelector(".count")!.textContent).to.equal("2/2");
    });
  });

  describe("list", () => {
    it("details button opens a row", async () => {
      const root = await renderLayout("child-alert-list", [makeView()]);
      const toggle = root.querySelector<HTMLButtonElement>("[part~=toggle]")!;
      expect(toggle.getAttribute("aria-expanded")).to.equal("false");
      expect(root.querySelector("[part~=description]")).to.equal(null);
      toggle.click();
      await (root.host as AlertLayoutElement).updateComplete;
      expect(toggle.getAttribute("aria-expanded")).to.equal("true");
      expect(root.querySelector("[part~=description]")).to.not.equal(null);
    });
  });
});
