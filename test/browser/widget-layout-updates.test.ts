import { expect } from "chai";
import "../../widget/define/define-layouts.js";
import { EL } from "../../widget/i18n/ui-strings.js";
import { AlertCardLayout } from "../../widget/layouts/alert-card.js";
import type { AlertView } from "../../shared/view/alert-view.js";
import { makeView, mount, shadow, unmountAll } from "./widget-helpers.js";

/** A card layout that counts the cards it renders. */
class CountingCardLayout extends AlertCardLayout {
  rendered = 0;

  protected override renderCard(alert: AlertView, index: number) {
    this.rendered += 1;
    return super.renderCard(alert, index);
  }
}
customElements.define("counting-card-layout", CountingCardLayout);

/** Returns `count` invented alert views with distinct keys. */
function views(count: number): AlertView[] {
  return Array.from({ length: count }, (_, index) =>
    makeView({
      key: `police@example.invalid,CA-${index}`,
      headline: `Invented alert ${index}`,
    }),
  );
}

/** Mounts a counting card layout showing `alerts`. */
async function mountCards(alerts: AlertView[]): Promise<CountingCardLayout> {
  const element = mount<CountingCardLayout>(
    "<counting-card-layout></counting-card-layout>",
  );
  element.alerts = alerts;
  await element.updateComplete;
  return element;
}

describe("layout updates", () => {
  afterEach(unmountAll);

  it("renders only an added alert", async () => {
    const alerts = views(3);
    const element = await mountCards(alerts.slice(0, 2));
    expect(element.rendered).to.equal(2);

    element.alerts = alerts;
    await element.updateComplete;

    expect(element.rendered).to.equal(3);
    expect(shadow(element).querySelectorAll("[part~=card]")).to.have.length(3);
  });

  it("renders a replaced alert again", async () => {
    const alerts = views(2);
    const element = await mountCards(alerts);
    const updated = { ...alerts[1]!, headline: "Invented alert, updated" };

    element.alerts = [alerts[0]!, updated];
    await element.updateComplete;

    expect(element.rendered).to.equal(3);
    const headlines = shadow(element).querySelectorAll("[part~=headline]");
    expect(headlines[1]!.textContent!.trim()).to.equal(
      "Invented alert, updated",
    );
  });

  it("renders every alert for new strings", async () => {
    const element = await mountCards(views(2));

    element.strings = EL;
    element.language = "el";
    await element.updateComplete;

    expect(element.rendered).to.equal(4);
  });
});
