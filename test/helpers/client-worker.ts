/**
 * A dedicated worker that runs one AlertClient, to show that the client
 * needs no `document`: it posts the identifiers it shows, its store kind
 * and its polling role after each change. The feed URL and the database
 * name come in the first message.
 */
import { AlertClient } from "../../shared/client/alert-client.js";

interface Start {
  feed: string;
  databaseName: string;
  now: number;
}

interface WorkerScope {
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<Start>) => void,
  ): void;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener("message", (event) => {
  const { feed, databaseName, now } = event.data;
  const client = new AlertClient({
    feeds: [feed],
    databaseName,
    now: () => now,
    intervalMs: 3_600_000,
    languages: ["en"],
    retry: { maxAttempts: 1 },
  });
  client.addEventListener("change", () =>
    scope.postMessage({
      identifiers: client.alerts.map((view) => view.identifier),
      storeKind: client.storeKind,
      role: client.pollingRole,
      hasDocument: typeof document !== "undefined",
    }),
  );
  void client.start();
});
