/**
 * Inserts the partner banner: a `<child-alert layout="banner">` as the
 * first child of `<body>`, sticky at the top of the viewport and above the
 * site's own header in the page's flow.
 *
 * The banner sits in the flow (the widget's `reserve` mode), so it pushes
 * the site's header down instead of covering it. To keep that from shifting
 * the page on every navigation while an alert is active, the banner's last
 * height is kept in `localStorage` and reserved at once on the next page.
 * Nothing but that number is stored.
 */
import type { ChildAlertChangeDetail } from "../child-alert.js";

/** Id of the inserted element, for the site's own CSS and scripts. */
export const BANNER_ID = "child-alert-partner-banner";

const HEIGHT_KEY = "child-alert:partner-banner-height";

/**
 * How long the remembered height is kept reserved when the widget reports
 * no change: 5 s. With no alert now and none before, the widget fires no
 * change event, so the reservation ends by this timer.
 */
const RESERVATION_TIMEOUT_MS = 5000;

export function insertBanner(attributes: Record<string, string>): HTMLElement {
  const existing = document.getElementById(BANNER_ID);
  if (existing !== null) return existing;

  const banner = document.createElement("child-alert");
  banner.id = BANNER_ID;
  for (const [name, value] of Object.entries(attributes)) {
    banner.setAttribute(name, value);
  }
  banner.setAttribute("layout", "banner");
  banner.setAttribute("reserve", "");
  // The banner is the first thing on every page: it loads at once instead
  // of waiting for an idle moment.
  banner.setAttribute("eager", "");
  banner.style.position = "sticky";
  banner.style.top = "0";
  banner.style.zIndex = "2147483000";
  banner.style.display = "block";
  banner.style.setProperty(
    "--child-alert-reserve-height",
    `${readRememberedHeight()}px`,
  );

  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    banner.style.setProperty("--child-alert-reserve-height", "0px");
    if (alertCount(banner) === 0) rememberHeight(0);
  };
  banner.addEventListener("child-alert-change", (event) => {
    const { alerts } = (event as CustomEvent<ChildAlertChangeDetail>).detail;
    if (alerts.length === 0) rememberHeight(0);
    settle();
  });
  setTimeout(settle, RESERVATION_TIMEOUT_MS);
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => {
      if (settled && alertCount(banner) > 0) {
        rememberHeight(banner.getBoundingClientRect().height);
      }
    }).observe(banner);
  }

  document.body.prepend(banner);
  return banner;
}

function alertCount(banner: HTMLElement): number {
  return (banner as HTMLElement & { alerts?: unknown[] }).alerts?.length ?? 0;
}

function readRememberedHeight(): number {
  try {
    const height = Number(localStorage.getItem(HEIGHT_KEY));
    // A height beyond the banner's maximum is not one it rendered.
    return Number.isFinite(height) && height > 0 && height < 2000 ? height : 0;
  } catch {
    // Storage blocked: reserve nothing.
    return 0;
  }
}

function rememberHeight(height: number): void {
  try {
    localStorage.setItem(HEIGHT_KEY, String(Math.round(height)));
  } catch {
    // Storage blocked or full: the next page reserves nothing.
  }
}
