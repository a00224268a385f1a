import { css, html, LitElement, nothing, type PropertyValues } from "lit";
import type { AlertClient } from "../shared/client/alert-client.js";
import type {
  AlertChangeDetail,
  FeedErrorDetail,
  ForgetDetail,
  StatusDetail,
} from "../shared/client/client-events.js";
import type { EventFilter } from "../shared/filter/events.js";
import { parseRegion } from "../shared/geo/geocode.js";
import type { AlertView } from "../shared/view/alert-view.js";
import {
  addDismissed,
  forgetDismissed,
  pruneDismissed,
  readDismissed,
} from "./dismissal/dismissed-versions.js";
import { formatStaleNotice } from "./format/format-stale-notice.js";
import { chooseInterfaceLanguage } from "./i18n/choose-language.js";
import { loadUiStrings } from "./i18n/load-strings.js";
import { EN, fillIn, type UiStrings } from "./i18n/ui-strings.js";
import type { DismissDetail } from "./layouts/alert-layout-element.js";
import { loadAlertEngine } from "./engine/load-engine.js";
import { createSampleAlert } from "./preview/sample-alert.js";
import { SCRIPT_URL } from "./script-url.js";
import { themeStyles } from "./styles/theme-styles.js";

/** Detail of the `child-alert-change` event. */
export interface ChildAlertChangeDetail {
  /** The alerts shown now, as the `alerts` property returns them. */
  alerts: AlertView[];
}

const LAYOUTS = ["banner", "card", "list", "ticker", "poster"] as const;
type Layout = (typeof LAYOUTS)[number];
const EVENT_FILTERS: readonly EventFilter[] = ["abduction", "missing", "all"];

/** Parts of the layouts, forwarded so that `child-alert::part(NAME)` reaches them. */
const EXPORTED_PARTS = [
  "banner",
  "bar",
  "strip",
  "card",
  "list",
  "item",
  "ticker",
  "poster",
  "title",
  "label",
  "sample-label",
  "test-label",
  "update-label",
  "photo",
  "headline",
  "description",
  "meta",
  "facts",
  "actions",
  "call-link",
  "web-link",
  "share-button",
  "dismiss-button",
  "toggle",
  "status",
  "previous-button",
  "pause-button",
  "next-button",
  "stale-notice",
].join(", ");

/** How long the element waits for an idle moment before it loads anyway. */
const IDLE_TIMEOUT_MS = 3000;
/**
 * Alerts added to the layout per task. In one ad-hoc measurement (headless
 * Chromium on a 2-core virtual machine) 200 cards took about 100 ms to
 * render in one task, so a long list is rendered 20 at a time.
 */
const RENDER_CHUNK = 20;
/** At most this many alerts are named in one live announcement. */
const MAX_ANNOUNCED = 3;
/**
 * Maximum wait of the stale-data notice for a new client's first poll: 10
 * seconds, which covers a failed poll's retries (waits drawn up to 2 s,
 * then 4 s) when the network is down. So a page opened after a long
 * absence does not flash the notice while fresh data is on its way.
 */
const STALE_NOTICE_GRACE_MS = 10_000;

