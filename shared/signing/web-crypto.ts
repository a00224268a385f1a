/**
 * The part of Web Crypto (`crypto.subtle`) that feed signatures use, typed
 * here because the library core is compiled without DOM types. Node 20,
 * browsers, workers and extension service workers all provide
 * `globalThis.crypto.subtle`, but only in secure contexts (https: pages and
 * localhost) in browsers.
 */

/** A Web Crypto key. The DOM's `CryptoKey` has this shape, so either can be passed. */
export interface WebCryptoKey {
  readonly type: string;
  readonly algorithm: { readonly name: string };
}

/** A Web Crypto key pair, as `generateKey` returns it for Ed25519. */
export interface WebCryptoKeyPair {
  readonly publicKey: WebCryptoKey;
  readonly privateKey: WebCryptoKey;
}

/** An Ed25519 JSON Web Key (RFC 8037): `x` is the public key, `d` the private one. */
export interface Ed25519Jwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  d?: string;
  [member: string]: unknown;
}

type KeyUsage = "sign" | "verify";
type Algorithm = { name: "Ed25519" };

interface SubtleCryptoSubset {
  generateKey(
    algorithm: Algorithm,
    extractable: boolean,
    usages: KeyUsage[],
  ): Promise<unknown>;
  importKey(
    format: "raw",
    keyData: Uint8Array,
    algorithm: Algorithm,
    extractable: boolean,
    usages: KeyUsage[],
  ): Promise<WebCryptoKey>;
  importKey(
    format: "jwk",
    keyData: Ed25519Jwk,
    algorithm: Algorithm,
    extractable: boolean,
    usages: KeyUsage[],
  ): Promise<WebCryptoKey>;
  exportKey(format: "raw", key: WebCryptoKey): Promise<ArrayBuffer>;
  exportKey(format: "jwk", key: WebCryptoKey): Promise<Ed25519Jwk>;
  sign(
    algorithm: Algorithm,
    key: WebCryptoKey,
    data: Uint8Array,
  ): Promise<ArrayBuffer>;
  verify(
    algorithm: Algorithm,
    key: WebCryptoKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

export const ED25519: Algorithm = { name: "Ed25519" };

/**
 * Returns `crypto.subtle`. Throws an Error when the platform has none, as in
 * a page served over plain http: from a host other than localhost.
 */
export function subtleCrypto(): SubtleCryptoSubset {
  const scope = globalThis as { crypto?: { subtle?: unknown } };
  const subtle = scope.crypto?.subtle;
  if (subtle === undefined) {
    throw new Error(
      "Web Crypto (crypto.subtle) is not available here. Browsers provide it only on https: pages and on localhost.",
    );
  }
  return subtle as SubtleCryptoSubset;
}
