/**
 * The partner banner's settings, read from the data attributes of the one
 * script tag that loads partner.js:
 *
 * ```html
 * <script src="/child-alert/partner.js" data-feed="https://…/index.json"
 *   data-region="NUTS3:EL303" data-lang="el" data-sw="/child-alert-sw.js" async></script>
 * ```
 */

/** `<child-alert>` attributes that the script tag may set, by data attribute name. */
export const WIDGET_ATTRIBUTES = {
  feed: "feed",
  lat: "lat",
  lon: "lon",
  radius: "radius",
  region: "region",
  lang: "lang",
  events: "events",
  max: "max",
  theme: "theme",
  includeTest: "include-test",
  interval: "interval",
} as const;

export interface PartnerConfig {
  /** Attributes for the `<child-alert>` element, by attribute name. */
  widgetAttributes: Record<string, string>;
  /** Absolute URLs of the feeds, for the service worker. */
  feeds: string[];
  /** Absolute URL of the service worker script, or undefined to run without one. */
  serviceWorkerUrl: string | undefined;
  /** Scope of the service worker registration. Default "/". */
  serviceWorkerScope: string;
}

/** Reads the settings from the script element's `dataset`, resolving URLs against the page. */
export function readPartnerConfig(
  dataset: DOMStringMap,
  baseUrl: string,
): PartnerConfig {
  const widgetAttributes: Record<string, string> = {};
  for (const [key, attribute] of Object.entries(WIDGET_ATTRIBUTES)) {
    const value = dataset[key];
    if (value !== undefined) widgetAttributes[attribute] = value;
  }
  const feeds: string[] = [];
  for (const token of (dataset["feed"] ?? "").split(/\s+/).filter(Boolean)) {
    if (URL.canParse(token, baseUrl)) feeds.push(new URL(token, baseUrl).href);
    else
      console.warn(
        `child-alert partner: data-feed "${token}" is not a valid URL.`,
      );
  }
  if (feeds.length === 0) {
    console.warn(
      "child-alert partner: the script tag has no data-feed, so the banner shows no alerts.",
    );
  }
  const sw = dataset["sw"];
  return {
    widgetAttributes,
    feeds,
    serviceWorkerUrl:
      sw !== undefined && sw !== "" && URL.canParse(sw, baseUrl)
        ? new URL(sw, baseUrl).href
        : undefined,
    serviceWorkerScope: dataset["swScope"] || "/",
  };
}
