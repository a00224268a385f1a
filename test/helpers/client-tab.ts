/**
 * A page that runs one AlertClient, standing in for one tab of a site in
 * the multi-tab tests (loaded in an iframe by the browser suite, or as a
 * page by the end-to-end suite). Query parameters:
 *
 * - `feeds`: feed URLs, comma-separated, relative to the page;
 * - `db`: the IndexedDB database name;
 * - `interval`: the polling interval in milliseconds (default 1000);
 * - `now`: a fixed reader's clock, in milliseconds since the epoch
 *   (default the real clock);
 * - `nolocks=1`: hide Web Locks before the client starts, as in a browser
 *   without them.
 *
 * It exposes `window.clientTab`: the client, how many requests it made
 * itself, and the events it dispatched.
 */
import { AlertClient } from "../../shared/client/alert-client.js";
import type {
  AlertChangeDetail,
  StoreErrorDetail,
} from "../../shared/client/client-events.js";

/** What a tab page exposes to the test that drives it. */
export interface ClientTab {
  client: AlertClient;
  /** Requests this tab's client made itself. */
  fetches: number;
  changes: AlertChangeDetail[];
  storeErrors: StoreErrorDetail[];
}

declare global {
  interface Window {
    clientTab?: ClientTab;
  }
}

const parameters = new URL(location.href).searchParams;
if (parameters.get("nolocks") === "1") {
  Object.defineProperty(navigator, "locks", { value: undefined });
}

const tab: Partial<ClientTab> & { fetches: number } = {
  fetches: 0,
  changes: [],
  storeErrors: [],
};
const client = new AlertClient({
  feeds: (parameters.get("feeds") ?? "")
    .split(",")
    .filter(Boolean)
    .map((feed) => new URL(feed, location.href).href),
  databaseName: parameters.get("db") ?? "child-alert-tab",
  intervalMs: Number(parameters.get("interval") ?? 1000),
  ...(parameters.has("now")
    ? { now: () => Number(parameters.get("now")) }
    : {}),
  languages: ["en"],
  retry: { maxAttempts: 1 },
  fetch: (input, init) => {
    tab.fetches += 1;
    return fetch(input, init);
  },
});
client.addEventListener("change", (event) => tab.changes!.push(event.detail));
client.addEventListener("store-error", (event) =>
  tab.storeErrors!.push(event.detail),
);
tab.client = client;
window.clientTab = tab as ClientTab;
void client.start();
