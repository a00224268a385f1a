/**
 * SHA-256 of a string, as hex. The extension remembers which alerts it
 * notified by hashes of their keys, so what it keeps names no child.
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(text),
  );
  return Array.from(new Uint8Array(digest), (byte) =>
    byte.toString(16).padStart(2, "0"),
  ).join("");
}
