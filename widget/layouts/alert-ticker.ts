import { css, html, nothing, type PropertyValues } from "lit";
import { isSampleAlert } from "../preview/sample-alert.js";
import { renderLabels, timeText } from "../render/alert-parts.js";
import { icon } from "../render/icons.js";
import { renderStaleNotice } from "../render/stale-notice.js";
import { textDirection } from "../i18n/text-direction.js";
import { safeLinkUrl } from "../safety/safe-url.js";
import { AlertLayoutElement } from "./alert-layout-element.js";

const REDUCED_MOTION = "(prefers-reduced-motion: reduce)";

/**
 * Ticker layout: one line that steps through the alerts. It stops stepping
 * while the reader hovers over it or focuses inside it, when they press
 * Pause, and always under `prefers-reduced-motion: reduce`; Previous and
 * Next step by hand. The line is not a live region, so stepping is not
 * announced.
 *
 * @tagname child-alert-ticker
 */
export class AlertTickerLayout extends AlertLayoutElement {
  static override properties = {
    ...AlertLayoutElement.properties,
    stepMs: { type: Number, attribute: "step-ms" },
    index: { state: true, attribute: false },
    paused: { state: true, attribute: false },
    engaged: { state: true, attribute: false },
    reducedMotion: { state: true, attribute: false },
  };

  /** Milliseconds each alert stays on the line before the next one. */
  stepMs = 8000;
  /** Position of the alert on the line. */
  index = 0;
  /** Whether the reader pressed Pause. */
  paused = false;
  /** Whether the pointer is over the ticker or focus is inside it. */
  private engaged = false;
  private reducedMotion = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private motionQuery: MediaQueryList | undefined;
  private hovered = false;
  private focused = false;

  static override styles = [
    ...AlertLayoutElement.styles,
    css`
      .ticker {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        min-height: 44px;
        padding: 4px 8px;
        border: 1px solid var(--_border);
        border-inline-start: 6px solid var(--_accent);
        border-radius: var(--_radius);
      }
      .line {
        flex: 1 1 14em;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .headline {
        margin: 0;
        font-size: 1em;
        font-weight: 700;
      }
      :host {
        container-type: inline-size;
      }
      /* On a narrow line the headline wraps instead of vanishing behind the label. */
      @container (max-width: 480px) {
        .line {
          display: -webkit-box;
          -webkit-box-orient: vertical;
          -webkit-line-clamp: 3;
          line-clamp: 3;
          white-space: normal;
        }
      }
      .meta {
        color: var(--_muted);
      }
      .count {
        color: var(--_muted);
        font-size: 0.875em;
        font-variant-numeric: tabular-nums;
      }
      .controls {
        margin-inline-start: auto;
        display: flex;
        gap: 4px;
        flex: none;
      }
      .action {
        padding: 4px;
      }
      .ticker.sample {
        outline-offset: 2px;
      }
      /* The notice takes a line of its own below the ticker line. */
      .stale-notice {
        flex: 1 0 100%;
        margin: 0;
        padding: 0;
      }
    `,
  ];

