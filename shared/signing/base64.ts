/**
 * Standard base64 (RFC 4648 section 4, with padding), written out because the
 * library core may use no platform API beyond ECMAScript, and `atob` is not
 * one of them.
 */

const ALPHABET =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

/** Encodes bytes as base64 with `=` padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let text = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    text += ALPHABET[a >> 2];
    text += ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)];
    text += b === undefined ? "=" : ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)];
    text += c === undefined ? "=" : ALPHABET[c & 63];
  }
  return text;
}

/**
 * Decodes base64 with or without padding, also in the URL-safe alphabet
 * (`-` and `_`, as JWK uses). Returns null for any other character, a
 * length that no encoding produces, or padding in the wrong place.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const normalized = text.replace(/-/g, "+").replace(/_/g, "/");
  const unpadded = normalized.replace(/={1,2}$/, "");
  if (normalized.length % 4 !== 0 && normalized !== unpadded) return null;
  if (unpadded.length % 4 === 1) return null;

  const bytes = new Uint8Array(Math.floor((unpadded.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let offset = 0;
  for (const char of unpadded) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[offset++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
