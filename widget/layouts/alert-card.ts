import { css, html } from "lit";
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
import { renderStaleNotice } from "../render/stale-notice.js";
import { AlertLayoutElement } from "./alert-layout-element.js";

/**
 * Card layout: one self-contained card per alert, photo beside the text,
 * for a sidebar or the body of a page.
 *
 * @tagname child-alert-card
 */
export class AlertCardLayout extends AlertLayoutElement {
  static override styles = [
    ...AlertLayoutElement.styles,
    css`
      .cards {
        display: grid;
        gap: var(--_space);
      }
      .card {
        display: flex;
        gap: var(--_space);
        padding: var(--_space);
        border: 1px solid var(--_border);
        border-inline-start: 6px solid var(--_accent);
        border-radius: var(--_radius);
        background: var(--_background);
        box-shadow: var(--_shadow);
        /* The browser skips the layout of cards out of view, so a long
           feed's cards do not lay out all together in one task. */
        content-visibility: auto;
        contain-intrinsic-size: auto 160px;
      }
      .body {
        min-width: 0;
        flex: 1;
      }
      @container (max-width: 360px) {
        .card {
          flex-direction: column;
        }
      }
      .cards {
        container-type: inline-size;
      }
    `,
  ];

  protected renderCard(alert: AlertView, index: number) {
    const context = this.context;
    const headlineId = `headline-${index}`;
    return html`<article
      part="card"
      class="card frame ${isSampleAlert(alert) ? "sample" : ""}"
      aria-labelledby=${headlineId}
    >
      ${renderPhoto(alert)}
      <div class="body">
        ${renderLabels(alert, context)} ${renderHeadline(alert, headlineId)}
        ${renderMeta(alert, context)} ${renderDescription(alert)}
        ${renderFacts(alert, context)} ${renderActions(alert, context)}
      </div>
    </article>`;
  }

  override render() {
    return html`<section
      class="cards"
      aria-label=${this.regionName}
      lang=${this.language}
      dir=${this.frameDirection}
    >
      ${this.renderEach((alert, index) => this.renderCard(alert, index))}
      ${renderStaleNotice(this.staleNotice)}
    </section>`;
  }
}
