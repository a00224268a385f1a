/**
 * Feed signatures with Web Crypto Ed25519. This file runs in Node, Chromium
 * and Firefox ESR, so a pass in each suite shows that the platform
 * generates, exports, imports, signs and verifies Ed25519 keys.
 */
import { expect } from "chai";
import { decodeBase64, encodeBase64 } from "../../shared/signing/base64.js";
import {
  exportPrivateKeyJwk,
  exportPublicKeyBase64,
  generateFeedKeyPair,
  importPrivateKeyJwk,
  importPublicKey,
  publicKeyOfJwk,
} from "../../shared/signing/feed-keys.js";
import { signFeedBytes } from "../../shared/signing/sign-feed.js";
import { verifyFeedSignature } from "../../shared/signing/verify-feed-signature.js";

const FEED = new TextEncoder().encode(
  '{"format":"child-alert-feed","version":1,"generated":"2026-12-04T16:00:00+00:00","alerts":[]}\n',
);

describe("signing: Ed25519 in Web Crypto", () => {
  it("generates, signs and verifies with this platform", async () => {
    const pair = await generateFeedKeyPair();
    expect(pair.publicKey.algorithm.name).to.equal("Ed25519");
    expect(pair.privateKey.type).to.equal("private");

    const signature = await signFeedBytes(FEED, pair.privateKey);
    expect(signature).to.match(/^[A-Za-z0-9+/]{86}==\n$/);
    const check = await verifyFeedSignature(FEED, signature, pair.publicKey);
    expect(check).to.deep.equal({ valid: true });
  });

  it("round-trips keys through their text forms", async () => {
    const pair = await generateFeedKeyPair();
    const publicText = await exportPublicKeyBase64(pair.publicKey);
    expect(decodeBase64(publicText)).to.have.length(32);
    const privateJwk = JSON.stringify(
      await exportPrivateKeyJwk(pair.privateKey),
    );
    expect(publicKeyOfJwk(privateJwk)).to.equal(publicText);

    const privateKey = await importPrivateKeyJwk(privateJwk);
    const signature = await signFeedBytes(FEED, privateKey);
    const check = await verifyFeedSignature(FEED, signature, publicText);
    expect(check.valid).to.equal(true);

    const jwkCheck = await verifyFeedSignature(FEED, signature, privateJwk);
    expect(jwkCheck.valid, "a JWK's public part verifies too").to.equal(true);
  });

  it("rejects a changed byte", async () => {
    const pair = await generateFeedKeyPair();
    const signature = await signFeedBytes(FEED, pair.privateKey);
    const tampered = FEED.slice();
    tampered[10] = tampered[10]! ^ 1;
    const check = await verifyFeedSignature(
      tampered,
      signature,
      pair.publicKey,
    );
    expect(check).to.include({ valid: false, reason: "mismatch" });
  });

  it("rejects another publisher's key", async () => {
    const signer = await generateFeedKeyPair();
    const other = await generateFeedKeyPair();
    const signature = await signFeedBytes(FEED, signer.privateKey);
    const check = await verifyFeedSignature(
      FEED,
      signature,
      await exportPublicKeyBase64(other.publicKey),
    );
    expect(check).to.include({ valid: false, reason: "mismatch" });
  });

  it("rejects a malformed signature file", async () => {
    const pair = await generateFeedKeyPair();
    for (const text of ["", "not base64!", encodeBase64(new Uint8Array(63))]) {
      const check = await verifyFeedSignature(FEED, text, pair.publicKey);
      expect(check, JSON.stringify(text)).to.include({
        valid: false,
        reason: "malformed",
      });
    }
  });

  it("raises TypeError for an unreadable public key", async () => {
    for (const key of ["", "abc", encodeBase64(new Uint8Array(31)), "{}"]) {
      let error: unknown;
      try {
        await verifyFeedSignature(FEED, "", key);
      } catch (caught) {
        error = caught;
      }
      expect(error, JSON.stringify(key)).to.be.instanceOf(TypeError);
    }
  });

  it("raises TypeError for a public JWK used to sign", async () => {
    const pair = await generateFeedKeyPair();
    const jwk = await exportPrivateKeyJwk(pair.privateKey);
    delete jwk.d;
    let error: unknown;
    try {
      await importPrivateKeyJwk(JSON.stringify(jwk));
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
    expect((error as Error).message).to.contain('no private part ("d")');
  });
});

describe("signing: base64", () => {
  it("matches RFC 4648 test vectors", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "Zg=="],
      ["fo", "Zm8="],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg=="],
      ["fooba", "Zm9vYmE="],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [text, encoded] of vectors) {
      const bytes = new TextEncoder().encode(text);
      expect(encodeBase64(bytes), text).to.equal(encoded);
      expect(decodeBase64(encoded), encoded).to.deep.equal(bytes);
    }
  });

  it("reads URL-safe and unpadded text", () => {
    expect(decodeBase64("-_8")).to.deep.equal(new Uint8Array([251, 255]));
    expect(decodeBase64("Zm8")).to.deep.equal(new TextEncoder().encode("fo"));
  });

  it("rejects invalid text", () => {
    for (const text of ["Z", "Zm9v!", "Zm=9v", "Zg==="]) {
      expect(decodeBase64(text), text).to.equal(null);
    }
  });
});
