import { css, html } from "lit";
import type { AlertView } from "../../shared/view/alert-view.js";
import { isSampleAlert } from "../preview/sample-alert.js";
import { renderActions } from "../render/alert-actions.js";
import {
  kindName,
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
 * Poster layout: a full missing-child poster per alert, large photo and
 * large type, for a site's 404 page.
 *
 * @tagname child-alert-poster
 */
export class AlertPosterLayout extends AlertLayoutElement {
  static override styles = [
    ...AlertLayoutElement.styles,
    css`
      .posters {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      .poster {
        max-width: 720px;
        margin: 0 auto;
        padding: calc(var(--_space) * 2);
        border: 3px solid var(--_accent);
        border-radius: var(--_radius);
        background: var(--_background);
        text-align: center;
      }
      .title {
        margin: 0 0 var(--_space);
        font-size: 2em;
        font-weight: 800;
        line-height: 1.1;
        text-transform: uppercase;
        color: var(--_color);
        overflow-wrap: anywhere;
      }
      .photo.large {
        width: min(100%, 320px);
        height: auto;
        aspect-ratio: 4 / 5;
        margin: 0 auto var(--_space);
      }
      .headline {
        font-size: 1.5em;
      }
      .facts {
        max-width: 560px;
        margin: var(--_space) auto;
        text-align: start;
      }
      .actions {
        justify-content: center;
      }
    `,
  ];

  protected renderPoster(alert: AlertView, index: number) {
    const context = this.context;
    const headlineId = `headline-${index}`;
    return html`<article
      part="poster"
      class="poster frame ${isSampleAlert(alert) ? "sample" : ""}"
      aria-labelledby=${headlineId}
    >
      <p class="title" part="title" aria-hidden="true">
        ${kindName(alert, context)}
      </p>
      <div>${renderLabels(alert, context, false)}</div>
      ${renderPhoto(alert, "photo large")} ${renderHeadline(alert, headlineId)}
      ${renderMeta(alert, context)} ${renderDescription(alert)}
      ${renderFacts(alert, context)} ${renderActions(alert, context)}
    </article>`;
  }

  override render() {
    return html`<section
      class="posters"
      aria-label=${this.regionName}
      lang=${this.language}
      dir=${this.frameDirection}
    >
      ${this.renderEach((alert, index) => this.renderPoster(alert, index))}
      ${renderStaleNotice(this.staleNotice)}
    </section>`;
  }
}
