/**
 * `AlertClient`: polls alert feeds, follows each alert through Update and
 * Cancel, keeps the alerts on the device, and lists the alerts the reader
 * should see.
 *
 * It uses no DOM API, so it runs in a page, a Web Worker, an extension
 * service worker and Node 20 (with the memory store). The reader's place
 * and regions are used on the device only: requests carry no place, no
 * cookies, no credentials and no referrer.
 */
import type { EventFilter } from "../filter/events.js";
import { statusShown } from "../filter/events.js";
import type { Place } from "../geo/place.js";
import { alertKey } from "../lifecycle/alert-key.js";
import { applyMessages } from "../lifecycle/apply-messages.js";
import { DEFAULT_LIFETIME_MS } from "../lifecycle/end-time.js";
import { expire } from "../lifecycle/expire.js";
import {
  emptyLifecycleState,
  isEmptyChanges,
  type EndReason,
  type LifecycleChanges,
  type LifecycleState,
} from "../lifecycle/lifecycle-state.js";
import type { CapLink } from "../model/feed.js";
import { capTimeToEpochMs } from "../time/cap-time.js";
import type {
  AlertStore,
  AlertStoreKind,
  FeedRecord,
} from "../store/alert-store.js";
import {
  readerFeedFetch,
  type ReaderFeedFetch,
} from "../shards/client/reader-feed-fetch.js";
import { openAlertStore } from "../store/open-alert-store.js";
import type { AlertView } from "../view/alert-view.js";
import type {
  AlertChangeDetail,
  AlertClientEventMap,
  ChangeSource,
  RemovalReason,
} from "./client-events.js";
import { mapWithConcurrency } from "./map-with-concurrency.js";
import { pollFeed, type PollOutcome } from "./poll-feed.js";
import { feedPollInterval, MAX_POLL_INTERVAL_MS } from "./polling-interval.js";
import {
  DEFAULT_EVENTS,
  defaultLanguages,
  parseRegions,
  visibleAlerts,
  type ReaderSettings,
} from "./reader-settings.js";
import { diffViews } from "./view-changes.js";

/** How many feeds are fetched at once: 4. */
const FEED_CONCURRENCY = 4;

