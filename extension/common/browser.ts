/**
 * The `browser.*` WebExtension API, promise-based in Chrome and Firefox
 * alike: Firefox provides it natively, and in Chrome webextension-polyfill
 * wraps the callback-style `chrome.*` API.
 */
import browser from "webextension-polyfill";

export default browser;

/**
 * Tells whether the extension runs in Firefox. `runtime.getBrowserInfo`
 * exists only there; Chrome and the polyfill have no such function.
 */
export function isFirefox(): boolean {
  return typeof browser.runtime.getBrowserInfo === "function";
}
