/**
 * Checking a feed file against its detached signature (see sign-feed.ts for
 * the scheme). Uses Web Crypto only, so it runs in a page, a worker, an
 * extension service worker and Node 20.
 */
import { decodeBase64 } from "./base64.js";
import { importPublicKey } from "./feed-keys.js";
import { ED25519, subtleCrypto, type WebCryptoKey } from "./web-crypto.js";

/** Length of an Ed25519 signature, in bytes. */
export const ED25519_SIGNATURE_BYTES = 64;

/** The result of a check: valid, or the reason in words. */
export type SignatureCheck =
  | { valid: true }
  | { valid: false; reason: "malformed" | "mismatch"; message: string };

/**
 * Verifies `signatureText` (the content of a `.sig` file) over the exact
 * `bytes` of a feed. `publicKey` is an imported key or its text form (see
 * `importPublicKey`). Surrounding whitespace in the signature text is
 * ignored. Throws a TypeError only for a public key that cannot be read,
 * which is a configuration error rather than a bad feed.
 */
export async function verifyFeedSignature(
  bytes: Uint8Array | ArrayBuffer,
  signatureText: string,
  publicKey: string | WebCryptoKey,
): Promise<SignatureCheck> {
  const key =
    typeof publicKey === "string"
      ? await importPublicKey(publicKey)
      : publicKey;
  const signature = decodeBase64(signatureText.trim());
  if (signature === null || signature.length !== ED25519_SIGNATURE_BYTES) {
    return {
      valid: false,
      reason: "malformed",
      message: `the signature file is not the base64 of a ${ED25519_SIGNATURE_BYTES}-byte Ed25519 signature`,
    };
  }
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const valid = await subtleCrypto().verify(ED25519, key, signature, data);
  return valid
    ? { valid: true }
    : {
        valid: false,
        reason: "mismatch",
        message:
          "the signature does not match the feed's bytes and the configured public key",
      };
}
