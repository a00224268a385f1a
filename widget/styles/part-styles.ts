import { css } from "lit";

/** Styles of the pieces every layout shares: labels, photo, text, facts and actions. */
export const partStyles = css`
  .frame {
    background: var(--_background);
    color: var(--_color);
  }
  .label {
    display: inline-block;
    padding: 2px 8px;
    border-radius: 4px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: 0.8125em;
    font-weight: 700;
    letter-spacing: 0.02em;
    text-transform: uppercase;
    white-space: nowrap;
  }
  .label {
    margin-block: 2px;
    margin-inline-end: 4px;
  }
  .sample {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }
  .photo {
    display: block;
    flex: none;
    width: var(--_photo-size);
    height: calc(var(--_photo-size) * 1.25);
    object-fit: cover;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_button-background);
  }
  .headline {
    margin: 4px 0;
    font-size: 1.125em;
    font-weight: 700;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .description,
  .meta,
  .facts {
    margin: 4px 0;
    overflow-wrap: anywhere;
  }
  .description {
    white-space: pre-line;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 2px 12px;
  }
  .facts dt {
    font-weight: 700;
  }
  .facts dd {
    margin: 0;
    white-space: pre-line;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-top: 8px;
  }
  a {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .action {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 32px;
    min-width: 32px;
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_button-background);
    color: var(--_color);
    font: inherit;
    font-size: 0.9375em;
    line-height: 1.2;
    text-decoration: none;
    cursor: pointer;
  }
  .action.call {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  .action:hover {
    border-color: var(--_color);
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .stale-notice {
    margin: 4px 0 0;
    padding: 2px 8px;
    border-radius: calc(var(--_radius) / 2);
    background: var(--_background);
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .status {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  svg {
    width: 16px;
    height: 16px;
    fill: currentColor;
    flex: none;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