  private readonly onMotionChange = (event: MediaQueryListEvent) => {
    this.reducedMotion = event.matches;
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.motionQuery = window.matchMedia(REDUCED_MOTION);
    this.reducedMotion = this.motionQuery.matches;
    this.motionQuery.addEventListener("change", this.onMotionChange);
    this.addEventListener("pointerenter", this.onPointerEnter);
    this.addEventListener("pointerleave", this.onPointerLeave);
    this.addEventListener("focusin", this.onFocusIn);
    this.addEventListener("focusout", this.onFocusOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.motionQuery?.removeEventListener("change", this.onMotionChange);
    this.removeEventListener("pointerenter", this.onPointerEnter);
    this.removeEventListener("pointerleave", this.onPointerLeave);
    this.removeEventListener("focusin", this.onFocusIn);
    this.removeEventListener("focusout", this.onFocusOut);
    this.stopTimer();
  }

  private readonly onPointerEnter = () => {
    this.hovered = true;
    this.engaged = true;
  };
  private readonly onPointerLeave = () => {
    this.hovered = false;
    this.engaged = this.focused;
  };
  private readonly onFocusIn = () => {
    this.focused = true;
    this.engaged = true;
  };
  private readonly onFocusOut = (event: FocusEvent) => {
    if (
      event.relatedTarget instanceof Node &&
      this.contains(event.relatedTarget)
    )
      return;
    if (
      event.relatedTarget instanceof Node &&
      this.shadowRoot?.contains(event.relatedTarget)
    )
      return;
    this.focused = false;
    this.engaged = this.hovered;
  };

  /** Whether the ticker steps on its own now. */
  get stepping(): boolean {
    return (
      this.alerts.length > 1 &&
      !this.paused &&
      !this.engaged &&
      !this.reducedMotion
    );
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.index >= this.alerts.length && this.alerts.length > 0) {
      this.index = 0;
    }
    if (this.stepping && this.timer === undefined) {
      this.timer = setInterval(() => this.step(1), this.stepMs);
    } else if (!this.stepping) {
      this.stopTimer();
    }
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Moves `delta` alerts forward (negative: back), wrapping around. */
  step(delta: number): void {
    const count = this.alerts.length;
    if (count === 0) return;
    this.index = (((this.index + delta) % count) + count) % count;
  }

  private togglePaused(): void {
    this.paused = !this.paused;
  }

  override render() {
    const alert = this.alerts[Math.min(this.index, this.alerts.length - 1)];
    if (alert === undefined) return nothing;
    const context = this.context;
    const { strings } = this;
    const web = safeLinkUrl(alert.web);
    const direction = textDirection(alert.language);
    const headline = web
      ? html`<a
          part="headline web-link"
          class="headline"
          href=${web}
          target="_blank"
          rel="noopener noreferrer"
          lang=${alert.language}
          dir=${direction}
          >${alert.headline}</a
        >`
      : html`<span
          part="headline"
          class="headline"
          lang=${alert.language}
          dir=${direction}
          >${alert.headline}</span
        >`;
    const several = this.alerts.length > 1;
    return html`<section
      part="ticker"
      class="ticker frame ${isSampleAlert(alert) ? "sample" : ""}"
      aria-label=${this.regionName}
      lang=${this.language}
      dir=${this.frameDirection}
    >
      <span class="line">
        ${renderLabels(alert, context)} ${headline}
        <span class="meta" part="meta">
          ·
          <span lang=${alert.language} dir=${direction}>${alert.areaDesc}</span>
          · ${timeText(alert, context)}</span
        >
      </span>
      ${
        several
          ? html`<span class="count"
              >${this.index + 1}/${this.alerts.length}</span
            >`
          : nothing
      }
      <span class="controls">
        ${
          several
            ? html`<button
                  part="previous-button"
                  class="action"
                  type="button"
                  aria-label=${strings.previous}
                  title=${strings.previous}
                  @click=${() => this.step(-1)}
                >
                  ${icon("previous")}
                </button>
                ${
                  this.reducedMotion
                    ? nothing
                    : html`<button
                        part="pause-button"
                        class="action"
                        type="button"
                        aria-label=${strings.pause}
                        aria-pressed=${this.paused ? "true" : "false"}
                        title=${strings.pause}
                        @click=${this.togglePaused}
                      >
                        ${icon(this.paused ? "play" : "pause")}
                      </button>`
                }
                <button
                  part="next-button"
                  class="action"
                  type="button"
                  aria-label=${strings.next}
                  title=${strings.next}
                  @click=${() => this.step(1)}
                >
                  ${icon("next")}
                </button>`
            : nothing
        }
        <button
          part="dismiss-button"
          class="action"
          type="button"
          aria-label=${`${strings.dismiss}: ${alert.headline}`}
          title=${strings.dismiss}
          @click=${() => this.dismiss(alert)}
        >
          ${icon("close")}
        </button>
      </span>
      ${renderStaleNotice(this.staleNotice)}
    </section>`;
  }
}
