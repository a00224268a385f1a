/**
 * A `fetch` that checks signed feeds: for a URL with a key in the key ring,
 * a successful response is passed on only when `URL.sig` verifies over its
 * exact bytes. Anything else passes through untouched, including a 304,
 * whose content the client verified when it first arrived.
 *
 * A rejected feed surfaces as a failed request: the returned promise
 * rejects with the reason. The client treats it as it treats a network
 * failure. It reports a "feed-error", keeps its last good alerts and does
 * not store the rejected response's validators, so the next poll fetches
 * the feed in full again. Its retry policy also retries the request within
 * the poll, which rides over the moment between a feed's upload and its
 * signature's.
 */
import { readLimitedBody } from "../../client/read-limited-body.js";
import type { FeedKeyRing } from "../feed-key-ring.js";
import { SIGNATURE_SUFFIX } from "../sign-feed.js";
import { verifyFeedSignature } from "../verify-feed-signature.js";

/** Maximum feed body checked, in bytes: 32 MiB, the feed parser's default limit. */
export const MAX_SIGNED_BODY_BYTES = 32 * 1024 * 1024;

/** Maximum signature file read, in bytes. A signature file is 89 bytes: 88 base64 characters and a line feed. */
const MAX_SIGNATURE_BYTES = 1024;

/** An error for a feed whose signature is missing or does not verify. */
export class FeedSignatureError extends Error {
  override name = "FeedSignatureError";
}

type Fetch = typeof fetch;

/** Wraps `inner` so that responses for URLs with a key are verified first. */
export function verifyingFetch(inner: Fetch, keys: FeedKeyRing): Fetch {
  return async (input, init) => {
    const url = requestUrl(input);
    const key = url === undefined ? undefined : keys.keyFor(url);
    const response = await inner(input, init);
    if (key === undefined || url === undefined || response.status !== 200) {
      return response;
    }
    const bytes = await readLimited(response, MAX_SIGNED_BODY_BYTES, url);
    const signatureUrl = `${url}${SIGNATURE_SUFFIX}`;
    const signatureText = await fetchSignature(inner, signatureUrl, init);
    const check = await verifyFeedSignature(bytes, signatureText, await key);
    if (!check.valid) {
      throw new FeedSignatureError(
        `the feed was rejected because ${check.message} (${signatureUrl})`,
      );
    }
    return new Response(bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** Fetches a signature file without validators: a changed feed needs its new signature. */
async function fetchSignature(
  inner: Fetch,
  url: string,
  init: RequestInit | undefined,
): Promise<string> {
  let response: Response;
  try {
    response = await inner(url, {
      method: "GET",
      credentials: "omit",
      referrerPolicy: "no-referrer",
      cache: "no-store",
      redirect: "follow",
      ...(init?.signal == null ? {} : { signal: init.signal }),
    });
  } catch (error) {
    throw new FeedSignatureError(
      `the feed was rejected because its signature ${url} could not be fetched: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => {});
    throw new FeedSignatureError(
      `the feed was rejected because its signature ${url} is missing (HTTP ${response.status}); the publisher must sign the feed and publish the .sig file next to it`,
    );
  }
  const bytes = await readLimited(response, MAX_SIGNATURE_BYTES, url);
  return new TextDecoder().decode(bytes);
}

function requestUrl(input: RequestInfo | URL): string | undefined {
  if (typeof input === "string") return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** Reads a body, throwing when it is larger than `maxBytes`. */
async function readLimited(
  response: Response,
  maxBytes: number,
  url: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = await readLimitedBody(response, maxBytes);
  if (bytes === null) {
    throw new FeedSignatureError(
      `the body of ${url} is over the limit of ${maxBytes} bytes`,
    );
  }
  return bytes;
}