/**
 * Missing-child alerts for a web page. The element polls the alert feeds
 * named in `feed`, keeps those that concern the reader's place or regions,
 * and renders them in one of five layouts. The reader's place never leaves
 * the device: filtering happens in the page.
 *
 * @attr feed - One or more feed URLs, space-separated, resolved against the page.
 * @attr lat - Latitude of the reader's place, WGS 84 degrees.
 * @attr lon - Longitude of the reader's place, WGS 84 degrees.
 * @attr radius - Distance around the place that concerns the reader, in km (default 0).
 * @attr region - Geocodes written `valueName:value`, space-separated; the value follows the last colon.
 * @attr lang - Interface language and preferred alert language (default: the page's `<html lang>`, then the browser's languages).
 * @attr layout - `banner` (default), `card`, `list`, `ticker` or `poster`.
 * @attr events - `abduction`, `missing` or `all`, space-separated (default `abduction missing`).
 * @attr max - Maximum number of alerts shown.
 * @attr include-test - Also show Test and Exercise alerts.
 * @attr theme - `light`, `dark` or `auto` (default: follow `prefers-color-scheme`).
 * @attr preview - Show a labelled, invented SAMPLE alert and nothing else, to style the widget.
 * @attr eager - Load at once instead of waiting until the page is idle.
 * @attr reserve - Reserve `--child-alert-reserve-height` in the page, and render the banner in that space instead of as an overlay.
 * @attr key - A publisher's Ed25519 public key (base64 of its 32 raw bytes, as `child-alert-feed keygen` writes it). Every feed must then carry a valid `.sig` signature, or it is rejected.
 * @attr label - Name of the widget's region for screen readers, and the banner's title (default "Child alerts" in the interface language). Give each widget of a page its own.
 * @attr interval - Polling interval in seconds (default 300). Kept between 120 s and 1 hour, except for feeds on localhost (down to 1 s).
 *
 * @fires child-alert-change - The shown alerts changed; `detail.alerts` lists them. Bubbles and is composed, so the host page hears it from inside any shadow root.
 *
 * @csspart banner - The banner strip.
 * @csspart bar - The collapsed banner's thin bar.
 * @csspart strip - The banner's scrolling list of alerts.
 * @csspart card - One alert in the card layout.
 * @csspart list - The list layout's list.
 * @csspart item - One alert in the list layout.
 * @csspart ticker - The ticker line.
 * @csspart poster - One alert in the poster layout.
 * @csspart title - The poster's large title.
 * @csspart label - A label: the kind of alert, SAMPLE, TEST or Update.
 * @csspart photo - The child's photo.
 * @csspart headline - The alert's headline.
 * @csspart description - The alert's description.
 * @csspart meta - Area and time.
 * @csspart facts - Age, appearance, last seen, what to do and contact.
 * @csspart actions - The row of actions.
 * @csspart call-link - The `tel:` link built from the contact's phone number.
 * @csspart web-link - The link to the authority's page.
 * @csspart share-button - The share button.
 * @csspart dismiss-button - The dismiss button.
 * @csspart toggle - The banner's collapse button and the list's details button.
 * @csspart status - Confirmation that a link was copied.
 * @csspart previous-button - The ticker's Previous button.
 * @csspart pause-button - The ticker's Pause button.
 * @csspart next-button - The ticker's Next button.
 * @csspart stale-notice - The notice that the alerts shown may be out of date ("Data from 14:05, may be out of date").
 *
 * @cssprop --child-alert-background - Background colour.
 * @cssprop --child-alert-color - Text colour.
 * @cssprop --child-alert-muted-color - Colour of secondary text (area, time).
 * @cssprop --child-alert-accent - Accent colour: labels, borders, the call link.
 * @cssprop --child-alert-on-accent - Text colour on the accent colour.
 * @cssprop --child-alert-link-color - Link colour.
 * @cssprop --child-alert-border-color - Border colour.
 * @cssprop --child-alert-focus-color - Colour of the focus ring.
 * @cssprop --child-alert-button-background - Background of buttons.
 * @cssprop --child-alert-shadow - Box shadow of cards and the banner.
 * @cssprop --child-alert-font-family - Font family.
 * @cssprop --child-alert-font-size - Base font size (default 16px; not tied to the page's root size).
 * @cssprop --child-alert-radius - Corner radius.
 * @cssprop --child-alert-spacing - Base spacing.
 * @cssprop --child-alert-photo-size - Width of the photo in the card layout.
 * @cssprop --child-alert-banner-max-height - Maximum height of the open banner (default 50vh).
 * @cssprop --child-alert-z-index - Stacking order of the banner overlay.
 * @cssprop --child-alert-reserve-height - Height reserved in the page when `reserve` is set.
 */
export class ChildAlert extends LitElement {
  /**
   * Base URL of the interface string files (`CODE.json`). By default the
   * `i18n/` folder beside the script; set it before the element loads to
   * serve them from elsewhere on the same origin.
   */
  static translationsUrl = new URL("i18n/", SCRIPT_URL).href;

