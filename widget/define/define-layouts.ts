/**
 * Defines the layout elements under their tag names. Each is defined only
 * if the name is free, so two bundles on one page do not collide.
 */
import { AlertBannerLayout } from "../layouts/alert-banner.js";
import { AlertCardLayout } from "../layouts/alert-card.js";
import { AlertListLayout } from "../layouts/alert-list.js";
import { AlertPosterLayout } from "../layouts/alert-poster.js";
import { AlertTickerLayout } from "../layouts/alert-ticker.js";

const LAYOUT_ELEMENTS: [string, CustomElementConstructor][] = [
  ["child-alert-banner", AlertBannerLayout],
  ["child-alert-card", AlertCardLayout],
  ["child-alert-list", AlertListLayout],
  ["child-alert-ticker", AlertTickerLayout],
  ["child-alert-poster", AlertPosterLayout],
];

for (const [name, constructor] of LAYOUT_ELEMENTS) {
  if (!customElements.get(name)) customElements.define(name, constructor);
}

declare global {
  interface HTMLElementTagNameMap {
    "child-alert-banner": AlertBannerLayout;
    "child-alert-card": AlertCardLayout;
    "child-alert-list": AlertListLayout;
    "child-alert-ticker": AlertTickerLayout;
    "child-alert-poster": AlertPosterLayout;
  }
}
