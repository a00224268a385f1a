import { css, html, nothing } from "lit";
import type { AlertView } from "../../shared/view/alert-view.js";
import { isSampleAlert } from "../preview/sample-alert.js";
import { renderActions } from "../render/alert-actions.js";
import {
  kindName,
  renderDescription,
  renderHeadline,
  renderLabels,
  renderMeta,
  renderPhoto,
} from "../render/alert-parts.js";
import { icon } from "../render/icons.js";
import { renderStaleNotice } from "../render/stale-notice.js";
import { AlertLayoutElement } from "./alert-layout-element.js";

/**
 * Banner layout: a strip with one row per alert, meant for the top of a
 * page. Its toggle collapses it to a thin bar that names the first alert,
 * and reopens it. The banner does not position itself: `<child-alert>`
 * makes it an overlay unless the site reserves space for it.
 *
 * @tagname child-alert-banner
 */
export class AlertBannerLayout extends AlertLayoutElement {
  static override properties = {
    ...AlertLayoutElement.properties,
    collapsed: { type: Boolean, reflect: true },
  };

  /** Whether the banner is collapsed to its thin bar. */
  collapsed = false;

  static override styles = [
    ...AlertLayoutElement.styles,
    css`
      .banner {
        padding: 8px var(--_space);
        border-bottom: 4px solid var(--_accent);
        box-shadow: var(--_shadow);
      }
      .head {
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 32px;
      }
      .title {
        flex: 1;
        min-width: 0;
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .strip {
        margin-top: 4px;
        max-height: var(--child-alert-banner-max-height, 50vh);
        overflow-y: auto;
      }
      .row {
        display: flex;
        gap: var(--_space);
        padding: 4px 0;
        /* The browser skips the layout of rows scrolled out of the strip. */
        content-visibility: auto;
        contain-intrinsic-size: auto 80px;
      }
      .row + .row {
        border-top: 1px solid var(--_border);
        padding-top: 8px;
      }
      .row.sample {
        outline-offset: 2px;
      }
      .photo.thumb {
        --_photo-size: 64px;
      }
      .text {
        flex: 1;
        min-width: 0;
      }
      .headline {
        font-size: 1.0625em;
      }
      .description {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        line-clamp: 2;
        overflow: hidden;
        white-space: normal;
      }
      .actions {
        margin-top: 4px;
      }
      .bar {
        flex: 1;
        min-width: 0;
        display: flex;
        align-items: center;
        gap: 8px;
        min-height: 32px;
      }
      /* The banner's own background is behind the notice: no inset needed. */
      .stale-notice {
        padding-inline: 0;
      }
      .bar-text {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        font-weight: 700;
      }
    `,
  ];

  private toggleCollapsed(): void {
    this.collapsed = !this.collapsed;
  }

  protected renderRow(alert: AlertView, index: number) {
    const context = this.context;
    const headlineId = `headline-${index}`;
    return html`<article
      class="row ${isSampleAlert(alert) ? "sample" : ""}"
      aria-labelledby=${headlineId}
    >
      ${renderPhoto(alert, "photo thumb")}
      <div class="text">
        ${renderLabels(alert, context)} ${renderHeadline(alert, headlineId)}
        ${renderMeta(alert, context)} ${renderDescription(alert)}
        ${renderActions(alert, context)}
      </div>
    </article>`;
  }

  protected renderBar() {
    const first = this.alerts[0];
    if (first === undefined) return nothing;
    const more = this.alerts.length > 1 ? ` (+${this.alerts.length - 1})` : "";
    return html`<div class="bar" part="bar">
      <span part="label" class="label">${kindName(first, this.context)}</span>
      <span class="bar-text"
        ><span lang=${first.language}>${first.headline}</span>${more}</span
      >
    </div>`;
  }

  override render() {
    const count = this.alerts.length > 1 ? ` (${this.alerts.length})` : "";
    return html`<section
      part="banner"
      class="banner frame"
      aria-label=${this.regionName}
      lang=${this.language}
      dir=${this.frameDirection}
    >
      <div class="head">
        ${
          this.collapsed
            ? this.renderBar()
            : html`<span class="title">${this.regionName}${count}</span>`
        }
        <button
          part="toggle"
          class="action toggle"
          type="button"
          aria-expanded=${this.collapsed ? "false" : "true"}
          @click=${this.toggleCollapsed}
        >
          ${icon(this.collapsed ? "expand" : "collapse")}${
            this.collapsed ? this.strings.show : this.strings.hide
          }
        </button>
      </div>
      ${
        this.collapsed
          ? nothing
          : html`<div class="strip" part="strip">
              ${this.renderEach((alert, index) => this.renderRow(alert, index))}
            </div>`
      }
      ${renderStaleNotice(this.staleNotice)}
    </section>`;
  }
}
