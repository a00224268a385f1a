/** Collects the events of an `AlertClient`, for tests. */
import type { AlertClient } from "../../shared/client/alert-client.js";
import type {
  AlertChangeDetail,
  FeedErrorDetail,
} from "../../shared/client/client-events.js";

export interface ClientLog {
  changes: AlertChangeDetail[];
  errors: FeedErrorDetail[];
  /** Resolves with the first change of `source` from now on. */
  nextChange(source: AlertChangeDetail["source"]): Promise<AlertChangeDetail>;
}

/** Starts recording the "change" and "feed-error" events of a client. */
export function recordEvents(client: AlertClient): ClientLog {
  const changes: AlertChangeDetail[] = [];
  const errors: FeedErrorDetail[] = [];
  const waiting: {
    source: string;
    resolve: (detail: AlertChangeDetail) => void;
  }[] = [];
  client.addEventListener("change", (event) => {
    changes.push(event.detail);
    for (const waiter of waiting.splice(0)) {
      if (waiter.source === event.detail.source) waiter.resolve(event.detail);
      else waiting.push(waiter);
    }
  });
  client.addEventListener("feed-error", (event) => errors.push(event.detail));
  return {
    changes,
    errors,
    nextChange: (source) =>
      new Promise((resolve) => waiting.push({ source, resolve })),
  };
}
