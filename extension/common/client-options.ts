/**
 * Turns the person's settings into `AlertClient` options. The background's
 * poll and the pages' reads of the cache build their clients here, so both
 * filter alerts alike.
 */
import type { AlertClientOptions } from "../../shared/client/alert-client.js";
import type { AlertStore } from "../../shared/store/alert-store.js";
import { readerLanguages } from "./alert-language.js";
import { clientFeedKeys } from "./feed-key-settings.js";
import type { ExtensionSettings } from "./settings.js";

/** Options for a client over `feeds` that filters by `settings` and keeps alerts in `store`. */
export function clientOptions(
  settings: ExtensionSettings,
  feeds: string[],
  store: AlertStore,
): AlertClientOptions {
  return {
    feeds,
    feedKeys: clientFeedKeys(feeds, settings.feedKeys),
    place: settings.place,
    regions: settings.regions,
    events: settings.events,
    languages: readerLanguages(settings),
    intervalMs: settings.intervalMinutes * 60_000,
    store,
  };
}
