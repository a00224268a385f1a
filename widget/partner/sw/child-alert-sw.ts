/**
 * Entry of the partner service worker, `dist/widget/child-alert-sw.js`.
 * Its settings come from its URL's query (see sw-config.ts), which
 * partner.js writes.
 */
import {
  installPartnerServiceWorker,
  precacheEntries,
} from "./install-partner-sw.js";
import { PRECACHE_FILES } from "./precache-manifest.js";
import { serviceWorkerScope } from "./service-worker-scope.js";
import { readServiceWorkerConfig } from "./sw-config.js";

const config = readServiceWorkerConfig(serviceWorkerScope().location.href);
installPartnerServiceWorker({
  config,
  precache: precacheEntries(PRECACHE_FILES, config.widgetBase),
});
