import { css } from "lit";

/**
 * Resets and theme tokens shared by every layout. `all: initial` on the host
 * stops inherited page styles (font, colour, letter spacing, text
 * transform) from reaching the widget; custom properties are not reset by
 * `all`, so the `--child-alert-*` properties still come through. Sizes are
 * in px or in em of the host's px font size, never rem, so a page's root
 * font size does not scale the widget.
 */
export const themeStyles = css`
  :host {
    all: initial;
    display: block;
    --_background: var(--child-alert-background, #ffffff);
    --_color: var(--child-alert-color, #1b1b1f);
    --_muted: var(--child-alert-muted-color, #44474f);
    --_accent: var(--child-alert-accent, #b3261e);
    --_on-accent: var(--child-alert-on-accent, #ffffff);
    --_link: var(--child-alert-link-color, #0b57d0);
    --_border: var(--child-alert-border-color, #767983);
    --_focus: var(--child-alert-focus-color, #0b57d0);
    --_button-background: var(--child-alert-button-background, #eef0f6);
    --_shadow: var(--child-alert-shadow, 0 2px 12px rgb(0 0 0 / 0.2));
    --_radius: var(--child-alert-radius, 8px);
    --_space: var(--child-alert-spacing, 12px);
    --_photo-size: var(--child-alert-photo-size, 96px);
    font-family: var(
      --child-alert-font-family,
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      sans-serif
    );
    font-size: var(--child-alert-font-size, 16px);
    line-height: 1.45;
    color: var(--_color);
    text-align: start;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme="light"])) {
      --_background: var(--child-alert-background, #1f1f23);
      --_color: var(--child-alert-color, #e6e6eb);
      --_muted: var(--child-alert-muted-color, #c5c6d0);
      --_accent: var(--child-alert-accent, #ffb4ab);
      --_on-accent: var(--child-alert-on-accent, #561e19);
      --_link: var(--child-alert-link-color, #a8c7fa);
      --_border: var(--child-alert-border-color, #8e9099);
      --_focus: var(--child-alert-focus-color, #a8c7fa);
      --_button-background: var(--child-alert-button-background, #303136);
      --_shadow: var(--child-alert-shadow, 0 2px 12px rgb(0 0 0 / 0.6));
    }
  }
  :host([theme="dark"]) {
    --_background: var(--child-alert-background, #1f1f23);
    --_color: var(--child-alert-color, #e6e6eb);
    --_muted: var(--child-alert-muted-color, #c5c6d0);
    --_accent: var(--child-alert-accent, #ffb4ab);
    --_on-accent: var(--child-alert-on-accent, #561e19);
    --_link: var(--child-alert-link-color, #a8c7fa);
    --_border: var(--child-alert-border-color, #8e9099);
    --_focus: var(--child-alert-focus-color, #a8c7fa);
    --_button-background: var(--child-alert-button-background, #303136);
    --_shadow: var(--child-alert-shadow, 0 2px 12px rgb(0 0 0 / 0.6));
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;
