/**
 * Registers the partner service worker with workbox-window and tells the
 * page when a new version takes control, through a `child-alert-update`
 * event on the banner element.
 */
import { Workbox } from "workbox-window";

/** Detail of the `child-alert-update` event. */
export interface ChildAlertUpdateDetail {
  /** URL of the service worker that now controls the page. */
  scriptUrl: string;
}

/**
 * How often an open page asks the browser to check for a new version of
 * the worker: hourly. The browser also checks on every navigation.
 */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Name of the Trusted Types policy that passes the worker's URL to `register`. */
export const TRUSTED_TYPES_POLICY = "child-alert-partner";

interface TrustedTypesPolicyFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}

/**
 * Registers the worker at `scriptUrl`, with the feeds and the widget's
 * folder in its query, and dispatches `child-alert-update` on `target`
 * whenever a new worker takes control of a page that already had one.
 */
export function registerPartnerServiceWorker(options: {
  scriptUrl: string;
  scope: string;
  feeds: readonly string[];
  widgetBase: string;
  target: EventTarget;
}): void {
  if (!("serviceWorker" in navigator)) return;
  const url = new URL(options.scriptUrl);
  for (const feed of options.feeds) url.searchParams.append("feed", feed);
  url.searchParams.set("widget", options.widgetBase);

  // The controller at start tells an update from the first install. It is
  // read here, not when workbox-window registers after the load event,
  // because a worker that the navigation updated can take control before.
  const hadController = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!hadController) return;
    const scriptUrl = navigator.serviceWorker.controller?.scriptURL ?? "";
    options.target.dispatchEvent(
      new CustomEvent<ChildAlertUpdateDetail>("child-alert-update", {
        detail: { scriptUrl },
        bubbles: true,
        composed: true,
      }),
    );
  });

  let workbox: Workbox;
  try {
    workbox = new Workbox(trustedScriptUrl(url.href) as string, {
      scope: options.scope,
    });
  } catch (error) {
    console.warn(
      `child-alert partner: the service worker ${url.href} could not be registered: ${String(error)}`,
    );
    return;
  }
  workbox.register().then(
    () => {
      setInterval(() => void workbox.update(), UPDATE_CHECK_INTERVAL_MS);
    },
    (error: unknown) => {
      console.warn(
        `child-alert partner: registering the service worker ${url.pathname} with scope "${options.scope}" failed: ${String(error)}. ` +
          `Serve it from that scope, or send "Service-Worker-Allowed: ${options.scope}" with it (see docs/partner.md).`,
      );
    },
  );
}

/**
 * Returns the URL as a TrustedScriptURL where the page has Trusted Types,
 * else as it is. A page that enforces Trusted Types must allow the policy
 * `child-alert-partner` in its `trusted-types` directive.
 */
function trustedScriptUrl(url: string): unknown {
  const factory = (globalThis as { trustedTypes?: TrustedTypesPolicyFactory })
    .trustedTypes;
  if (factory === undefined) return url;
  try {
    const policy = factory.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL: (value) => {
        if (new URL(value).origin !== location.origin) {
          throw new TypeError(`${value} is not on this site's origin.`);
        }
        return value;
      },
    });
    return policy.createScriptURL(url);
  } catch {
    // The page's CSP does not allow the policy, or it exists already; a
    // page that does not enforce Trusted Types takes the plain URL.
    return url;
  }
}
