/**
 * The demo site's service worker, `dist/demo/child-alert-sw.js`: the
 * partner service worker, whose precache also contains the demo's own pages,
 * so that the partner portal page reloads with no network at all. A real
 * partner site caches its own pages as it sees fit; this worker shows that
 * the banner's part works once they load.
 */
import {
  installPartnerServiceWorker,
  precacheEntries,
  type PrecacheFile,
} from "../../widget/partner/sw/install-partner-sw.js";
import { PRECACHE_FILES } from "../../widget/partner/sw/precache-manifest.js";
import { serviceWorkerScope } from "../../widget/partner/sw/service-worker-scope.js";
import { readServiceWorkerConfig } from "../../widget/partner/sw/sw-config.js";

/** The demo's pages and assets, relative to the site root; written by the build. */
declare const __CHILD_ALERT_DEMO_PRECACHE__: PrecacheFile[];

const scriptUrl = serviceWorkerScope().location.href;
const config = readServiceWorkerConfig(scriptUrl);
installPartnerServiceWorker({
  config,
  precache: [
    ...precacheEntries(PRECACHE_FILES, config.widgetBase),
    ...precacheEntries(
      __CHILD_ALERT_DEMO_PRECACHE__,
      new URL("/", scriptUrl).href,
    ),
  ],
});
