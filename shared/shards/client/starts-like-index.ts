/**
 * Recognises a feed index by the first bytes of a response, in a module of
 * its own so that a client can check every response without loading the
 * code that reads indexes (sharded-fetch.ts).
 */
import { FEED_INDEX_FORMAT } from "../feed-index-format.js";

/** How much of a JSON body is searched for the index format: 4 KiB. */
const SNIFF_BYTES = 4096;

/** Tells whether a body's first 4 KiB name the index format; reads no further. */
export async function startsLikeIndex(response: Response): Promise<boolean> {
  if (response.body === null) return false;
  const reader = response.body.getReader();
  let text = "";
  const decoder = new TextDecoder();
  try {
    while (text.length < SNIFF_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // Not awaited, because `response` may be a clone. The cancel of one
    // branch of a tee settles only when the other branch is cancelled or
    // read to the end (ReadableStreamDefaultTee in the Streams standard).
    // Node's fetch then hung here on any body longer than the first read.
    reader.cancel().catch(() => {});
  }
  return (
    /^\s*\{/.test(text) &&
    text.slice(0, SNIFF_BYTES).includes(`"${FEED_INDEX_FORMAT}"`)
  );
}
