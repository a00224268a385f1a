import { LitElement } from "lit";
import { guard } from "lit/directives/guard.js";
import type { AlertView } from "../../shared/view/alert-view.js";
import { textDirection } from "../i18n/text-direction.js";
import { EN, type UiStrings } from "../i18n/ui-strings.js";
import { safeLinkUrl } from "../safety/safe-url.js";
import type { RenderContext } from "../render/render-context.js";
import { partStyles } from "../styles/part-styles.js";
import { themeStyles } from "../styles/theme-styles.js";

/** Detail of the `child-alert-dismiss` event a layout fires. */
export interface DismissDetail {
  alert: AlertView;
}

/** How long the share confirmation stays, in milliseconds. */
const COPY_STATUS_MS = 6000;

/**
 * Base class of the presentational layouts. A layout renders the
 * `AlertView`s it is given and nothing else: it fetches nothing, stores
 * nothing and depends on no client, so the browser extension's popup reuses it.
 *
 * Dismissing fires `child-alert-dismiss` (bubbles, not composed) on the
 * layout; whoever owns the layout decides what dismissal means.
 */
export class AlertLayoutElement extends LitElement {
  static override styles = [themeStyles, partStyles];

  static override properties = {
    alerts: { attribute: false },
    strings: { attribute: false },
    language: {},
    label: {},
    timeZone: { attribute: "time-zone" },
    theme: { reflect: true },
    staleNotice: { attribute: false },
    copyStatus: { state: true, attribute: false },
  };

  /** The alerts to show, in order. */
  alerts: AlertView[] = [];
  /** Interface strings, in `language`. */
  strings: UiStrings = EN;
  /** Language of `strings`; dates are formatted in its locale. */
  language = "en";
  /**
   * Name of the layout's region in place of `strings.alerts`, or "" for
   * that. Removing the attribute makes it null.
   */
  label: string | null = "";
  /** IANA time zone for dates; unset means the reader's own. */
  timeZone: string | undefined = undefined;
  /** "light", "dark" or "auto" (follow `prefers-color-scheme`). */
  theme = "auto";
  /**
   * The stale-data notice to show below the alerts (see
   * `formatStaleNotice`), or "" for none. The layout shows it but does not
   * announce it.
   */
  staleNotice = "";
  /** The share confirmation, or the link itself when copying failed. */
  protected copyStatus: { version: string; text: string } | null = null;
  private copyStatusTimer: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.copyStatusTimer);
  }

  /** Name of the layout's region: `label`, else the interface string. */
  protected get regionName(): string {
    return this.label?.trim() || this.strings.alerts;
  }

  /** Direction of the interface language, for the layout's frame. */
  protected get frameDirection(): "ltr" | "rtl" {
    return textDirection(this.language);
  }

  protected get context(): RenderContext {
    return {
      strings: this.strings,
      language: this.language,
      timeZone: this.timeZone,
      copyStatus: this.copyStatus,
      share: (alert) => void this.share(alert),
      dismiss: (alert) => this.dismiss(alert),
    };
  }

  /**
   * Shares the authority's page about an alert: the Web Share API where the
   * browser has it, else the link is copied to the clipboard and a
   * confirmation is shown beside the button.
   */
  async share(alert: AlertView): Promise<void> {
    const url = safeLinkUrl(alert.web);
    if (url === undefined) return;
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({
          title: alert.headline,
          text: alert.headline,
          url,
        });
        return;
      } catch (error) {
        // The reader closing the share sheet is not a failure to report.
        if (error instanceof DOMException && error.name === "AbortError")
          return;
      }
    }
    let copied = true;
    try {
      await navigator.clipboard.writeText(url);
    } catch (error) {
      // Clipboard access can be denied (permissions, an unfocused page);
      // the link is then shown for the reader to copy by hand.
      console.warn(
        `child-alert: copying ${url} to the clipboard failed: ${String(error)}`,
      );
      copied = false;
    }
    this.copyStatus = {
      version: alert.version,
      text: copied ? this.strings.copied : url,
    };
    clearTimeout(this.copyStatusTimer);
    this.copyStatusTimer = setTimeout(() => {
      this.copyStatus = null;
    }, COPY_STATUS_MS);
  }

  /**
   * Renders each of `alerts` with `renderOne`. An alert is rendered again
   * only when it, its position, the strings, the language, the time zone,
   * the share confirmation or its `state` changed. Otherwise a list growing
   * by a chunk would render every earlier alert again.
   */
  protected renderEach(
    renderOne: (alert: AlertView, index: number) => unknown,
    state: (alert: AlertView) => unknown = () => undefined,
  ): unknown[] {
    return this.alerts.map((alert, index) =>
      guard(
        [
          alert,
          index,
          this.strings,
          this.language,
          this.timeZone,
          this.copyStatus,
          state(alert),
        ],
        () => renderOne(alert, index),
      ),
    );
  }

  /** Fires `child-alert-dismiss` for an alert. */
  dismiss(alert: AlertView): void {
    this.dispatchEvent(
      new CustomEvent<DismissDetail>("child-alert-dismiss", {
        detail: { alert },
        bubbles: true,
      }),
    );
  }
}
