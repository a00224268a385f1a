/**
 * Checks for URLs taken from feeds before a surface links to them or loads
 * them: only `https:`, or `http:` on the reader's own machine (development,
 * tests and the local demo). Feed text is untrusted, so `javascript:`,
 * `data:`, `file:` and every other scheme are dropped.
 */

/** Host names of the reader's own machine, as `URL.hostname` writes them. */
const LOCALHOST_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Tells whether a URL points at the reader's own machine: `localhost`, `127.0.0.1` or `[::1]`. */
export function isLocalhostUrl(url: URL): boolean {
  return LOCALHOST_NAMES.has(url.hostname);
}

/**
 * Returns the URL, normalised, when it is absolute and `https:` (or `http:`
 * on localhost) with no user name or password in it; otherwise undefined.
 */
export function safeWebUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.username !== "" || url.password !== "") return undefined;
  if (url.protocol === "https:") return url.href;
  if (url.protocol === "http:" && isLocalhostUrl(url)) return url.href;
  return undefined;
}
