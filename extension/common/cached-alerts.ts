/**
 * Reads the alerts kept on the device, with no network request: a client
 * with no feeds loads the store, ends alerts whose end time has passed and
 * filters the rest by the settings. The popup, and the background when it
 * only re-filters, use it.
 */
import { AlertClient } from "../../shared/client/alert-client.js";
import type { AlertStore } from "../../shared/store/alert-store.js";
import type { AlertView } from "../../shared/view/alert-view.js";
import { clientOptions } from "./client-options.js";
import type { ExtensionSettings } from "./settings.js";

/** The alerts in the store that concern the person now, newest first. */
export async function readCachedAlerts(
  settings: ExtensionSettings,
  store: AlertStore,
): Promise<AlertView[]> {
  const client = new AlertClient(clientOptions(settings, [], store));
  await client.refresh();
  return client.alerts;
}
