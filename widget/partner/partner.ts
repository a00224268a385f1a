/**
 * Entry of the partner banner script, `dist/widget/partner.js`: a classic
 * script that carries the widget, inserts a site-wide banner as configured
 * by its own script tag's data attributes, and registers the service
 * worker that keeps the banner working offline.
 */
import "../define/define-child-alert.js";
import { SCRIPT_URL } from "../script-url.js";
import { insertBanner } from "./insert-banner.js";
import { readPartnerConfig } from "./partner-config.js";
import { registerPartnerServiceWorker } from "./register-service-worker.js";

const script = document.currentScript as HTMLScriptElement | null;

function start(dataset: DOMStringMap): void {
  const config = readPartnerConfig(dataset, document.baseURI);
  const banner = insertBanner(config.widgetAttributes);
  if (config.serviceWorkerUrl !== undefined) {
    registerPartnerServiceWorker({
      scriptUrl: config.serviceWorkerUrl,
      scope: config.serviceWorkerScope,
      feeds: config.feeds,
      widgetBase: new URL("./", SCRIPT_URL).href,
      target: banner,
    });
  }
}

if (script === null) {
  console.warn(
    "child-alert partner: partner.js must be loaded by a classic <script> tag, which carries its settings.",
  );
} else {
  const dataset = script.dataset;
  if (document.body !== null) start(dataset);
  else
    document.addEventListener("DOMContentLoaded", () => start(dataset), {
      once: true,
    });
}
