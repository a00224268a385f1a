/**
 * URL checks applied to every `href` and `src` the widget renders. The
 * client already filters feed URLs. These checks repeat it, so a fault
 * there or a caller passing its own AlertView cannot put a `javascript:`
 * link or an SVG image into the page.
 */

const LOCAL_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Image types a photo may have. SVG is excluded because it can carry script and links. */
const PHOTO_DATA_URL =
  /^data:image\/(?:png|jpeg|gif|webp|avif);base64,[a-z0-9+/]+=*$/i;

/**
 * Returns the URL when it is `https:`, or `http:` on localhost, with no
 * user name or password in it; else undefined.
 */
export function safeLinkUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  // Credentials in a link can disguise its host ("https://bank.example@evil.example/").
  if (url.username !== "" || url.password !== "") return undefined;
  if (url.protocol === "https:") return url.href;
  if (url.protocol === "http:" && LOCAL_HOSTNAMES.has(url.hostname)) {
    return url.href;
  }
  return undefined;
}

/**
 * Returns a photo URL that is safe to load: a link that passes
 * `safeLinkUrl` and does not name an SVG file, or a base64 `data:` URL of
 * a raster image type. Returns undefined for anything else.
 */
export function safePhotoUrl(
  value: string | undefined,
  mimeType = "",
): string | undefined {
  if (!value) return undefined;
  if (/svg/i.test(mimeType)) return undefined;
  if (value.startsWith("data:")) {
    return PHOTO_DATA_URL.test(value) ? value : undefined;
  }
  const link = safeLinkUrl(value);
  if (link === undefined) return undefined;
  if (/\.svgz?$/i.test(new URL(link).pathname)) return undefined;
  return link;
}

/** A phone number found in contact text, with the `tel:` URL that dials it. */
export interface PhoneLink {
  /** The number as written in the text. */
  text: string;
  /** `tel:` followed by digits and at most one leading "+". */
  href: string;
}

const PHONE_CANDIDATE = /(?:\+|\b)\d[\d ().\-/]{0,20}\d\b/g;

/**
 * Finds the first phone number in contact text: 3 to 15 digits (E.164
 * allows at most 15), optionally after "+", with spaces, dots, dashes,
 * slashes or brackets between them. An ISO date such as 2026-12-04 is
 * skipped. Returns undefined when there is none.
 */
export function findPhoneLink(
  contact: string | undefined,
): PhoneLink | undefined {
  if (!contact) return undefined;
  for (const match of contact.matchAll(PHONE_CANDIDATE)) {
    const text = match[0].trim();
    const digits = text.replace(/\D/g, "");
    if (digits.length < 3 || digits.length > 15) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) continue; // an ISO date, not a number
    const plus = text.startsWith("+") ? "+" : "";
    return { text, href: `tel:${plus}${digits}` };
  }
  return undefined;
}
