/**
 * Reads a response body into bytes as it arrives, stopping once it is
 * longer than a limit, so that an endless or huge body is never held in
 * memory whole. The feed fetch, the signature check and the shard fetch
 * each read their bodies with it and raise their own errors.
 */

/**
 * Returns the body of `response`, or null when it is longer than
 * `maxBytes`. The rest of a longer body is cancelled and not read.
 */
export async function readLimitedBody(
  response: Response,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Not awaited, because the cancel of a cloned body settles only when
      // its twin is read or cancelled too.
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
