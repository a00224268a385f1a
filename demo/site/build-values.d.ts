/** Values that vite.demo.config.ts writes into the page scripts at build time. */

/** Subresource Integrity hash of dist/widget/child-alert.iife.js, "sha384-…". */
declare const __WIDGET_INTEGRITY__: string;

/** Public key of the signed demo feed: base64 of the raw Ed25519 key. */
declare const __DEMO_FEED_PUBLIC_KEY__: string;
