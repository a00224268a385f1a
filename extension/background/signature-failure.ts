/**
 * Tells a feed rejected for its signature apart from one that could not be
 * fetched or read, so the popup can show the person which of the two
 * happened.
 *
 * NOTE: the client reports a rejected signature only as the text of its
 * "feed-error" (shared/signing/client/verifying-fetch.ts). Every such
 * message names the signature file `URL.sig`, as docs/feed-tool.md
 * promises, and this check relies on that wording. The extension's
 * end-to-end tests fail if the wording changes.
 */
import { SIGNATURE_SUFFIX } from "../../shared/signing/sign-feed.js";

/** A URL that ends in `.sig`, followed by white space, ")" or the end of the text. */
const SIGNATURE_FILE_URL = new RegExp(
  `https?://[^\\s()]+${SIGNATURE_SUFFIX.replace(".", "\\.")}(?=[\\s)]|$)`,
);

/**
 * Tells whether a feed error means that the signature is missing, malformed
 * or does not match. Only a feed with a public key is checked, so an error
 * of a feed without one is never a signature failure.
 */
export function isSignatureFailure(message: string, hasKey: boolean): boolean {
  return hasKey && SIGNATURE_FILE_URL.test(message);
}
