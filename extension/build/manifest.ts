/**
 * The extension's manifest, from one template for Chrome and Firefox. They
 * differ only in how the background is declared (a module service worker
 * in Chrome, a module event page in Firefox) and in Firefox's
 * `browser_specific_settings`.
 */
import { BUILT_IN_HOST_PERMISSIONS } from "../common/known-feeds.js";
import { ICON_SIZES } from "./icon.js";

export type TargetBrowser = "chrome" | "firefox";

/** The add-on id Firefox keeps the extension's storage under. */
export const GECKO_ID = "child-alert@child-alert.invalid";

/**
 * Where extension pages may load from. Scripts only from the extension;
 * feeds and photos over https:, or http: on this machine for the demo and
 * the tests. Photos may also be `data:` URLs that a CAP `derefUri` carries.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' data: https: http://localhost:* http://127.0.0.1:*",
  "style-src 'self' 'unsafe-inline'",
].join("; ");

export function buildManifest(
  target: TargetBrowser,
  version: string,
): Record<string, unknown> {
  const icons = Object.fromEntries(
    ICON_SIZES.map((size) => [String(size), `icons/icon-${size}.png`]),
  );
  const manifest: Record<string, unknown> = {
    manifest_version: 3,
    name: "__MSG_extName__",
    short_name: "Child Alert",
    description: "__MSG_extDescription__",
    version,
    default_locale: "en",
    icons,
    action: {
      default_title: "__MSG_actionTitle__",
      default_popup: "popup.html",
      default_icon: icons,
    },
    options_ui: { page: "options.html", open_in_tab: true },
    permissions: ["alarms", "notifications", "storage"],
    host_permissions: [...BUILT_IN_HOST_PERMISSIONS],
    optional_host_permissions: ["https://*/*"],
    content_security_policy: { extension_pages: CONTENT_SECURITY_POLICY },
  };
  if (target === "chrome") {
    manifest.background = { service_worker: "background.js", type: "module" };
    manifest.minimum_chrome_version = "121";
  } else {
    manifest.background = { scripts: ["background.js"], type: "module" };
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: "140.0",
        data_collection_permissions: { required: ["none"] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: "142.0" },
    };
  }
  return manifest;
}
