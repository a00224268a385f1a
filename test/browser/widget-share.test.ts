import { expect } from "chai";
import { resetMouse, sendMouse } from "@web/test-runner-commands";
import "../../widget/define/define-layouts.js";
import type { AlertLayoutElement } from "../../widget/layouts/alert-layout-element.js";
import {
  makeView,
  mount,
  shadow,
  unmountAll,
  waitFor,
} from "./widget-helpers.js";

async function clickCenter(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: "click",
    position: [
      Math.round(box.left + box.width / 2),
      Math.round(box.top + box.height / 2),
    ],
  });
}

describe("widget share", () => {
  afterEach(async () => {
    unmountAll();
    await resetMouse();
  });

  it("copies the page link without Web Share", async function () {
    if (typeof navigator.share === "function") {
      // This browser shares through the system sheet, which a test cannot close.
      this.skip();
    }
    const card = mount<AlertLayoutElement>(
      "<child-alert-card></child-alert-card>",
    );
    card.alerts = [makeView()];
    await card.updateComplete;
    const root = shadow(card);
    await clickCenter(root.querySelector("[part~=share-button]")!);
    const status = root.querySelector("[part~=status]")!;
    await waitFor(
      () => status.textContent!.trim() !== "",
      "the share confirmation",
    );
    const text = status.textContent!.trim();
    if (text === "Link copied") {
      // The clipboard accepted the write; the link is what was copied.
      expect(
        await navigator.clipboard.readText().catch(() => "unreadable"),
      ).to.be.oneOf(["https://police.example.org/alerts/CA-1", "unreadable"]);
    } else {
      // The clipboard refused: the link is shown so the reader can copy it.
      expect(text).to.equal("https://police.example.org/alerts/CA-1");
    }
  });
});
