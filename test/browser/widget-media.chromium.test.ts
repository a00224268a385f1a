/** Emulated media features need the Chrome DevTools Protocol, so this file runs in Chromium only. */
import { expect } from "chai";
import { emulateMedia } from "@web/test-runner-commands";
import "../../widget/define/define-layouts.js";
import type { AlertLayoutElement } from "../../widget/layouts/alert-layout-element.js";
import {
  makeView,
  mount,
  shadow,
  unmountAll,
  waitFor,
} from "./widget-helpers.js";

type Ticker = AlertLayoutElement & { stepping: boolean };

function background(element: AlertLayoutElement): string {
  return getComputedStyle(shadow(element).querySelector(".card")!)
    .backgroundColor;
}

async function card(attributes = ""): Promise<AlertLayoutElement> {
  const element = mount<AlertLayoutElement>(
    `<child-alert-card ${attributes}></child-alert-card>`,
  );
  element.alerts = [makeView()];
  await element.updateComplete;
  return element;
}

describe("widget media features", () => {
  afterEach(async () => {
    unmountAll();
    await emulateMedia({
      reducedMotion: "no-preference",
      colorScheme: "light",
    });
  });

  it("ticker stops under reduced motion", async () => {
    const ticker = mount<Ticker>("<child-alert-ticker></child-alert-ticker>");
    ticker.alerts = [
      makeView(),
      makeView({ key: "k2", version: "k2,v", headline: "Two" }),
    ];
    await ticker.updateComplete;
    expect(ticker.stepping).to.equal(true);
    expect(shadow(ticker).querySelector("[part~=pause-button]")).to.not.equal(
      null,
    );
    await emulateMedia({ reducedMotion: "reduce" });
    // The media query's change event arrives with a later rendering update.
    await waitFor(() => !ticker.stepping, "the ticker to stop stepping");
    await ticker.updateComplete;
    expect(shadow(ticker).querySelector("[part~=pause-button]")).to.equal(null);
    expect(shadow(ticker).querySelector("[part~=next-button]")).to.not.equal(
      null,
    );
  });

  it("auto theme follows the scheme", async () => {
    const element = await card();
    expect(background(element)).to.equal("rgb(255, 255, 255)");
    await emulateMedia({ colorScheme: "dark" });
    expect(background(element)).to.equal("rgb(31, 31, 35)");
  });

  it("theme attribute overrides the scheme", async () => {
    await emulateMedia({ colorScheme: "dark" });
    const light = await card('theme="light"');
    expect(background(light)).to.equal("rgb(255, 255, 255)");
    await emulateMedia({ colorScheme: "light" });
    const dark = await card('theme="dark"');
    expect(background(dark)).to.equal("rgb(31, 31, 35)");
  });

  it("custom properties restyle it", async () => {
    const element = await card(
      'style="--child-alert-background: rgb(1, 2, 3); --child-alert-radius: 0px"',
    );
    expect(background(element)).to.equal("rgb(1, 2, 3)");
    expect(
      getComputedStyle(shadow(element).querySelector(".card")!)
        .borderTopLeftRadius,
    ).to.equal("0px");
  });
});
