import { html, nothing } from "lit";
import type { AlertView } from "../../shared/view/alert-view.js";
import { fillIn } from "../i18n/ui-strings.js";
import { findPhoneLink, safeLinkUrl } from "../safety/safe-url.js";
import { icon } from "./icons.js";
import type { RenderContext } from "./render-context.js";

/** Actions a layout shows. Each one is shown unless set to false. */
export interface ActionOptions {
  call?: boolean;
  web?: boolean;
  share?: boolean;
  dismiss?: boolean;
}

/**
 * Renders the alert's actions: call (a `tel:` link built from a phone number in
 * the contact text), the authority's page, share (only when there is a
 * page to share) and dismiss.
 */
export function renderActions(
  alert: AlertView,
  context: RenderContext,
  options: ActionOptions = {},
) {
  const { strings } = context;
  const phone =
    options.call === false ? undefined : findPhoneLink(alert.contact);
  const web = options.web === false ? undefined : safeLinkUrl(alert.web);
  const canShare =
    options.share !== false && safeLinkUrl(alert.web) !== undefined;
  const status =
    context.copyStatus?.version === alert.version
      ? context.copyStatus.text
      : "";
  return html`<div part="actions" class="actions">
    ${
      phone
        ? html`<a part="call-link" class="action call" href=${phone.href}
            >${icon("phone")}${fillIn(strings.call, { number: phone.text })}</a
          >`
        : nothing
    }
    ${
      web
        ? html`<a
            part="web-link"
            class="action"
            href=${web}
            target="_blank"
            rel="noopener noreferrer"
            >${strings.web}</a
          >`
        : nothing
    }
    ${
      canShare
        ? html`<button
            part="share-button"
            class="action"
            type="button"
            @click=${() => context.share(alert)}
          >
            ${strings.share}
          </button>`
        : nothing
    }
    ${
      options.dismiss === false
        ? nothing
        : html`<button
            part="dismiss-button"
            class="action"
            type="button"
            aria-label=${`${strings.dismiss}: ${alert.headline}`}
            @click=${() => context.dismiss(alert)}
          >
            ${icon("close")}${strings.dismiss}
          </button>`
    }
    <span part="status" class="status" role="status">${status}</span>
  </div>`;
}