/** Options of `AlertClient`. */
export interface AlertClientOptions {
  /** Absolute URLs of the feeds to poll. */
  feeds: string[];
  /** The reader's place. Never sent anywhere. */
  place?: Place | null;
  /** The reader's regions, each "valueName:value", such as "SAME:099001". */
  regions?: string[];
  /** Kinds of alert to show. Default ["abduction", "missing"]. */
  events?: EventFilter[];
  /** Show Test and Exercise alerts too. Default false. */
  includeTest?: boolean;
  /** The reader's languages, most preferred first. Default `navigator.languages`, else ["en"]. */
  languages?: string[];
  /**
   * Interval between polls, in milliseconds. Default 5 minutes, at least
   * 2 minutes except for feeds on localhost, and at most 1 hour.
   */
  intervalMs?: number;
  /** Lifetime of an alert with no end time, in milliseconds. Default 24 hours. */
  defaultLifetimeMs?: number;
  /** How long to remember ended messages, in milliseconds. Default 30 days. */
  tombstoneRetentionMs?: number;
  /** Feed URL to the IANA time zone of its times written without an offset. */
  timeZones?: Record<string, string>;
  /** Time allowed for each request, in milliseconds. Default 30 seconds. */
  fetchTimeoutMs?: number;
  /** Storage for alerts. Default `openAlertStore()`: IndexedDB, else memory. */
  store?: AlertStore;
  /** The fetch function. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Publishers' Ed25519 public keys by feed URL, each the base64 of the
   * raw key as `child-alert-feed keygen` writes it (or a JWK). A feed with
   * a key is read only when `URL.sig` verifies over its bytes; otherwise
   * the client reports a "feed-error" and keeps its last good alerts. The
   * key of a feed index also checks its shards. Throws a TypeError at
   * construction for a key that cannot be read.
   */
  feedKeys?: Record<string, string>;
  /** The clock for alert times, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number;
}

/** Settings `update()` can change without restarting the client. */
export type AlertClientUpdate = Partial<
  Pick<
    AlertClientOptions,
    "place" | "regions" | "events" | "includeTest" | "languages"
  >
>;

/** Status of one feed, for a status line or a log. */
export interface FeedStatus {
  url: string;
  /** Time of the last readable response or 304, in milliseconds since the epoch. */
  lastGoodFetchMs?: number;
  /** Time of the last failure, in milliseconds since the epoch. */
  lastErrorMs?: number;
  lastError?: string;
}

type Listener<E> = ((event: E) => void) | { handleEvent(event: E): void };

export interface AlertClient {
  addEventListener<K extends keyof AlertClientEventMap>(
    type: K,
    listener: Listener<AlertClientEventMap[K]>,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof AlertClientEventMap>(
    type: K,
    listener: Listener<AlertClientEventMap[K]>,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
}

export class AlertClient extends EventTarget {
  private readonly feeds: string[];
  private readonly settings: ReaderSettings;
  private readonly intervalMs: number | undefined;
  private readonly tombstoneRetentionMs: number | undefined;
  private readonly timeZones: Record<string, string>;
  private readonly fetchTimeoutMs: number | undefined;
  private readonly fetchFunction: typeof fetch;
  /** Signature checks and shard selection (feed indexes) under `fetchFunction`. */
  private readonly feedFetch: ReaderFeedFetch;
  private readonly now: () => number;
  private readonly givenStore: AlertStore | undefined;

  private store: AlertStore | undefined;
  private loading: Promise<void> | undefined;
  private state: LifecycleState = emptyLifecycleState();
  private views: AlertView[] = [];
  private readonly records = new Map<string, FeedRecord>();
  /** Real time (Date.now) at which each feed is next due, for the poll timer. */
  private readonly nextDue = new Map<string, number>();
  /** Linked documents read: their entry's `updated` and the keys they contained. */
  private readonly linksRead = new Map<
    string,
    { updated: string | undefined; keys: string[] }
  >();
  /** Feeds to fetch without validators next time, because a setting changed what is fetched. */
  private readonly refetch = new Set<string>();
  private polling: Promise<void> | undefined;
  private running = false;
  private abort = new AbortController();
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private openedStoreKind: AlertStoreKind | undefined;
  private storeFallbackReason: string | undefined;

  constructor(options: AlertClientOptions) {
    super();
    this.feeds = options.feeds.map((feed) => new URL(feed).href);
    this.settings = {
      place: options.place ?? null,
      regions: parseRegions(options.regions ?? []),
      events: [...(options.events ?? DEFAULT_EVENTS)],
      includeTest: options.includeTest ?? false,
      languages: options.languages ?? defaultLanguages(),
      defaultLifetimeMs: options.defaultLifetimeMs ?? DEFAULT_LIFETIME_MS,
    };
    this.intervalMs = options.intervalMs;
    this.tombstoneRetentionMs = options.tombstoneRetentionMs;
    this.timeZones = Object.fromEntries(
      Object.entries(options.timeZones ?? {}).map(([feed, zone]) => [
        new URL(feed).href,
        zone,
      ]),
    );
    this.fetchTimeoutMs = options.fetchTimeoutMs;
    this.feedFetch = readerFeedFetch(
      options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      {
        ...(options.feedKeys === undefined
          ? {}
          : { feedKeys: options.feedKeys }),
        reader: () => ({
          place: this.settings.place,
          regions: this.settings.regions,
        }),
        now: () => this.now(),
      },
    );
    this.fetchFunction = this.feedFetch.fetch;
    this.now = options.now ?? Date.now;
    this.givenStore = options.store;
  }

  /** The alerts the reader should see now, newest first. */
  get alerts(): AlertView[] {
    return [...this.views];
  }

  /**
   * The kind of store in use ("indexeddb" or "memory"), once the store is
   * open; undefined before.
   */
  get storeKind(): AlertStoreKind | undefined {
    return this.openedStoreKind;
  }

  /** The error that kept IndexedDB from being used, when the client fell back to memory on its own. */
  get storeFallback(): string | undefined {
    return this.storeFallbackReason;
  }

  /**
   * Loads the stored alerts and dispatches "change" with source "cache"
   * before any network response, then starts polling. Resolves once the cache
   * event was dispatched; the first poll goes on after that (listen for the
   * "network" change, or await `refresh()`, which joins it).
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    await this.load();
    if (!this.running) return;
    const expired = this.expireNow();
    if (expired !== null) await this.save(expired);
    this.views = visibleAlerts(
      this.state.alerts.values(),
      this.settings,
      this.now(),
    );
    this.dispatchChange({
      alerts: this.alerts,
      added: this.alerts,
      updated: [],
      removed: [],
      source: "cache",
    });
    this.scheduleExpiry();
    void this.refresh();
  }

  /**
   * Polls every feed now, and settles when the state is updated and the
   * change event, if any, was dispatched. When a poll is already running,
   * returns that poll. Never rejects: failures are "feed-error" and
   * "store-error" events.
   */
  refresh(): Promise<void> {
    if (this.polling !== undefined) return this.polling;
    this.polling = this.poll(this.feeds).finally(() => {
      this.polling = undefined;
      this.schedulePoll();
    });
    return this.polling;
  }

  /** Stops polling, clears timers and aborts requests in flight. Idempotent. */
  stop(): void {
    this.running = false;
    clearTimeout(this.pollTimer);
    clearTimeout(this.expiryTimer);
    this.pollTimer = undefined;
    this.expiryTimer = undefined;
    this.abort.abort();
  }

  /** Returns the status of a feed, or undefined for a URL that is not one of the client's feeds. */
  feedStatus(url: string): FeedStatus | undefined {
    const href = URL.canParse(url) ? new URL(url).href : url;
    if (!this.feeds.includes(href)) return undefined;
    const record = this.records.get(href);
    const status: FeedStatus = { url: href };
    if (record?.lastGoodFetchMs !== undefined) {
      status.lastGoodFetchMs = record.lastGoodFetchMs;
    }
    if (record?.lastErrorMs !== undefined) {
      status.lastErrorMs = record.lastErrorMs;
    }
    if (record?.lastError !== undefined) status.lastError = record.lastError;
    return status;
  }

  /**
   * Changes the place, regions, events, languages or test setting, and
   * re-filters the alerts at once, dispatching "change" with source
   * "options" when what is shown changed. Throws a TypeError for an invalid
   * region, leaving every setting unchanged.
   */
  update(options: AlertClientUpdate): void {
    const regions =
      options.regions === undefined ? undefined : parseRegions(options.regions);
    if (options.place !== undefined) this.settings.place = options.place;
    if (regions !== undefined) this.settings.regions = regions;
    if (options.events !== undefined)
      this.settings.events = [...options.events];
    if (options.languages !== undefined) {
      this.settings.languages = [...options.languages];
    }
    if (
      options.includeTest !== undefined &&
      options.includeTest !== this.settings.includeTest
    ) {
      this.settings.includeTest = options.includeTest;
      // Linked documents of statuses that were not shown were skipped, so
      // the next poll fetches every index in full instead of accepting a 304.
      for (const feed of this.feeds) this.refetch.add(feed);
    }
    this.showChanges("options", new Map(), new Map());
    // A feed index serves the shards for the reader's place: poll again to
    // choose them for the new place or regions.
    const locationChanged =
      options.place !== undefined || regions !== undefined;
    if (
      locationChanged &&
      this.running &&
      this.feeds.some((feed) => this.feedFetch.isIndex(feed))
    ) {
      void this.refresh();
    }
  }

  private load(): Promise<void> {
    this.loading ??= this.openAndLoad();
    return this.loading;
  }

  private async openAndLoad(): Promise<void> {
    if (this.givenStore !== undefined) {
      this.store = this.givenStore;
    } else {
      const opened = await openAlertStore();
      this.store = opened.store;
      this.storeFallbackReason = opened.fallbackReason;
    }
    this.openedStoreKind = this.store.kind;
    try {
      this.state = await this.store.load();
      for (const feed of this.feeds) {
        const record = await this.store.getFeed(feed);
        if (record !== undefined) this.records.set(feed, record);
      }
    } catch (error) {
      this.reportStoreError("read", error);
    }
  }

  private async poll(feeds: readonly string[]): Promise<void> {
    await this.load();
    const signal = this.abort.signal;
    const outcomes = await mapWithConcurrency(
      [...feeds],
      FEED_CONCURRENCY,
      (url) => this.pollOne(url, signal),
    );
    if (signal.aborted) return;

    const removedReasons = new Map<string, EndReason>();
    const previousKeys = new Map<string, string>();
    for (const [index, outcome] of outcomes.entries()) {
      const url = feeds[index]!;
      if (outcome === null) continue;
      if (outcome.kind === "ok") {
        const { state, changes } = applyMessages(this.state, outcome.alerts, {
          now: this.now(),
          feedUrl: url,
          defaultLifetimeMs: this.settings.defaultLifetimeMs,
          ...this.retentionOption(),
        });
        this.state = state;
        collectChanges(changes, removedReasons, previousKeys);
        await this.save(changes);
      }
      await this.recordOutcome(url, outcome);
    }
    const expired = this.expireNow();
    if (expired !== null) {
      collectChanges(expired, removedReasons, previousKeys);
      await this.save(expired);
    }
    this.forgetEndedLinks();
    this.showChanges("network", removedReasons, previousKeys);
    this.scheduleExpiry();
  }

  /**
   * Drops the memory of linked documents whose alerts are neither stored
   * nor have a tombstone any more, so the map does not grow without bound.
   */
  private forgetEndedLinks(): void {
    for (const [url, read] of this.linksRead) {
      const known = read.keys.some(
        (key) => this.state.alerts.has(key) || this.state.tombstones.has(key),
      );
      if (!known) this.linksRead.delete(url);
    }
  }

  /** Polls one feed unless a Retry-After still holds; null when skipped. */
  private async pollOne(
    url: string,
    signal: AbortSignal,
  ): Promise<PollOutcome | null> {
    const due = this.nextDue.get(url);
    if (due !== undefined && due > Date.now() && this.retryHeld.has(url)) {
      return null;
    }
    const record = this.refetch.has(url) ? undefined : this.records.get(url);
    this.refetch.delete(url);
    const timeZone = this.timeZones[url];
    return pollFeed(url, record, {
      fetch: this.fetchFunction,
      signal,
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(this.fetchTimeoutMs === undefined
        ? {}
        : { timeoutMs: this.fetchTimeoutMs }),
      shouldFetchLink: (link) => this.shouldFetchLink(link),
      onLinkRead: (link, alerts) =>
        this.linksRead.set(link.url, {
          updated: link.updated,
          keys: alerts.map((alert) => alertKey(alert.sender, alert.identifier)),
        }),
      onLinkError: (linkUrl, message) =>
        this.dispatchEvent(
          new CustomEvent("feed-error", {
            detail: { url: linkUrl, message, feedUrl: url },
          }),
        ),
    });
  }

  /** Feeds whose next poll waits for the server's Retry-After. */
  private readonly retryHeld = new Set<string>();

  /**
   * Tells whether a linked CAP document must be fetched. It is skipped when
   * the index's summary shows it is an Ack or Error, has a status not shown,
   * is already stored at the same or a later `sent`, or has ended (a
   * tombstone). Without a summary, a document already read is skipped while
   * its entry's `updated` is unchanged and its alerts are still stored or
   * ended.
   */
  private shouldFetchLink(link: CapLink): boolean {
    if (link.msgType === "Ack" || link.msgType === "Error") return false;
    if (
      link.status !== undefined &&
      !statusShown(link.status, this.settings.includeTest)
    ) {
      return false;
    }
    if (link.sender !== undefined && link.identifier !== undefined) {
      const key = alertKey(link.sender, link.identifier);
      if (this.state.tombstones.has(key)) return false;
      const stored = this.state.alerts.get(key);
      if (stored === undefined) return true;
      const sentMs =
        link.sent === undefined ? null : capTimeToEpochMs(link.sent);
      return sentMs !== null && sentMs > stored.sentMs;
    }
    const read = this.linksRead.get(link.url);
    if (read === undefined || read.updated !== link.updated) return true;
    return !read.keys.every(
      (key) => this.state.alerts.has(key) || this.state.tombstones.has(key),
    );
  }

  /**
   * Updates the feed's record. Validators are stored only after a complete
   * good fetch. After a failed fetch, an unreadable body or a failed linked
   * document the old validators stay, so the next request fetches again
   * instead of getting a 304 for content the client never read.
   */
  private async recordOutcome(
    url: string,
    outcome: PollOutcome,
  ): Promise<void> {
    const now = Date.now();
    const record: FeedRecord = { ...(this.records.get(url) ?? { url }) };
    this.retryHeld.delete(url);
    if (outcome.kind === "error") {
      record.lastErrorMs = now;
      record.lastError = outcome.message;
      if (outcome.retryAfterMs !== undefined) {
        this.retryHeld.add(url);
        this.nextDue.set(
          url,
          now + Math.min(outcome.retryAfterMs, MAX_POLL_INTERVAL_MS),
        );
      }
      this.dispatchEvent(
        new CustomEvent("feed-error", {
          detail: { url, message: outcome.message },
        }),
      );
    } else {
      record.lastGoodFetchMs = now;
      if (outcome.kind === "ok" && outcome.complete) {
        setOrDelete(record, "etag", outcome.etag);
        setOrDelete(record, "lastModified", outcome.lastModified);
      }
    }
    this.records.set(url, record);
    try {
      await this.store?.putFeed(record);
    } catch (error) {
      this.reportStoreError("write", error);
    }
  }

  /**
   * Ends alerts whose end time has passed in the state held in memory, and
   * returns the changes for the caller to save, or null when there are none.
   */
  private expireNow(): LifecycleChanges | null {
    const { state, changes } = expire(
      this.state,
      this.now(),
      this.retentionOption(),
    );
    if (isEmptyChanges(changes)) return null;
    this.state = state;
    return changes;
  }

  private async save(changes: LifecycleChanges): Promise<void> {
    if (isEmptyChanges(changes)) return;
    try {
      await this.store?.saveChanges(changes);
    } catch (error) {
      this.reportStoreError("write", error);
    }
  }

  /** Recomputes the shown alerts and dispatches "change" when they changed. */
  private showChanges(
    source: ChangeSource,
    removedReasons: ReadonlyMap<string, EndReason>,
    previousKeys: ReadonlyMap<string, string>,
  ): void {
    const now = this.now();
    const after = visibleAlerts(this.state.alerts.values(), this.settings, now);
    const { added, updated, removed } = diffViews(
      this.views,
      after,
      previousKeys,
      (key) => this.removalReason(key, removedReasons, now),
    );
    this.views = after;
    if (added.length + updated.length + removed.length === 0) return;
    this.dispatchChange({
      alerts: this.alerts,
      added,
      updated,
      removed,
      source,
    });
  }

  private removalReason(
    key: string,
    removedReasons: ReadonlyMap<string, EndReason>,
    now: number,
  ): RemovalReason {
    const reason = removedReasons.get(key);
    if (reason !== undefined) return reason;
    const stored = this.state.alerts.get(key);
    if (stored !== undefined)
      return stored.endMs <= now ? "expired" : "filtered";
    return this.state.tombstones.get(key)?.reason ?? "expired";
  }

  private dispatchChange(detail: AlertChangeDetail): void {
    this.dispatchEvent(new CustomEvent("change", { detail }));
  }

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (!this.running) return;
    const now = Date.now();
    for (const feed of this.feeds) {
      if (!this.retryHeld.has(feed)) {
        this.nextDue.set(feed, now + feedPollInterval(this.intervalMs, feed));
      }
    }
    const next = Math.min(...this.feeds.map((feed) => this.nextDue.get(feed)!));
    this.pollTimer = setTimeout(
      () => {
        const due = this.feeds.filter(
          (feed) => this.nextDue.get(feed)! <= Date.now(),
        );
        if (this.polling !== undefined || due.length === 0) {
          this.schedulePoll();
          return;
        }
        this.polling = this.poll(due).finally(() => {
          this.polling = undefined;
          this.schedulePoll();
        });
      },
      Math.max(0, next - now),
    );
  }

  /** Sets a timer for the earliest end time, so an alert leaves when it ends, between polls. */
  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (!this.running || this.state.alerts.size === 0) return;
    const earliest = Math.min(
      ...[...this.state.alerts.values()].map((alert) => alert.endMs),
    );
    // setTimeout delays are signed 32-bit: longer ones fire at once.
    const delay = Math.min(Math.max(earliest - this.now(), 0), 2 ** 31 - 1);
    this.expiryTimer = setTimeout(() => {
      const changes = this.expireNow();
      if (changes !== null) {
        void this.save(changes);
        const reasons = new Map<string, EndReason>();
        collectChanges(changes, reasons, new Map());
        this.showChanges("expiry", reasons, new Map());
      }
      this.scheduleExpiry();
    }, delay);
  }

  private retentionOption(): { tombstoneRetentionMs?: number } {
    return this.tombstoneRetentionMs === undefined
      ? {}
      : { tombstoneRetentionMs: this.tombstoneRetentionMs };
  }

  private reportStoreError(operation: "read" | "write", error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.dispatchEvent(
      new CustomEvent("store-error", {
        detail: {
          message: `The alert store ${this.store?.kind ?? ""} failed to ${operation}: ${reason}`,
        },
      }),
    );
  }
}

function collectChanges(
  changes: LifecycleChanges,
  removedReasons: Map<string, EndReason>,
  previousKeys: Map<string, string>,
): void {
  for (const { key, reason } of changes.removed)
    removedReasons.set(key, reason);
  for (const { alert, previousKey } of changes.updated) {
    previousKeys.set(alert.key, previousKey);
  }
}

function setOrDelete(
  record: FeedRecord,
  field: "etag" | "lastModified",
  value: string | undefined,
): void {
  if (value === undefined) delete record[field];
  else record[field] = value;
}