  /**
   * URL of the parse worker (`child-alert-parse-worker.js`), which parses
   * feed bodies of 512 KiB or more off the main thread. By default it is
   * beside the script. The worker runs only from the page's own origin, so
   * elsewhere, or where the file is missing, feeds are parsed on the main
   * thread with the same result.
   */
  static parseWorkerUrl = new URL("child-alert-parse-worker.js", SCRIPT_URL)
    .href;

  static override styles = [
    themeStyles,
    css`
      :host([reserve]) {
        min-height: var(--child-alert-reserve-height, 96px);
      }
      .overlay {
        position: fixed;
        inset-block-start: 0;
        inset-inline: 0;
        z-index: var(--child-alert-z-index, 2147483000);
      }
      .live {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
    `,
  ];

  static override properties = {
    feed: {},
    lat: { type: Number },
    lon: { type: Number },
    radius: { type: Number },
    region: {},
    requestedLanguage: { attribute: "lang" },
    layout: {},
    events: {},
    max: { type: Number },
    includeTest: { type: Boolean, attribute: "include-test" },
    theme: {},
    preview: { type: Boolean },
    eager: { type: Boolean },
    reserve: { type: Boolean },
    interval: { type: Number },
    label: {},
    key: {},
    displayed: { state: true, attribute: false },
    staleNotice: { state: true, attribute: false },
    strings: { state: true, attribute: false },
    stringsLanguage: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    renderLimit: { state: true, attribute: false },
  };

  feed = "";
  lat: number | undefined = undefined;
  lon: number | undefined = undefined;
  radius: number | undefined = undefined;
  region = "";
  /** The `lang` attribute; `HTMLElement.lang` itself is left as it is. */
  requestedLanguage: string | undefined = undefined;
  layout = "banner";
  events = "abduction missing";
  max: number | undefined = undefined;
  includeTest = false;
  theme = "auto";
  preview = false;
  eager = false;
  reserve = false;
  interval: number | undefined = undefined;
  /** The `label` attribute: the region's name in place of the interface string; null once removed. */
  label: string | null = "";
  /** The `key` attribute: the publisher's public key that every feed is checked against. */
  key = "";

  /** The alerts rendered now, after dismissals and `max`. */
  private displayed: AlertView[] = [];
  private strings: UiStrings = EN;
  private stringsLanguage = "en";
  private announcement = "";
  /** How many of `displayed` the layout is given; grows by RENDER_CHUNK per task. */
  private renderLimit = RENDER_CHUNK;
  private chunkTimer: ReturnType<typeof setTimeout> | undefined;
  private client: AlertClient | null = null;
  /** Settles when the client matching the current attributes exists (or none is needed). */
  private sourceReady: Promise<void> = Promise.resolve();
  private sourceRequest = 0;
  /** `sourceKey()` when the current client (or preview) was set up. */
  private syncedSourceKey: string | null = null;
  private started = false;
  private idleHandle: { cancel(): void } | null = null;
  private sampleDismissed = false;
  private sample: AlertView | null = null;
  private stringsRequest = 0;
  private readonly reportedErrors = new Set<string>();
  /** The client's `stale` and `lastGoodFetch`, from its last change or status event. */
  private dataStale = false;
  private lastGoodFetch: number | undefined = undefined;
  /** True from a client's start until its first poll reports, or STALE_NOTICE_GRACE_MS pass. */
  private staleNoticeHeld = false;
  private staleNoticeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The stale-data notice the layout shows, or "" for none. */
  private staleNotice = "";
  /** The notice announced in the current stale period; "" until it is announced. */
  private announcedStaleNotice = "";

