/**
 * One poller per origin: the clients of one site's tabs (and workers) that
 * share a database and a feed set elect one leader, which polls and writes
 * the store. The others follow: they reload the state from the store when
 * the leader announces a change, and send the leader a refresh request
 * when their own `refresh()` is called.
 *
 * The election is a Web Lock (`navigator.locks.request`), held by the
 * leader for as long as it leads. When the leader's page closes, the
 * browser releases the lock and grants it to the next waiting client.
 * Messages go over a BroadcastChannel of the same name:
 * - "state-changed" (leader to followers): the store changed; `served`
 *   lists the refresh requests the poll behind it answered;
 * - "refresh-request" (follower to leader) and "refresh-ack" (the leader's
 *   immediate reply, so a follower can tell that a leader exists).
 *
 * Where Web Locks or BroadcastChannel is missing, there is no coordinator
 * and every client polls on its own.
 */

/** A message on the coordination channel. */
export type CoordinatorMessage =
  | { type: "state-changed"; served: string[] }
  | { type: "refresh-request"; id: string }
  | { type: "refresh-ack"; id: string };

/** Callbacks from the coordinator into the client. */
export interface CoordinatorHandlers {
  /** Called when this client becomes the leader, or stops being it. */
  onLeadershipChange(leader: boolean): void;
  /**
   * Called on a follower when the leader changed the store. The returned
   * promise settles once the follower shows the new state; the refresh
   * requests in `served` settle after it.
   */
  onStateChanged(served: readonly string[]): Promise<void>;
  /** Called on the leader when a follower requests a poll now. */
  onRefreshRequest(id: string): void;
}

/**
 * How long a follower waits for a leader to acknowledge a refresh request
 * before it polls itself: 2 seconds. A leader acknowledges as soon as its
 * event loop runs, so silence this long means there is no leader (every
 * other tab is hidden) or it is stuck.
 */
export const REFRESH_ACK_TIMEOUT_MS = 2_000;

/**
 * How long a follower waits, after the acknowledgement, for the poll it
 * asked for: 3 minutes, above the longest poll (three attempts of 30 s
 * each, with their waits). After that it polls itself.
 */
export const REFRESH_REPLY_TIMEOUT_MS = 180_000;

/** The outcome of a follower's refresh request. */
export type RefreshOutcome = "served" | "no-leader" | "became-leader";

interface PendingRefresh {
  resolve: (outcome: RefreshOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Returns the name of the lock and channel for a database and a feed set. */
export function coordinationName(
  databaseName: string,
  feeds: readonly string[],
  includeTest: boolean,
): string {
  // The feed set is sorted so that clients listing the same feeds in
  // another order share one poller. Whether Test messages are fetched is
  // part of the name because it changes which linked documents a poll
  // fetches.
  const statuses = includeTest ? "actual+test" : "actual";
  return `child-alert:${databaseName}:${statuses}:${[...feeds].sort().join(" ")}`;
}

export class PollCoordinator {
  private channel: BroadcastChannel | undefined;
  private lockRequest: AbortController | undefined;
  private releaseLock: (() => void) | undefined;
  private isLeader = false;
  private readonly pending = new Map<string, PendingRefresh>();

  /** Tells whether this environment has Web Locks and BroadcastChannel. */
  static isSupported(): boolean {
    return (
      typeof navigator !== "undefined" &&
      typeof navigator.locks?.request === "function" &&
      typeof BroadcastChannel !== "undefined"
    );
  }

  constructor(
    readonly name: string,
    private readonly handlers: CoordinatorHandlers,
  ) {
    this.channel = new BroadcastChannel(name);
    this.channel.addEventListener("message", (event: MessageEvent) =>
      this.receive(event.data as CoordinatorMessage),
    );
  }

  /** True while this client holds the lock. */
  get leader(): boolean {
    return this.isLeader;
  }

  /** True while this client holds the lock or waits for it. */
  get joined(): boolean {
    return this.lockRequest !== undefined;
  }

  /** Waits for the lock, unless already holding or waiting for it. */
  join(): void {
    if (this.lockRequest !== undefined || this.channel === undefined) return;
    const request = new AbortController();
    this.lockRequest = request;
    navigator.locks
      .request(this.name, { signal: request.signal }, () => {
        if (request.signal.aborted || this.lockRequest !== request) return;
        this.setLeader(true);
        // The lock is held until this promise settles: until leave().
        return new Promise<void>((resolve) => {
          this.releaseLock = resolve;
        });
      })
      .catch(() => {
        // AbortError: leave() withdrew the request before it was granted.
      });
  }

  /** Releases the lock, or withdraws the request for it. */
  leave(): void {
    this.lockRequest?.abort();
    this.lockRequest = undefined;
    const release = this.releaseLock;
    this.releaseLock = undefined;
    release?.();
    this.setLeader(false);
  }

  /** Leaves, closes the channel, and settles pending refresh requests as "no-leader". */
  close(): void {
    this.leave();
    this.channel?.close();
    this.channel = undefined;
    this.settleAll("no-leader");
  }

  /** Announces to the followers that the store changed, with the refresh requests the poll served. */
  announceStateChanged(served: readonly string[]): void {
    this.post({ type: "state-changed", served: [...served] });
  }

  /**
   * Sends the leader a refresh request. Resolves "served" once the
   * leader's poll is done and `onStateChanged` has settled. Resolves
   * "no-leader" when no leader acknowledged within `REFRESH_ACK_TIMEOUT_MS`
   * or the poll did not end within `REFRESH_REPLY_TIMEOUT_MS`, and
   * "became-leader" when this client won the lock meanwhile.
   */
  requestRefresh(): Promise<RefreshOutcome> {
    if (this.channel === undefined) return Promise.resolve("no-leader");
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => this.settle(id, "no-leader"),
        REFRESH_ACK_TIMEOUT_MS,
      );
      this.pending.set(id, { resolve, timer });
      this.post({ type: "refresh-request", id });
    });
  }

  private receive(message: CoordinatorMessage): void {
    if (typeof message !== "object" || message === null) return;
    switch (message.type) {
      case "refresh-request":
        if (!this.isLeader || typeof message.id !== "string") return;
        this.post({ type: "refresh-ack", id: message.id });
        this.handlers.onRefreshRequest(message.id);
        return;
      case "refresh-ack": {
        const pending = this.pending.get(message.id);
        if (pending === undefined) return;
        clearTimeout(pending.timer);
        pending.timer = setTimeout(
          () => this.settle(message.id, "no-leader"),
          REFRESH_REPLY_TIMEOUT_MS,
        );
        return;
      }
      case "state-changed": {
        if (this.isLeader || !Array.isArray(message.served)) return;
        const served = message.served.filter((id) => typeof id === "string");
        void this.handlers
          .onStateChanged(served)
          .catch(() => {})
          .then(() => {
            for (const id of served) this.settle(id, "served");
          });
        return;
      }
    }
  }

  private setLeader(leader: boolean): void {
    if (leader === this.isLeader) return;
    this.isLeader = leader;
    if (leader) this.settleAll("became-leader");
    this.handlers.onLeadershipChange(leader);
  }

  private settle(id: string, outcome: RefreshOutcome): void {
    const pending = this.pending.get(id);
    if (pending === undefined) return;
    this.pending.delete(id);
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }

  private settleAll(outcome: RefreshOutcome): void {
    for (const id of [...this.pending.keys()]) this.settle(id, outcome);
  }

  private post(message: CoordinatorMessage): void {
    this.channel?.postMessage(message);
  }
}
