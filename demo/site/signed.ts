/**
 * The signed feed page: two clients, each configured with the build's
 * public key, poll the genuine feed set and a tampered copy. The page shows
 * what each accepted: the genuine shard's alerts, and for the tampered copy
 * the rejection that the client reports as a `feed-error`.
 *
 * The client comes from the widget's engine module, loaded as the widget
 * loads it, so this page's own script stays small.
 */
import type { AlertClient } from "../../shared/client/alert-client.js";
import type { FeedErrorDetail } from "../../shared/client/client-events.js";
import type { AlertEngine } from "../../widget/engine/load-engine.js";
import type { AlertView } from "../../shared/view/alert-view.js";

/** Central Athens: the client picks the Attica shard for it. */
const PLACE = { lat: 37.9755, lon: 23.7348, radius: 10 };

const keyElement = document.getElementById("public-key");
if (keyElement !== null) keyElement.textContent = __DEMO_FEED_PUBLIC_KEY__;

function show(id: string, text: string, rejected: boolean): void {
  const status = document.getElementById(`${id}-status`);
  if (status === null) return;
  status.textContent = text;
  status.classList.toggle("rejected", rejected);
  status.dataset["result"] = rejected ? "rejected" : "verified";
}

async function watchFeed(engine: AlertEngine, id: string): Promise<void> {
  const indexUrl = new URL(`/signed/${id}/index.json`, location.href).href;
  const client: AlertClient = new engine.AlertClient({
    feeds: [indexUrl],
    feedKeys: { [indexUrl]: __DEMO_FEED_PUBLIC_KEY__ },
    place: PLACE,
    languages: ["en"],
    // Each copy has its own database, so one never shows the other's alerts.
    databaseName: `child-alert-demo-signed-${id}`,
    coordinate: false,
  });
  const list = document.getElementById(`${id}-alerts`) as
    (HTMLElement & { alerts: AlertView[] }) | null;
  const errors: string[] = [];
  client.addEventListener("feed-error", (event) => {
    const { url, message } = (event as CustomEvent<FeedErrorDetail>).detail;
    errors.push(`${new URL(url).pathname}: ${message}`);
  });
  client.addEventListener("change", () => {
    if (list !== null) list.alerts = client.alerts;
  });
  await client.start();
  await client.refresh();
  if (list !== null) list.alerts = client.alerts;
  if (errors.length > 0) {
    show(id, `Rejected. ${errors.join(" ")}`, true);
  } else {
    const count = client.alerts.length;
    show(
      id,
      `Verified: the signatures match, ${count} alert${count === 1 ? "" : "s"} for central Athens.`,
      false,
    );
  }
}

const engineUrl = new URL("/widget/child-alert-engine.js", location.href).href;
(import(/* @vite-ignore */ engineUrl) as Promise<AlertEngine>).then(
  (engine) => {
    void watchFeed(engine, "genuine");
    void watchFeed(engine, "tampered");
  },
  (error: unknown) => {
    for (const id of ["genuine", "tampered"]) {
      show(id, `The alert engine failed to load: ${String(error)}`, true);
    }
  },
);
