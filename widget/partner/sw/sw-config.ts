/**
 * The partner service worker's settings, read from the query of its own
 * URL. partner.js registers the worker as
 * `child-alert-sw.js?feed=URL&feed=URL&widget=BASE`, so one file serves any
 * site and a change of settings is a new registration.
 */
export interface ServiceWorkerConfig {
  /** Absolute feed URLs. These, the files they link and their `.sig` files are cached as feeds. */
  feeds: string[];
  /** Absolute URL of the folder that contains the widget's files, ending in "/". */
  widgetBase: string;
}

/**
 * Reads the settings from the worker's URL. Invalid feed URLs are skipped.
 * Without `widget`, the widget's files are taken to be beside the worker.
 */
export function readServiceWorkerConfig(
  scriptUrl: string,
): ServiceWorkerConfig {
  const url = new URL(scriptUrl);
  const feeds: string[] = [];
  for (const value of url.searchParams.getAll("feed")) {
    if (URL.canParse(value, url)) feeds.push(new URL(value, url).href);
  }
  const widget = url.searchParams.get("widget");
  const base =
    widget !== null && URL.canParse(widget, url)
      ? new URL(widget, url)
      : new URL("./", url);
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  base.search = "";
  base.hash = "";
  return { feeds, widgetBase: base.href };
}
