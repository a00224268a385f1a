import { html, nothing } from "lit";

/**
 * Renders the stale-data notice (part `stale-notice`), or nothing when
 * `text` is empty. It is no live region: the element that sets the text
 * announces it, once per stale period, so a re-render never repeats it.
 */
export function renderStaleNotice(text: string) {
  if (text === "") return nothing;
  return html`<p part="stale-notice" class="stale-notice">${text}</p>`;
}
