/**
 * `AlertClient`: polls alert feeds, follows each alert through Update and
 * Cancel, keeps the alerts on the device, and lists the alerts the reader
 * should see.
 *
 * It needs no DOM API, so it runs in a page, a Web Worker, an extension
 * service worker and Node 20 (with the memory store). Where a page exists
 * it pauses while the page is hidden, and where Web Locks exist the
 * clients of one site's tabs share one poller (see poll-coordinator.ts).
 * The reader's place and regions are used on the device only: requests
 * carry no place, no cookies, no credentials and no referrer.
 */
import type { EventFilter } from "../filter/events.js";
import type { Place } from "../geo/place.js";
import { applyMessages } from "../lifecycle/apply-messages.js";
import { DEFAULT_LIFETIME_MS } from "../lifecycle/end-time.js";
import { expire } from "../lifecycle/expire.js";
import {
  emptyLifecycleState,
  isEmptyChanges,
  type EndReason,
  type LifecycleChanges,
  type LifecycleState,
  type StoredAlert,
} from "../lifecycle/lifecycle-state.js";
import { TOMBSTONE_RETENTION_MS } from "../lifecycle/transition.js";
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
  FeedStatus,
  RemovalReason,
  StatusDetail,
} from "./client-events.js";
import { combineClockOffsets, serverClockOffset } from "./clock-offset.js";
import { heldByRetryAfter, nextPollMs } from "./feed-schedule.js";
import {
  alertsToForget,
  deleteFromCache,
  PHOTO_CACHE_NAME,
} from "./forget-alerts.js";
import { LinkMemory } from "./link-memory.js";
import { mapWithConcurrency } from "./map-with-concurrency.js";
import { watchPageVisibility, type PageVisibility } from "./page-visibility.js";
import { coordinationName, PollCoordinator } from "./poll-coordinator.js";
import { pollFeed, type PollOutcome } from "./poll-feed.js";
import { feedPollInterval, MAX_POLL_INTERVAL_MS } from "./polling-interval.js";
import {
  DEFAULT_EVENTS,
  defaultLanguages,
  parseRegions,
  visibleAlerts,
  type ReaderSettings,
} from "./reader-settings.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";
import { isStale, staleAt } from "./staleness.js";
import { StoreGuard } from "./store-guard.js";
import { ViewCache } from "./view-cache.js";
import { diffViews } from "./view-changes.js";
import { yieldToMain } from "./yield-to-main.js";

export type { FeedStatus } from "./client-events.js";

/** How many feeds are fetched at once: 4. */
const FEED_CONCURRENCY = 4;

/**
 * Size of a large batch, in alerts: 100. A poll that brings at least this
 * many, or a store that contains at least this many, is taken in over several
 * tasks. The lifecycle, the store's write and the views each run in a task
 * of their own, and the views are built TAKE_IN_SLICE at a time. Smaller
 * batches are taken in without yielding, so a small feed shows sooner.
 */
const LARGE_BATCH_ALERTS = 100;

/** Views built per task when a large batch is taken in: 100. */
const TAKE_IN_SLICE = 100;

/** Maximum delay of `setTimeout`: its delay is a signed 32-bit number, and longer ones fire at once. */
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

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
  /**
   * The retry policy within one poll. Default: 3 attempts, waits drawn up
   * to 2 s then 4 s, and a `Retry-After` of up to 30 s waited out (see
   * retry-policy.ts).
   */
  retry?: Partial<RetryPolicy>;
  /** Storage for alerts. Default `openAlertStore({ name: databaseName })`: IndexedDB, else memory. */
  store?: AlertStore;
  /** IndexedDB database name for the default store. Default "child-alert". */
  databaseName?: string;
  /**
   * Share one poller among the clients of this origin that use the same
   * database and feeds, through Web Locks and BroadcastChannel. Default
   * true; it applies only to an IndexedDB store.
   */
  coordinate?: boolean;
  /**
   * Cache Storage cache from which the photos of ended alerts are deleted,
   * or false for none. Default `{ name: PHOTO_CACHE_NAME }`.
   */
  photoCache?: { name: string } | false;
  /**
   * URL of the parse worker script (parse-worker.ts, built), to parse
   * large feed bodies off the main thread. Without it, every body is
   * parsed on the calling thread.
   */
  parseWorkerUrl?: string | URL;
  /** Smallest body parsed in the worker, in bytes. Default 512 KiB. */
  parseInWorkerMinBytes?: number;
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
  /**
   * The reader's clock, in milliseconds since the epoch. Default
   * `Date.now`. End times are judged by this clock corrected by the feed
   * servers' `Date` headers; fetch times are reported by it as it is.
   */
  now?: () => number;
}

