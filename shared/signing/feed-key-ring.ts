/**
 * The publishers' public keys a client checks feeds against, by feed URL.
 * A shard of a feed index is checked with the key of its index, which the
 * shard client registers with `inherit`.
 */
import { importPublicKey, readPublicKeyText } from "./feed-keys.js";
import type { WebCryptoKey } from "./web-crypto.js";

export class FeedKeyRing {
  private readonly keyTexts = new Map<string, string>();
  private readonly inherited = new Map<string, string>();
  private readonly imported = new Map<string, Promise<WebCryptoKey>>();

  /**
   * Takes keys by feed URL, each in a form `readPublicKeyText` reads. Throws
   * a TypeError for a URL that is not absolute or a key that cannot be read.
   */
  constructor(keys: Record<string, string> = {}) {
    for (const [url, key] of Object.entries(keys)) {
      readPublicKeyText(key);
      this.keyTexts.set(new URL(url).href, key);
    }
  }

  /** Tells whether any key is configured, so callers can skip the checks entirely. */
  get isEmpty(): boolean {
    return this.keyTexts.size === 0;
  }

  /** Makes `url` use the key of `fromUrl` (a shard, the key of its index). */
  inherit(url: string, fromUrl: string): void {
    const from = new URL(fromUrl).href;
    const target = new URL(url).href;
    if (target !== from && !this.keyTexts.has(target)) {
      this.inherited.set(target, from);
    }
  }

  /** Returns the text of the key for `url`, or undefined when the feed is not signed. */
  keyTextFor(url: string): string | undefined {
    const href = new URL(url).href;
    const own = this.keyTexts.get(href);
    if (own !== undefined) return own;
    const from = this.inherited.get(href);
    return from === undefined ? undefined : this.keyTexts.get(from);
  }

  /**
   * Returns the imported key for `url`, importing each key text once, or
   * undefined when the feed is not signed. Rejects with a TypeError when
   * the configured key cannot be read.
   */
  keyFor(url: string): Promise<WebCryptoKey> | undefined {
    const text = this.keyTextFor(url);
    if (text === undefined) return undefined;
    let key = this.imported.get(text);
    if (key === undefined) {
      key = importPublicKey(text);
      // A failed import (a platform without Ed25519) is not cached, so the
      // next poll tries again.
      key.catch(() => this.imported.delete(text));
      this.imported.set(text, key);
    }
    return key;
  }
}
