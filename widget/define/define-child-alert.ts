/** Defines `<child-alert>` and the layouts it renders. The widget bundles start here. */
import { ChildAlert } from "../child-alert.js";
import "./define-layouts.js";

if (!customElements.get("child-alert")) {
  customElements.define("child-alert", ChildAlert);
}

declare global {
  interface HTMLElementTagNameMap {
    "child-alert": ChildAlert;
  }
}