/** Settings `update()` can change without restarting the client. */
export type AlertClientUpdate = Partial<
  Pick<
    AlertClientOptions,
    "place" | "regions" | "events" | "includeTest" | "languages"
  >
>;

/** The client's role in polling: alone, as the origin's poller, or following it. */
export type PollingRole = "independent" | "leader" | "follower";

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
  private readonly tombstoneRetentionMs: number;
  private readonly timeZones: Record<string, string>;
  private readonly fetchTimeoutMs: number | undefined;
  private readonly retryPolicy: RetryPolicy;
  private readonly fetchFunction: typeof fetch;
  /** Signature checks and shard selection (feed indexes) under `fetchFunction`. */
  private readonly feedFetch: ReaderFeedFetch;
  private readonly now: () => number;
  private readonly givenStore: AlertStore | undefined;
  private readonly databaseName: string | undefined;
  private readonly coordinate: boolean;
  private readonly photoCacheName: string | undefined;
  private readonly parseWorkerUrl: string | URL | undefined;
  private readonly parseInWorkerMinBytes: number | undefined;
  /** Real time (`Date.now`) when the client was made: a clock check after it is this session's. */
  private readonly createdMs = Date.now();

  private readonly guard: StoreGuard;
  private loading: Promise<void> | undefined;
  private state: LifecycleState = emptyLifecycleState();
  private views: AlertView[] = [];
  private readonly viewCache = new ViewCache();
  private readonly records = new Map<string, FeedRecord>();
  private readonly links = new LinkMemory();
  /** Feeds to fetch without validators next time, because a setting changed what is fetched. */
  private readonly refetch = new Set<string>();
  private polling: Promise<void> | undefined;
  private running = false;
  private abort = new AbortController();
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  private visibility: PageVisibility | undefined;
  private coordinator: PollCoordinator | undefined;
  /** Refresh requests of followers that the running or next poll serves. */
  private servedRequests: string[] = [];
  private lastStatus: { stale: boolean; lastGoodFetch?: number } | undefined;
  /** Tail of the tasks that replace `state` after awaiting; see `exclusively`. */
  private stateQueue: Promise<void> = Promise.resolve();

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
    this.tombstoneRetentionMs =
      options.tombstoneRetentionMs ?? TOMBSTONE_RETENTION_MS;
    this.timeZones = Object.fromEntries(
      Object.entries(options.timeZones ?? {}).map(([feed, zone]) => [
        new URL(feed).href,
        zone,
      ]),
    );
    this.fetchTimeoutMs = options.fetchTimeoutMs;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
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
    this.databaseName = options.databaseName;
    this.coordinate = options.coordinate ?? true;
    this.photoCacheName =
      options.photoCache === false
        ? undefined
        : (options.photoCache?.name ?? PHOTO_CACHE_NAME);
    this.parseWorkerUrl = options.parseWorkerUrl;
    this.parseInWorkerMinBytes = options.parseInWorkerMinBytes;
    this.guard = new StoreGuard({
      snapshot: () => ({
        state: this.state,
        feeds: [...this.records.values()],
      }),
      report: (detail) =>
        this.dispatchEvent(new CustomEvent("store-error", { detail })),
      fellBack: () => this.leaveCoordination(),
    });
  }

  /** The alerts the reader should see now, newest first. */
  get alerts(): AlertView[] {
    return [...this.views];
  }

  /**
   * The kind of store in use ("indexeddb" or "memory"), once the store is
   * open; undefined before. It turns to "memory" when IndexedDB fails later.
   */
  get storeKind(): AlertStoreKind | undefined {
    return this.guard.kind;
  }

  /** The error that made the client keep alerts in memory instead of IndexedDB; undefined while it does not. */
  get storeFallback(): string | undefined {
    return this.guard.fallbackReason;
  }

  /**
   * The oldest of the feeds' last good fetch times (a readable response or
   * a 304), in milliseconds since the epoch by the `now` clock. It is
   * undefined while a feed never had one. A surface shows it as "data from
   * HH:MM".
   */
  get lastGoodFetch(): number | undefined {
    let oldest: number | undefined;
    for (const feed of this.feeds) {
      const time = this.records.get(feed)?.lastGoodFetchMs;
      if (time === undefined) return undefined;
      oldest = oldest === undefined ? time : Math.min(oldest, time);
    }
    return oldest;
  }

  /**
   * True when the alerts shown may be out of date: a feed never had a good
   * fetch, or its last one is more than three polling intervals old.
   */
  get stale(): boolean {
    const now = this.now();
    return this.feeds.some((feed) =>
      isStale(
        this.records.get(feed)?.lastGoodFetchMs,
        this.feedInterval(feed),
        now,
      ),
    );
  }

  /** Whether this client polls alone, polls for the origin's tabs, or follows the tab that does. */
  get pollingRole(): PollingRole {
    if (this.coordinator === undefined) return "independent";
    return this.coordinator.leader ? "leader" : "follower";
  }

  /**
   * Loads the stored alerts and dispatches "change" with source "cache"
   * before any network response, then starts polling: at once for feeds
   * not requested within the last interval (by this tab or another), else
   * when their interval ends. Resolves once the cache event was dispatched;
   * the first poll goes on after that (listen for the "network" change, or
   * await `refresh()`, which joins it).
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    await this.load();
    if (!this.running) return;
    const expired = this.expireNow();
    if (expired !== null) await this.save(expired.changes, expired.before);
    if (this.state.alerts.size >= LARGE_BATCH_ALERTS) {
      await this.prepareViews();
      if (!this.running) return;
    }
    this.views = this.visibleNow();
    this.lastStatus = this.statusSummary();
    this.dispatchChange({
      alerts: this.alerts,
      added: this.alerts,
      updated: [],
      removed: [],
      source: "cache",
      ...this.lastStatus,
    });
    this.scheduleExpiry();
    this.scheduleStaleCheck();
    this.visibility = watchPageVisibility((hidden) =>
      this.onVisibilityChange(hidden),
    );
    this.setUpCoordination();
    if (!this.visibility.hidden) this.resume();
  }

  /**
   * Polls every feed now (except one whose server asked, with
   * `Retry-After`, not to be polled yet), and settles when the state is
   * updated and the change event, if any, was dispatched. When a poll is
   * already running, returns that poll. In a tab that follows another
   * tab's poller, sends that poller a refresh request and settles once its
   * result is shown here. Never rejects: failures are "feed-error" and "store-error"
   * events.
   */
  refresh(): Promise<void> {
    if (this.polling !== undefined) return this.polling;
    if (this.running && this.coordinator?.leader === false) {
      return this.refreshThroughLeader();
    }
    return this.runPoll(this.feeds);
  }

  /** Stops polling, clears timers and aborts requests in flight. Idempotent; `start()` resumes. */
  stop(): void {
    this.running = false;
    clearTimeout(this.pollTimer);
    clearTimeout(this.expiryTimer);
    clearTimeout(this.staleTimer);
    this.pollTimer = undefined;
    this.expiryTimer = undefined;
    this.staleTimer = undefined;
    this.visibility?.stop();
    this.visibility = undefined;
    this.coordinator?.close();
    this.coordinator = undefined;
    this.abort.abort();
  }

  /** Returns the status of a feed, or undefined for a URL that is not one of the client's feeds. */
  feedStatus(url: string): FeedStatus | undefined {
    const href = URL.canParse(url) ? new URL(url).href : url;
    if (!this.feeds.includes(href)) return undefined;
    const record = this.records.get(href);
    const status: FeedStatus = {
      url: href,
      stale: isStale(
        record?.lastGoodFetchMs,
        this.feedInterval(href),
        this.now(),
      ),
    };
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
      // The coordination group depends on the statuses fetched.
      if (this.coordinator !== undefined) {
        this.leaveCoordination();
        this.setUpCoordination();
        if (this.visibility?.hidden === false) this.resume();
      }
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

  // --- Store -------------------------------------------------------------

  private load(): Promise<void> {
    this.loading ??= this.openAndLoad();
    return this.loading;
  }

  private async openAndLoad(): Promise<void> {
    if (this.givenStore !== undefined) {
      this.guard.use(this.givenStore);
    } else {
      const opened = await openAlertStore(
        this.databaseName === undefined ? {} : { name: this.databaseName },
      );
      this.guard.use(opened.store);
      if (opened.fallbackReason !== undefined) {
        this.guard.openedInMemory(
          opened.fallbackKind ?? "open-failed",
          opened.fallbackReason,
        );
      }
    }
    await this.readStore(true);
  }

  /**
   * Reads the feed records and the state from the store. With `prune`,
   * tombstones past their retention are deleted first, where the store
   * can, once the clock was ever checked against a server (retention is 30
   * days, so an offset measured in an earlier visit is close enough).
   */
  private async readStore(prune: boolean): Promise<LifecycleState | undefined> {
    const records = await this.guard.read(async (store) => {
      const found: FeedRecord[] = [];
      for (const feed of this.feeds) {
        const record = await store.getFeed(feed);
        if (record !== undefined) found.push(record);
      }
      return found;
    });
    for (const record of records ?? []) this.records.set(record.url, record);
    if (prune && this.records.size > 0 && this.clockEverChecked()) {
      const prunedBefore = this.correctedNow() - this.tombstoneRetentionMs;
      await this.guard.read(
        async (store) => await store.pruneTombstones?.(prunedBefore),
      );
    }
    const loaded = await this.guard.read((store) => store.load());
    if (loaded === undefined) return undefined;
    if (loaded.invalidRecords !== undefined && loaded.invalidRecords > 0) {
      this.guard.reportInvalidRecords(loaded.invalidRecords);
    }
    const state: LifecycleState = {
      alerts: loaded.alerts,
      tombstones: loaded.tombstones,
    };
    this.state = state;
    return state;
  }

  private async save(
    changes: LifecycleChanges,
    before: LifecycleState,
  ): Promise<void> {
    if (isEmptyChanges(changes)) return;
    await this.guard.write((store) => store.saveChanges(changes), changes);
    await this.forget(before, this.state);
  }

  private async saveRecord(record: FeedRecord): Promise<void> {
    await this.guard.write((store) => store.putFeed(record));
  }

  /**
   * Deletes every other copy of the alerts held in `before` but not in
   * `after`: their photos in the photo cache, and, through the "forget"
   * event, whatever a surface keeps of them.
   */
  private async forget(
    before: LifecycleState,
    after: LifecycleState,
  ): Promise<void> {
    const detail = alertsToForget(before, after);
    if (detail.keys.length === 0) return;
    this.dispatchEvent(new CustomEvent("forget", { detail }));
    if (this.photoCacheName === undefined) return;
    try {
      await deleteFromCache(this.photoCacheName, detail.photoUrls);
    } catch {
      // Cache Storage refused (an insecure context, storage disabled):
      // there is then no cached copy to delete.
    }
  }

  // --- Polling -------------------------------------------------------------

  private runPoll(feeds: readonly string[]): Promise<void> {
    if (this.polling !== undefined) return this.polling;
    this.polling = this.poll(feeds).finally(() => {
      this.polling = undefined;
      this.schedulePoll();
    });
    return this.polling;
  }

  private async poll(feeds: readonly string[]): Promise<void> {
    await this.load();
    const signal = this.abort.signal;
    const served = this.servedRequests.splice(0);
    const outcomes = await mapWithConcurrency(
      [...feeds],
      FEED_CONCURRENCY,
      (url) => this.pollOne(url, signal),
    );
    if (signal.aborted) return;
    await this.exclusively(() => this.applyOutcomes(feeds, outcomes, served));
  }

  /**
   * Applies the outcomes of a poll: the feed records, the messages, expiry,
   * forgetting, the change event, and the announcement to other tabs.
   */
  private async applyOutcomes(
    feeds: readonly string[],
    outcomes: readonly ({ outcome: PollOutcome; requestMs: number } | null)[],
    served: readonly string[],
  ): Promise<void> {
    // The clock is checked against every response before any alert is
    // judged by it.
    for (const [index, polled] of outcomes.entries()) {
      if (polled !== null) this.recordOutcome(feeds[index]!, polled);
    }
    const before = this.state;
    const removedReasons = new Map<string, EndReason>();
    const previousKeys = new Map<string, string>();
    const large = polledAlertCount(outcomes) >= LARGE_BATCH_ALERTS;
    for (const [index, polled] of outcomes.entries()) {
      if (polled === null || polled.outcome.kind !== "ok") continue;
      // The task that delivered the feed ends before the lifecycle runs.
      if (large) await yieldToMain();
      const { state, changes } = applyMessages(
        this.state,
        polled.outcome.alerts,
        {
          now: this.correctedNow(),
          feedUrl: feeds[index]!,
          defaultLifetimeMs: this.settings.defaultLifetimeMs,
          tombstoneRetentionMs: this.tombstoneRetentionMs,
        },
      );
      this.state = state;
      collectChanges(changes, removedReasons, previousKeys);
      if (large) await yieldToMain();
      await this.guard.write((store) => store.saveChanges(changes), changes);
    }
    for (const [index, polled] of outcomes.entries()) {
      const record = this.records.get(feeds[index]!);
      if (polled !== null && record !== undefined) {
        await this.saveRecord(record);
      }
    }
    const expired = this.expireNow();
    if (expired !== null) {
      collectChanges(expired.changes, removedReasons, previousKeys);
      await this.guard.write(
        (store) => store.saveChanges(expired.changes),
        expired.changes,
      );
    }
    await this.forget(before, this.state);
    this.links.forgetEnded(this.state);
    if (large) await this.prepareViews();
    this.showChanges("network", removedReasons, previousKeys);
    this.scheduleExpiry();
    this.coordinator?.announceStateChanged([
      ...served,
      ...this.servedRequests.splice(0),
    ]);
  }

  /** Polls one feed unless its server's Retry-After still holds; null when skipped. */
  private async pollOne(
    url: string,
    signal: AbortSignal,
  ): Promise<{ outcome: PollOutcome; requestMs: number } | null> {
    const requestMs = Date.now();
    if (heldByRetryAfter(this.records.get(url), requestMs)) return null;
    const record = this.refetch.has(url) ? undefined : this.records.get(url);
    this.refetch.delete(url);
    const timeZone = this.timeZones[url];
    const outcome = await pollFeed(url, record, {
      fetch: this.fetchFunction,
      signal,
      now: this.now,
      retry: this.retryPolicy,
      ...(timeZone === undefined ? {} : { timeZone }),
      ...(this.fetchTimeoutMs === undefined
        ? {}
        : { timeoutMs: this.fetchTimeoutMs }),
      parse: {
        ...(this.parseWorkerUrl === undefined
          ? {}
          : { workerUrl: this.parseWorkerUrl }),
        ...(this.parseInWorkerMinBytes === undefined
          ? {}
          : { minBytes: this.parseInWorkerMinBytes }),
      },
      shouldFetchLink: (link) =>
        this.links.shouldFetch(link, this.state, this.settings.includeTest),
      onLinkRead: (link, alerts) => this.links.remember(link, alerts),
      onLinkError: (linkUrl, message) =>
        this.dispatchEvent(
          new CustomEvent("feed-error", {
            detail: { url: linkUrl, message, feedUrl: url },
          }),
        ),
    });
    return { outcome, requestMs };
  }

  /**
   * Updates the feed's record in memory from a poll's outcome (the caller
   * writes it). Validators are stored only after a complete good fetch.
   * After a failed fetch, an unreadable body or a failed linked document
   * the old validators stay, so the next request fetches again instead of
   * getting a 304 for content the client never read.
   */
  private recordOutcome(
    url: string,
    { outcome, requestMs }: { outcome: PollOutcome; requestMs: number },
  ): void {
    const record: FeedRecord = { ...(this.records.get(url) ?? { url }) };
    record.lastRequestMs = requestMs;
    delete record.retryAfterUntilMs;
    if (outcome.kind === "error") {
      record.lastErrorMs = this.now();
      record.lastError = outcome.message;
      if (outcome.retryAfterMs !== undefined) {
        record.retryAfterUntilMs =
          Date.now() + Math.min(outcome.retryAfterMs, MAX_POLL_INTERVAL_MS);
      }
      this.dispatchEvent(
        new CustomEvent("feed-error", {
          detail: { url, message: outcome.message, reason: outcome.reason },
        }),
      );
    } else {
      record.lastGoodFetchMs = this.now();
      const { date, age, receivedMs } = outcome.serverTime;
      setOrDelete(
        record,
        "clockOffsetMs",
        serverClockOffset(date, age, receivedMs),
      );
      record.clockCheckedMs = Date.now();
      if (outcome.kind === "ok" && outcome.complete) {
        setOrDelete(record, "etag", outcome.etag);
        setOrDelete(record, "lastModified", outcome.lastModified);
      }
    }
    this.records.set(url, record);
  }

  /** Sets the timer for the next due feed, when this client polls and its page is shown. */
  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (!this.mayPoll() || this.feeds.length === 0) return;
    const now = Date.now();
    const next = Math.min(...this.feeds.map((feed) => this.nextDue(feed, now)));
    this.pollTimer = setTimeout(
      () => {
        this.pollTimer = undefined;
        if (!this.mayPoll()) return;
        const realNow = Date.now();
        const due = this.feeds.filter(
          (feed) => this.nextDue(feed, realNow) <= realNow,
        );
        if (this.polling !== undefined || due.length === 0) {
          this.schedulePoll();
          return;
        }
        void this.runPoll(due);
      },
      Math.min(Math.max(0, next - now), MAX_TIMER_DELAY_MS),
    );
  }

  private nextDue(feed: string, realNowMs: number): number {
    return nextPollMs(
      this.records.get(feed),
      this.feedInterval(feed),
      realNowMs,
    );
  }

  private feedInterval(feed: string): number {
    return feedPollInterval(this.intervalMs, feed);
  }

  /** True when this client polls on its own timer: started, shown, and not following another tab. */
  private mayPoll(): boolean {
    return (
      this.running &&
      this.visibility?.hidden !== true &&
      (this.coordinator === undefined || this.coordinator.leader)
    );
  }

  // --- Visibility and coordination ----------------------------------------

  /** Starts polling, or waiting for the lock, after `start()` or when the page is shown. */
  private resume(): void {
    if (this.coordinator !== undefined) this.coordinator.join();
    else this.schedulePoll();
  }

  private onVisibilityChange(hidden: boolean): void {
    if (!this.running) return;
    if (hidden) {
      // A hidden page neither polls nor keeps the lock, so a shown tab can
      // take over. When every tab is hidden, no client polls.
      clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
      this.coordinator?.leave();
      return;
    }
    // Feeds that came due while the page was hidden are polled at once.
    if (this.coordinator !== undefined) {
      void this.followStore().then(() => this.resume());
    } else {
      this.resume();
    }
  }

  /** Joins the origin's poller election when the store is shared and the platform allows it. */
  private setUpCoordination(): void {
    const databaseName = this.guard.store?.databaseName;
    if (
      !this.coordinate ||
      this.coordinator !== undefined ||
      databaseName === undefined ||
      this.guard.kind !== "indexeddb" ||
      !PollCoordinator.isSupported()
    ) {
      return;
    }
    this.coordinator = new PollCoordinator(
      coordinationName(databaseName, this.feeds, this.settings.includeTest),
      {
        onLeadershipChange: (leader) => this.onLeadershipChange(leader),
        onStateChanged: () => this.followStore(),
        onRefreshRequest: (id) => {
          this.servedRequests.push(id);
          void this.refresh();
        },
      },
    );
  }

  /** Stops coordinating (the store fell back to memory, or settings changed) and polls alone. */
  private leaveCoordination(): void {
    if (this.coordinator === undefined) return;
    this.coordinator.close();
    this.coordinator = undefined;
    if (this.running && this.visibility?.hidden !== true) this.schedulePoll();
  }

  private onLeadershipChange(leader: boolean): void {
    if (!leader) {
      clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
      return;
    }
    // Take over from the state and records the last leader wrote, then
    // poll the feeds it last requested more than an interval ago.
    void this.followStore().then(() => this.schedulePoll());
  }

  private async refreshThroughLeader(): Promise<void> {
    const outcome = await this.coordinator!.requestRefresh();
    if (outcome === "served") return;
    await this.runPoll(this.feeds);
  }

  /**
   * Runs a task that reads and replaces `state` after awaiting, once the
   * tasks before it have finished, so a reload from the store and a poll's
   * changes never interleave and undo each other.
   */
  private exclusively<T>(task: () => Promise<T>): Promise<T> {
    const run = this.stateQueue.then(task);
    this.stateQueue = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /**
   * Reloads the state and records another tab wrote, and shows what
   * changed as a "network" change.
   */
  private followStore(): Promise<void> {
    return this.exclusively(() => this.reloadFromStore());
  }

  private async reloadFromStore(): Promise<void> {
    if (!this.running) return;
    const before = this.state;
    // Only the first read prunes, so followers do not write at every poll.
    const loaded = await this.readStore(false);
    if (loaded === undefined) return;
    await this.forget(before, this.state);
    const expired = this.expireNow();
    if (expired !== null) await this.save(expired.changes, expired.before);
    if (this.state.alerts.size >= LARGE_BATCH_ALERTS) {
      await this.prepareViews();
    }
    this.showChanges("network", new Map(), new Map());
    this.scheduleExpiry();
  }

  // --- Time ----------------------------------------------------------------

  /** Returns the reader's clock corrected by the offset measured against the feed servers. */
  private correctedNow(): number {
    const offsets: number[] = [];
    for (const feed of this.feeds) {
      const offset = this.records.get(feed)?.clockOffsetMs;
      if (offset !== undefined) offsets.push(offset);
    }
    return this.now() + combineClockOffsets(offsets);
  }

  /**
   * True once a feed server responded since this client was made (to this
   * client or to the tab that polls for it), so the corrected clock rests
   * on a fresh check. Until then an alert whose end has passed is hidden but not
   * deleted: a clock that is hours fast must not delete a live alert,
   * which a tombstone would then keep hidden.
   */
  private clockCheckedNow(): boolean {
    return this.feeds.some(
      (feed) => (this.records.get(feed)?.clockCheckedMs ?? 0) >= this.createdMs,
    );
  }

  private clockEverChecked(): boolean {
    return this.feeds.some(
      (feed) => this.records.get(feed)?.clockCheckedMs !== undefined,
    );
  }

  /**
   * Ends alerts whose end time has passed by the corrected clock, once the
   * clock was checked. Returns the changes for the caller to save, with the
   * state before them, or null when there are none.
   */
  private expireNow(): {
    changes: LifecycleChanges;
    before: LifecycleState;
  } | null {
    if (!this.clockCheckedNow()) return null;
    const before = this.state;
    const { state, changes } = expire(before, this.correctedNow(), {
      tombstoneRetentionMs: this.tombstoneRetentionMs,
    });
    if (isEmptyChanges(changes)) return null;
    this.state = state;
    return { changes, before };
  }

  /**
   * Sets a timer for the earliest end time still ahead, so an alert leaves
   * when it ends, between polls.
   */
  private scheduleExpiry(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (!this.running) return;
    const now = this.correctedNow();
    let earliest = Infinity;
    for (const alert of this.state.alerts.values()) {
      if (alert.endMs > now) earliest = Math.min(earliest, alert.endMs);
    }
    if (earliest === Infinity) return;
    this.expiryTimer = setTimeout(
      () => void this.exclusively(() => this.onExpiryTimer()),
      Math.min(earliest - now, MAX_TIMER_DELAY_MS),
    );
  }

  private async onExpiryTimer(): Promise<void> {
    this.expiryTimer = undefined;
    const expired = this.expireNow();
    const reasons = new Map<string, EndReason>();
    if (expired !== null) {
      collectChanges(expired.changes, reasons, new Map());
      this.showChanges("expiry", reasons, new Map());
      await this.save(expired.changes, expired.before);
    } else {
      this.showChanges("expiry", reasons, new Map());
    }
    this.scheduleExpiry();
  }

  /** Sets a timer for the moment the freshest data becomes stale, to dispatch "status" then. */
  private scheduleStaleCheck(): void {
    clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
    if (!this.running) return;
    const now = this.now();
    let earliest = Infinity;
    for (const feed of this.feeds) {
      const last = this.records.get(feed)?.lastGoodFetchMs;
      if (last === undefined) continue;
      const at = staleAt(last, this.feedInterval(feed));
      if (at >= now) earliest = Math.min(earliest, at);
    }
    if (earliest === Infinity) return;
    this.staleTimer = setTimeout(
      () => {
        this.staleTimer = undefined;
        this.updateStatus();
        this.scheduleStaleCheck();
      },
      Math.min(earliest - now + 1, MAX_TIMER_DELAY_MS),
    );
  }

  // --- Showing -------------------------------------------------------------

  /** Returns the views to show now: alerts from this client's feeds that pass the reader's settings. */
  private visibleNow(): AlertView[] {
    const mine: StoredAlert[] = [];
    for (const alert of this.state.alerts.values()) {
      if (alert.feeds.some((feed) => this.feeds.includes(feed))) {
        mine.push(alert);
      }
    }
    return visibleAlerts(
      mine,
      this.settings,
      this.correctedNow(),
      this.viewCache.lookup(this.settings),
    );
  }

  /**
   * Builds the views of the state's alerts into the cache, TAKE_IN_SLICE
   * per task, so that the `showChanges` after a large poll or load finds
   * them built instead of building them all in one task.
   */
  private async prepareViews(): Promise<void> {
    const view = this.viewCache.lookup(this.settings);
    let built = 0;
    for (const stored of [...this.state.alerts.values()]) {
      view(stored);
      built += 1;
      if (built % TAKE_IN_SLICE === 0) await yieldToMain();
    }
  }

  /** Recomputes the shown alerts and dispatches "change" when they changed, then "status" when it changed. */
  private showChanges(
    source: ChangeSource,
    removedReasons: ReadonlyMap<string, EndReason>,
    previousKeys: ReadonlyMap<string, string>,
  ): void {
    const now = this.correctedNow();
    const after = this.visibleNow();
    const { added, updated, removed } = diffViews(
      this.views,
      after,
      previousKeys,
      (key) => this.removalReason(key, removedReasons, now),
    );
    this.views = after;
    const status = this.statusSummary();
    if (added.length + updated.length + removed.length > 0) {
      this.dispatchChange({
        alerts: this.alerts,
        added,
        updated,
        removed,
        source,
        ...status,
      });
    }
    this.updateStatus();
    this.scheduleStaleCheck();
  }

  private statusSummary(): { stale: boolean; lastGoodFetch?: number } {
    const lastGoodFetch = this.lastGoodFetch;
    return lastGoodFetch === undefined
      ? { stale: this.stale }
      : { stale: this.stale, lastGoodFetch };
  }

  /** Dispatches "status" when `stale` or `lastGoodFetch` changed since the last one. */
  private updateStatus(): void {
    const summary = this.statusSummary();
    if (
      this.lastStatus !== undefined &&
      this.lastStatus.stale === summary.stale &&
      this.lastStatus.lastGoodFetch === summary.lastGoodFetch
    ) {
      return;
    }
    this.lastStatus = summary;
    const detail: StatusDetail = {
      ...summary,
      feeds: this.feeds.map((feed) => this.feedStatus(feed)!),
    };
    this.dispatchEvent(new CustomEvent("status", { detail }));
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
}

/** Counts the alerts that a poll's readable responses brought. */
function polledAlertCount(
  outcomes: readonly ({ outcome: PollOutcome } | null)[],
): number {
  let count = 0;
  for (const polled of outcomes) {
    if (polled?.outcome.kind === "ok") count += polled.outcome.alerts.length;
  }
  return count;
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

function setOrDelete<K extends "etag" | "lastModified" | "clockOffsetMs">(
  record: FeedRecord,
  field: K,
  value: FeedRecord[K] | undefined,
): void {
  if (value === undefined) delete record[field];
  else record[field] = value;
}
