import { css, html, nothing } from "lit";
import type { AlertView } from "../../shared/view/alert-view.js";
import { isSampleAlert } from "../preview/sample-alert.js";
import { renderActions } from "../render/alert-actions.js";
import {
  renderDescription,
  renderFacts,
  renderHeadline,
  renderLabels,
  renderMeta,
  renderPhoto,
} from "../render/alert-parts.js";
import { icon } from "../render/icons.js";
import { renderStaleNotice } from "../render/stale-notice.js";
import { AlertLayoutElement } from "./alert-layout-element.js";

/**
 * List layout: one compact row per alert (photo, headline, area and time)
 * whose Details button opens the description, the facts and the actions.
 *
 * @tagname child-alert-list
 */
export class AlertListLayout extends AlertLayoutElement {
  static override properties = {
    ...AlertLayoutElement.properties,
    expanded: { state: true, attribute: false },
  };

  /** Versions of the rows that are open. */
  private expanded = new Set<string>();

  static override styles = [
    ...AlertLayoutElement.styles,
    css`
      .list {
        margin: 0;
        padding: 0;
        list-style: none;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        overflow: hidden;
      }
      /* The browser skips the layout of rows out of view. */
      .item {
        content-visibility: auto;
        contain-intrinsic-size: auto 80px;
      }
      .item + .item {
        border-top: 1px solid var(--_border);
      }
      .item.sample {
        outline-offset: -4px;
      }
      .row {
        display: flex;
        gap: var(--_space);
        align-items: flex-start;
        padding: var(--_space);
      }
      .photo.thumb {
        --_photo-size: 56px;
      }
      .summary {
        flex: 1;
        min-width: 0;
      }
      .headline {
        font-size: 1em;
      }
      .details {
        padding: 0 var(--_space) var(--_space);
      }
      .toggle svg {
        transition: transform 0.15s;
      }
    `,
  ];

  private toggle(alert: AlertView): void {
    const expanded = new Set(this.expanded);
    if (expanded.has(alert.version)) expanded.delete(alert.version);
    else expanded.add(alert.version);
    this.expanded = expanded;
  }

  protected renderItem(alert: AlertView, index: number) {
    const context = this.context;
    const open = this.expanded.has(alert.version);
    const headlineId = `headline-${index}`;
    const detailsId = `details-${index}`;
    return html`<li
      part="item"
      class="item frame ${isSampleAlert(alert) ? "sample" : ""}"
    >
      <div class="row">
        ${renderPhoto(alert, "photo thumb")}
        <div class="summary">
          ${renderLabels(alert, context)} ${renderHeadline(alert, headlineId)}
          ${renderMeta(alert, context)}
        </div>
        <button
          part="toggle"
          class="action toggle"
          type="button"
          aria-expanded=${open ? "true" : "false"}
          aria-controls=${detailsId}
          aria-describedby=${headlineId}
          @click=${() => this.toggle(alert)}
        >
          ${this.strings.details}${icon(open ? "collapse" : "expand")}
        </button>
      </div>
      <div class="details" id=${detailsId} ?hidden=${!open}>
        ${
          open
            ? html`${renderDescription(alert)} ${renderFacts(alert, context)}
              ${renderActions(alert, context)}`
            : nothing
        }
      </div>
    </li>`;
  }

  override render() {
    return html`<section
      aria-label=${this.regionName}
      lang=${this.language}
      dir=${this.frameDirection}
    >
      <ul part="list" class="list">
        ${this.renderEach(
          (alert, index) => this.renderItem(alert, index),
          (alert) => this.expanded.has(alert.version),
        )}
      </ul>
      ${renderStaleNotice(this.staleNotice)}
    </section>`;
  }
}