  /** The alerts shown, one `AlertView` per alert, in display order. */
  get alerts(): AlertView[] {
    return [...this.displayed];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadStrings();
    if (this.eager) this.startNow();
    else this.idleHandle = whenIdle(() => this.startNow());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.chunkTimer);
    this.chunkTimer = undefined;
    this.releaseStaleNotice();
    this.idleHandle?.cancel();
    this.idleHandle = null;
    this.client?.stop();
    this.client = null;
    this.started = false;
    this.sourceRequest += 1;
    this.syncedSourceKey = null;
  }

  /**
   * Polls the feeds now, starting the element first if it was still waiting
   * for an idle moment. Settles once the new state is rendered.
   */
  async refresh(): Promise<void> {
    this.startNow();
    // Attributes set just before the call take effect in the pending update.
    await this.updateComplete;
    await this.sourceReady;
    if (this.client !== null) await this.client.refresh();
    await this.rendered();
  }

  /** Resolves once this element and the layout inside it have rendered. */
  private async rendered(): Promise<void> {
    for (;;) {
      await this.updateComplete;
      const layout = this.renderRoot.querySelector<LitElement>("[data-layout]");
      if (layout !== null) await layout.updateComplete;
      if (this.renderLimit >= this.displayed.length) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Starts loading alerts (or the sample in preview mode) if not started yet. */
  private startNow(): void {
    this.idleHandle?.cancel();
    this.idleHandle = null;
    if (this.started || !this.isConnected) return;
    this.started = true;
    this.sourceReady = this.syncSource();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("requestedLanguage") && this.hasUpdated)
      void this.loadStrings();
    if (changed.has("eager") && this.eager) this.startNow();
    if (!this.started) return;
    if (this.sourceKey() !== this.syncedSourceKey) {
      this.sourceReady = this.syncSource();
      return;
    }
    const settingsChanged = (
      [
        "lat",
        "lon",
        "radius",
        "region",
        "events",
        "includeTest",
        "requestedLanguage",
      ] as const
    ).some((name) => changed.has(name));
    // A client made for this first update already read the current settings.
    if (settingsChanged && this.hasUpdated) {
      this.client?.update(this.clientSettings());
    }
    if (changed.has("max")) this.recompute();
  }

  /**
   * Creates, replaces or stops the client to match `preview` and `feed`,
   * loading the alert engine first when needed. Preview never loads it.
   */
  private async syncSource(): Promise<void> {
    const request = ++this.sourceRequest;
    this.syncedSourceKey = this.sourceKey();
    this.client?.stop();
    this.client = null;
    this.dataStale = false;
    this.lastGoodFetch = undefined;
    this.releaseStaleNotice();

    const feeds = this.preview ? [] : this.feedUrls();
    if (feeds.length === 0) {
      this.recompute();
      return;
    }

    let engine: Awaited<ReturnType<typeof loadAlertEngine>>;
    try {
      engine = await loadAlertEngine();
    } catch (error) {
      console.warn(
        `child-alert: the alert engine failed to load: ${String(error)}`,
      );
      return;
    }
    // Attributes changed, or the element left the page, while it loaded.
    if (request !== this.sourceRequest || !this.started) return;

    let client: AlertClient;
    try {
      client = new engine.AlertClient({
        feeds,
        ...this.clientSettings(),
        ...(this.interval !== undefined && Number.isFinite(this.interval)
          ? { intervalMs: this.interval * 1000 }
          : {}),
        ...this.feedKeys(feeds),
        parseWorkerUrl: ChildAlert.parseWorkerUrl,
      });
    } catch (error) {
      // Only an unreadable key gets here (invalid regions are filtered
      // out first). Without a client the element fetches nothing, so a
      // mistyped key never lets unverified alerts through.
      console.warn(
        `child-alert: no feed is loaded: ${error instanceof Error ? error.message : String(error)} Check the key attribute.`,
      );
      this.recompute();
      return;
    }
    this.listenTo(client);
    this.client = client;
    this.holdStaleNotice();
    await client.start();
  }

  /** Holds the stale-data notice until the new client's first poll reports, or the grace time passes. */
  private holdStaleNotice(): void {
    this.staleNoticeHeld = true;
    clearTimeout(this.staleNoticeTimer);
    this.staleNoticeTimer = setTimeout(() => {
      this.releaseStaleNotice();
      this.recompute();
    }, STALE_NOTICE_GRACE_MS);
  }

  private releaseStaleNotice(): void {
    clearTimeout(this.staleNoticeTimer);
    this.staleNoticeTimer = undefined;
    this.staleNoticeHeld = false;
  }

  /** Follows a client's changes, status and forgotten alerts, and logs each distinct feed error once. */
  private listenTo(client: AlertClient): void {
    client.addEventListener("change", (event) => {
      if (this.client !== client) return;
      const detail = (event as CustomEvent<AlertChangeDetail>).detail;
      if (detail.source === "network") {
        pruneDismissed(new Set(detail.alerts.map((alert) => alert.version)));
      }
      this.dataStale = detail.stale;
      this.lastGoodFetch = detail.lastGoodFetch;
      this.recompute();
    });
    // Ended alerts leave the dismissal record at once, not after the next
    // poll: an alert that ends by its end time between polls included.
    client.addEventListener("forget", (event) => {
      forgetDismissed((event as CustomEvent<ForgetDetail>).detail.keys);
    });
    client.addEventListener("status", (event) => {
      if (this.client !== client) return;
      const detail = (event as CustomEvent<StatusDetail>).detail;
      this.dataStale = detail.stale;
      this.lastGoodFetch = detail.lastGoodFetch;
      this.releaseStaleNotice();
      this.recompute();
    });
    client.addEventListener("feed-error", (event) => {
      if (this.client === client && this.staleNoticeHeld) {
        this.releaseStaleNotice();
        this.recompute();
      }
      const { url, message } = (event as CustomEvent<FeedErrorDetail>).detail;
      const report = `${url}: ${message}`;
      if (this.reportedErrors.has(report)) return;
      this.reportedErrors.add(report);
      console.warn(`child-alert: feed ${report}`);
    });
  }

  /** Returns the value that decides the client: the feeds, interval and key, or preview mode. */
  private sourceKey(): string {
    return this.preview
      ? "preview"
      : JSON.stringify([this.feed, this.interval, this.key]);
  }

  /** Returns the client's `feedKeys` option: the `key` attribute for every feed, or nothing without one. */
  private feedKeys(feeds: string[]): { feedKeys?: Record<string, string> } {
    const key = this.key.trim();
    if (key === "") return {};
    return {
      feedKeys: Object.fromEntries(feeds.map((feed) => [feed, key])),
    };
  }

  private feedUrls(): string[] {
    const urls: string[] = [];
    for (const token of this.feed.split(/\s+/).filter(Boolean)) {
      try {
        urls.push(new URL(token, document.baseURI).href);
      } catch {
        console.warn(
          `child-alert: feed "${token}" is not a valid URL; it is ignored.`,
        );
      }
    }
    return urls;
  }

  private clientSettings() {
    const place =
      Number.isFinite(this.lat) && Number.isFinite(this.lon)
        ? {
            lat: this.lat!,
            lon: this.lon!,
            radius: Math.max(0, this.radius ?? 0) || 0,
          }
        : null;
    const regions = this.region.split(/\s+/).filter((token) => {
      if (token === "") return false;
      if (parseRegion(token) !== null) return true;
      console.warn(
        `child-alert: region "${token}" is invalid; write it as "valueName:value", such as "SAME:099001".`,
      );
      return false;
    });
    const events = this.events
      .split(/\s+/)
      .filter((token): token is EventFilter =>
        (EVENT_FILTERS as readonly string[]).includes(token),
      );
    const languages = [
      this.requestedLanguage || document.documentElement.lang,
      ...navigator.languages,
    ].filter((tag): tag is string => Boolean(tag));
    return {
      place,
      regions,
      events:
        events.length > 0
          ? events
          : (["abduction", "missing"] as EventFilter[]),
      includeTest: this.includeTest,
      languages,
    };
  }

  private async loadStrings(): Promise<void> {
    const language = chooseInterfaceLanguage([
      this.requestedLanguage,
      document.documentElement.lang,
      ...navigator.languages,
    ]);
    const request = ++this.stringsRequest;
    const loaded = await loadUiStrings(language, ChildAlert.translationsUrl);
    // A later change of `lang` wins over a slower, earlier load.
    if (request !== this.stringsRequest) return;
    this.strings = loaded.strings;
    this.stringsLanguage = loaded.language;
    this.sample = null;
    // Renews the sample, or the stale-data notice, in the new language.
    this.recompute();
  }

  /**
   * Recomputes the shown alerts and the stale-data notice. Announces new
   * alerts, and the notice once per stale period, and fires the event when
   * the alerts changed.
   */
  private recompute(): void {
    const max =
      this.max !== undefined && this.max >= 0 ? Math.floor(this.max) : Infinity;
    const next = this.candidateAlerts().slice(0, max);
    const previous = this.displayed;
    const changed = !sameVersions(previous, next);
    // The same versions in new views: the client built them again for new
    // settings, such as another language, so their text changed.
    const rebuilt =
      !changed && next.some((alert, index) => alert !== previous[index]);
    const lines: string[] = [];
    if (changed || rebuilt) this.displayed = next;
    if (changed) {
      // Keep what is on screen; a longer list grows by RENDER_CHUNK per task.
      this.renderLimit = Math.max(
        RENDER_CHUNK,
        Math.min(this.renderLimit, next.length),
      );
      const previousKeys = new Set(previous.map((alert) => alert.key));
      const added = next.filter((alert) => !previousKeys.has(alert.key));
      if (!this.preview) lines.push(...this.announcementsFor(added));
    }
    const notice = this.updateStaleNotice();
    if (notice !== null) lines.push(notice);
    if (lines.length > 0) this.announcement = lines.join(". ");
    if (!changed && !rebuilt) return;
    this.dispatchEvent(
      new CustomEvent<ChildAlertChangeDetail>("child-alert-change", {
        detail: { alerts: this.alerts },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /** Returns the alerts to show before `max`: the sample in preview mode, else the client's alerts less the dismissed ones. */
  private candidateAlerts(): AlertView[] {
    if (this.preview) {
      this.sample ??= createSampleAlert(
        this.strings,
        this.stringsLanguage,
        Date.now(),
      );
      return this.sampleDismissed ? [] : [this.sample];
    }
    const dismissed = readDismissed();
    return (this.client?.alerts ?? []).filter(
      (alert) => !dismissed.has(alert.version),
    );
  }

  private announcementsFor(added: AlertView[]): string[] {
    return added
      .slice(0, MAX_ANNOUNCED)
      .map((alert) =>
        fillIn(this.strings.announce, { headline: alert.headline }),
      );
  }

  /**
   * Sets the stale-data notice: shown while the client's data is stale and
   * alerts are shown, unless a new client's first poll is still awaited.
   * Returns the notice when it is to be announced (the first time in a
   * stale period), else null. When the period ends, an announcement that
   * still contains the notice is cleared, so the live region says nothing
   * untrue.
   */
  private updateStaleNotice(): string | null {
    const shown =
      !this.preview &&
      this.dataStale &&
      !this.staleNoticeHeld &&
      this.displayed.length > 0;
    this.staleNotice = shown
      ? formatStaleNotice(
          this.strings,
          this.stringsLanguage,
          this.lastGoodFetch,
          Date.now(),
        )
      : "";
    if (!this.dataStale && this.announcedStaleNotice !== "") {
      if (this.announcement.includes(this.announcedStaleNotice)) {
        this.announcement = "";
      }
      this.announcedStaleNotice = "";
    }
    if (!shown || this.announcedStaleNotice !== "") return null;
    this.announcedStaleNotice = this.staleNotice;
    return this.staleNotice;
  }

  private onDismiss(event: CustomEvent<DismissDetail>): void {
    const { alert } = event.detail;
    if (this.preview) this.sampleDismissed = true;
    else addDismissed(alert.version);
    this.recompute();
  }

  private renderLayout() {
    if (this.displayed.length === 0) return nothing;
    const layout: Layout = (LAYOUTS as readonly string[]).includes(this.layout)
      ? (this.layout as Layout)
      : "banner";
    // The ticker shows one alert at a time, so it takes the whole list at once.
    const alerts =
      layout === "ticker"
        ? this.displayed
        : this.displayed.slice(0, this.renderLimit);
    const strings = this.strings;
    const label = this.label;
    const language = this.stringsLanguage;
    const theme = this.theme;
    const staleNotice = this.staleNotice;
    const onDismiss = (event: Event) =>
      this.onDismiss(event as CustomEvent<DismissDetail>);
    switch (layout) {
      case "card":
        return html`<child-alert-card
          data-layout
          exportparts=${EXPORTED_PARTS}
          .alerts=${alerts}
          .strings=${strings}
          .label=${label}
          .language=${language}
          .theme=${theme}
          .staleNotice=${staleNotice}
          @child-alert-dismiss=${onDismiss}
        ></child-alert-card>`;
      case "list":
        return html`<child-alert-list
          data-layout
          exportparts=${EXPORTED_PARTS}
          .alerts=${alerts}
          .strings=${strings}
          .label=${label}
          .language=${language}
          .theme=${theme}
          .staleNotice=${staleNotice}
          @child-alert-dismiss=${onDismiss}
        ></child-alert-list>`;
      case "ticker":
        return html`<child-alert-ticker
          data-layout
          exportparts=${EXPORTED_PARTS}
          .alerts=${alerts}
          .strings=${strings}
          .label=${label}
          .language=${language}
          .theme=${theme}
          .staleNotice=${staleNotice}
          @child-alert-dismiss=${onDismiss}
        ></child-alert-ticker>`;
      case "poster":
        return html`<child-alert-poster
          data-layout
          exportparts=${EXPORTED_PARTS}
          .alerts=${alerts}
          .strings=${strings}
          .label=${label}
          .language=${language}
          .theme=${theme}
          .staleNotice=${staleNotice}
          @child-alert-dismiss=${onDismiss}
        ></child-alert-poster>`;
      default: {
        const banner = html`<child-alert-banner
          data-layout
          exportparts=${EXPORTED_PARTS}
          .alerts=${alerts}
          .strings=${strings}
          .label=${label}
          .language=${language}
          .theme=${theme}
          .staleNotice=${staleNotice}
          @child-alert-dismiss=${onDismiss}
        ></child-alert-banner>`;
        return this.reserve
          ? banner
          : html`<div class="overlay">${banner}</div>`;
      }
    }
  }

  override updated(): void {
    if (
      this.renderLimit < this.displayed.length &&
      this.chunkTimer === undefined
    ) {
      this.chunkTimer = setTimeout(() => {
        this.chunkTimer = undefined;
        this.renderLimit = Math.min(
          this.displayed.length,
          this.renderLimit + RENDER_CHUNK,
        );
      }, 0);
    }
  }

  override render() {
    return html`<div
        class="live"
        aria-live="polite"
        lang=${this.stringsLanguage}
      >
        ${this.announcement}
      </div>
      ${this.renderLayout()}`;
  }
}

function sameVersions(
  a: readonly AlertView[],
  b: readonly AlertView[],
): boolean {
  return (
    a.length === b.length &&
    a.every((alert, index) => alert.version === b[index]!.version)
  );
}

/**
 * Runs `callback` when the browser is idle, or after IDLE_TIMEOUT_MS at the
 * latest. Where `requestIdleCallback` is missing (Safari), it waits for the
 * page's `load` event and then a task.
 */
function whenIdle(callback: () => void): { cancel(): void } {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return { cancel: () => cancelIdleCallback(handle) };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer = setTimeout(callback, 1);
  };
  if (document.readyState === "complete") schedule();
  else window.addEventListener("load", schedule, { once: true });
  return {
    cancel: () => {
      window.removeEventListener("load", schedule);
      clearTimeout(timer);
    },
  };
}
