/**
 * Ed25519 keys for feed signatures, in the two text forms the feed tool
 * writes: a public key as the base64 of its 32 raw bytes (short enough for
 * an HTML attribute), and a private key as a JSON Web Key (RFC 8037).
 */
import { decodeBase64, encodeBase64 } from "./base64.js";
import {
  ED25519,
  subtleCrypto,
  type Ed25519Jwk,
  type WebCryptoKey,
  type WebCryptoKeyPair,
} from "./web-crypto.js";

/** Length of a raw Ed25519 public key, in bytes. */
export const ED25519_PUBLIC_KEY_BYTES = 32;

/** Generates an Ed25519 key pair whose keys can be exported. */
export async function generateFeedKeyPair(): Promise<WebCryptoKeyPair> {
  const pair = await subtleCrypto().generateKey(ED25519, true, [
    "sign",
    "verify",
  ]);
  return pair as WebCryptoKeyPair;
}

/** Exports a public key as the base64 of its 32 raw bytes. */
export async function exportPublicKeyBase64(
  key: WebCryptoKey,
): Promise<string> {
  const raw = await subtleCrypto().exportKey("raw", key);
  return encodeBase64(new Uint8Array(raw));
}

/** Exports a private key as a JSON Web Key, which also carries the public key (`x`). */
export function exportPrivateKeyJwk(key: WebCryptoKey): Promise<Ed25519Jwk> {
  return subtleCrypto().exportKey("jwk", key);
}

/** A public key's text, checked: the raw key bytes, or the public part of a JWK. */
export type PublicKeyText =
  { format: "raw"; bytes: Uint8Array } | { format: "jwk"; jwk: Ed25519Jwk };

/**
 * Reads a public key written as base64 (standard or URL-safe) of its 32 raw
 * bytes, or as an Ed25519 JWK in JSON, without importing it. Throws a
 * TypeError that names the expected forms when the text is neither.
 */
export function readPublicKeyText(text: string): PublicKeyText {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    const jwk = parseJwk(trimmed);
    return { format: "jwk", jwk: { kty: "OKP", crv: "Ed25519", x: jwk.x } };
  }
  const raw = decodeBase64(trimmed);
  if (raw === null || raw.length !== ED25519_PUBLIC_KEY_BYTES) {
    throw new TypeError(
      `Invalid public key "${shorten(trimmed)}": expected the base64 of a ${ED25519_PUBLIC_KEY_BYTES}-byte Ed25519 public key, as "child-alert-feed keygen" writes it, or an Ed25519 JWK.`,
    );
  }
  return { format: "raw", bytes: raw };
}

/**
 * Imports a public key in a form `readPublicKeyText` reads. Rejects with a
 * TypeError when the text is neither form.
 */
export async function importPublicKey(text: string): Promise<WebCryptoKey> {
  const key = readPublicKeyText(text);
  return key.format === "jwk"
    ? subtleCrypto().importKey("jwk", key.jwk, ED25519, false, ["verify"])
    : subtleCrypto().importKey("raw", key.bytes, ED25519, false, ["verify"]);
}

/**
 * Imports a private key from an Ed25519 JWK in JSON, as
 * "child-alert-feed keygen" writes it. Throws a TypeError when the text is
 * not such a key or has no private part (`d`).
 */
export function importPrivateKeyJwk(text: string): Promise<WebCryptoKey> {
  const jwk = parseJwk(text.trim());
  if (typeof jwk.d !== "string") {
    throw new TypeError(
      'The key has no private part ("d"): it is a public key, but signing needs the private key file that "child-alert-feed keygen --out-private" wrote.',
    );
  }
  const privateJwk: Ed25519Jwk = {
    kty: "OKP",
    crv: "Ed25519",
    x: jwk.x,
    d: jwk.d,
  };
  return subtleCrypto().importKey("jwk", privateJwk, ED25519, false, ["sign"]);
}

/** Returns the public key of a private JWK as base64 of its raw bytes. */
export function publicKeyOfJwk(text: string): string {
  const raw = decodeBase64(parseJwk(text.trim()).x);
  if (raw === null) throw new TypeError('The JWK\'s "x" is not base64url.');
  return encodeBase64(raw);
}

function parseJwk(text: string): Ed25519Jwk {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`The key is not valid JSON: ${String(error)}`);
  }
  const jwk = value as Partial<Ed25519Jwk> | null;
  if (
    jwk === null ||
    typeof jwk !== "object" ||
    jwk.kty !== "OKP" ||
    jwk.crv !== "Ed25519" ||
    typeof jwk.x !== "string"
  ) {
    throw new TypeError(
      'The key is not an Ed25519 JWK: it needs "kty": "OKP", "crv": "Ed25519" and "x".',
    );
  }
  return jwk as Ed25519Jwk;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
