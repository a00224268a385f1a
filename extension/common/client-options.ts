/**
 * Turns the person's settings into `AlertClient` options. The background's
 * poll and the pages' reads of the cache build their clients here, so both
 * filter alerts alike.
 */
import type { AlertClientOptions } from "../../shared/client/alert-client.js";
import type { AlertStore } from "../../shared/store/alert-store.js";
import { readerLanguages } from "./alert-language.js";
import { clientFeedKeys, rejectingFetch } from "./feed-key-settings.js";
import type { ExtensionSettings } from "./settings.js";

/** Options for a client over `feeds` that filters by `settings` and keeps alerts in `store`. */
export function clientOptions(
  settings: ExtensionSettings,
  feeds: string[],
  store: AlertStore,
): AlertClientOptions {
  const { keys, invalid } = clientFeedKeys(feeds, settings.feedKeys);
  return {
    feeds,
    feedKeys: keys,
    fetch: rejectingFetch(invalid, (input, init) => fetch(input, init)),
    place: settings.place,
    regions: settings.regions,
    events: settings.events,
    languages: readerLanguages(settings),
    intervalMs: settings.intervalMinutes * 60_000,
    store,
  };
}
