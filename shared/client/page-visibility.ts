/**
 * Whether the page is hidden (`document.visibilityState`), where there is a
 * page. A Web Worker, an extension service worker and Node have no
 * `document`, so the client there counts as always visible.
 */

/** A watch on the page's visibility. */
export interface PageVisibility {
  /** True while the page is hidden. */
  readonly hidden: boolean;
  /** Stops calling `onChange`. */
  stop(): void;
}

/** Calls `onChange` with the new value each time the page is hidden or shown. */
export function watchPageVisibility(
  onChange: (hidden: boolean) => void,
): PageVisibility {
  const page = typeof document === "undefined" ? undefined : document;
  if (page === undefined || typeof page.addEventListener !== "function") {
    return { hidden: false, stop: () => {} };
  }
  let hidden = page.visibilityState === "hidden";
  const listener = () => {
    const now = page.visibilityState === "hidden";
    if (now === hidden) return;
    hidden = now;
    onChange(hidden);
  };
  page.addEventListener("visibilitychange", listener);
  return {
    get hidden() {
      return hidden;
    },
    stop: () => page.removeEventListener("visibilitychange", listener),
  };
}
