import { SCRIPT_URL } from "../script-url.js";

/** The alert engine module: everything `<child-alert>` needs to fetch and filter feeds. */
export type AlertEngine = typeof import("./alert-engine.js");

/**
 * Set to true by the classic-script build only. That build cannot split
 * code, so it loads the engine as a separate ES module from beside the
 * script. The module build and the sources use a plain dynamic import,
 * which bundlers follow.
 */
declare const __CHILD_ALERT_SEPARATE_ENGINE__: boolean | undefined;

let engine: Promise<AlertEngine> | undefined;

/** Loads the alert engine once; later calls return the same promise. */
export function loadAlertEngine(): Promise<AlertEngine> {
  engine ??=
    typeof __CHILD_ALERT_SEPARATE_ENGINE__ !== "undefined" &&
    __CHILD_ALERT_SEPARATE_ENGINE__
      ? (import(
          /* @vite-ignore */ new URL("child-alert-engine.js", SCRIPT_URL).href
        ) as Promise<AlertEngine>)
      : import("./alert-engine.js");
  // A failed load (offline, blocked by CSP) is retried on the next call.
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}
