/**
 * Detached feed signatures. A feed file FILE is published with FILE.sig,
 * whose content is the base64 of the 64-byte Ed25519 signature over the
 * exact bytes of FILE, followed by a line feed. Nothing is canonicalised:
 * one changed byte, a re-encoding or a changed line ending invalidates it.
 */
import { encodeBase64 } from "./base64.js";
import { ED25519, subtleCrypto, type WebCryptoKey } from "./web-crypto.js";

/** The suffix of a signature file: `index.json` is signed by `index.json.sig`. */
export const SIGNATURE_SUFFIX = ".sig";

/** Signs the bytes of a feed file and returns the text of its `.sig` file. */
export async function signFeedBytes(
  bytes: Uint8Array,
  privateKey: WebCryptoKey,
): Promise<string> {
  const signature = await subtleCrypto().sign(ED25519, privateKey, bytes);
  return `${encodeBase64(new Uint8Array(signature))}\n`;
}
