/**
 * The alert store of this worker's life: opened once on first use and
 * shared by every client the worker builds, so polls do not leave
 * IndexedDB connections behind. When the browser stops the idle worker,
 * the connection goes with it and the next wake opens a new one.
 */
import { openAlertStore } from "../../shared/store/open-alert-store.js";
import type { AlertStore } from "../../shared/store/alert-store.js";

let opening: Promise<AlertStore> | undefined;

export function alertStore(): Promise<AlertStore> {
  opening ??= openAlertStore().then((opened) => {
    if (opened.fallbackReason !== undefined) {
      console.warn(
        `Child Alert: IndexedDB could not be used (${opened.fallbackReason}); alerts are kept in memory until the browser stops the background.`,
      );
    }
    return opened.store;
  });
  return opening;
}
