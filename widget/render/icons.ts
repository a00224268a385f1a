import { svg } from "lit";

/** Small inline icons; each is decorative, so the control around it carries the name. */
export const ICONS = {
  close: svg`<path d="M4.3 3 8 6.7 11.7 3 13 4.3 9.3 8l3.7 3.7-1.3 1.3L8 9.3 4.3 13 3 11.7 6.7 8 3 4.3z"/>`,
  pause: svg`<path d="M4 3h3v10H4zM9 3h3v10H9z"/>`,
  play: svg`<path d="M4 2.5v11L13 8z"/>`,
  previous: svg`<path d="M10.6 2 12 3.4 7.4 8l4.6 4.6-1.4 1.4-6-6z"/>`,
  next: svg`<path d="M5.4 2 4 3.4 8.6 8 4 12.6 5.4 14l6-6z"/>`,
  expand: svg`<path d="M2 5.4 3.4 4 8 8.6 12.6 4 14 5.4l-6 6z"/>`,
  collapse: svg`<path d="M2 10.6 3.4 12 8 7.4l4.6 4.6 1.4-1.4-6-6z"/>`,
  phone: svg`<path d="M4.4 1.5 6.5 4 5.3 5.6a8.8 8.8 0 0 0 5.1 5.1L12 9.5l2.5 2.1-1 2.4c-6.3.4-11.9-5.2-11.5-11.5z"/>`,
} as const;

/** Renders an icon as an inline SVG hidden from assistive technology. */
export function icon(name: keyof typeof ICONS) {
  return svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
}
