/**
 * The Content-Security-Policy the demo server sends with the partner
 * portal page: the policy docs/partner.md gives a partner site, for a site
 * that hosts the widget, its service worker, the feed and the photos
 * itself. Trusted Types are enforced, so the page also shows that the
 * banner needs no exception beyond its named policies.
 */
export const PARTNER_PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data:",
  "worker-src 'self'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html child-alert-worker child-alert-partner",
].join("; ");
