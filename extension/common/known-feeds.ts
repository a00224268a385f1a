/**
 * Public feeds that carry child alerts, offered as check boxes in the
 * options page. The manifest's `host_permissions` list exactly their
 * origins, so they need no permission prompt; any other feed is asked for
 * at run time.
 */

/** One built-in feed, with what the options page says about it. */
export interface KnownFeed {
  /** The feed URL the client polls. */
  url: string;
  /** Key of the feed's name in `_locales`. */
  nameKey: string;
  /** The format, as the options page shows it. */
  format: string;
  /** ISO 3166-1 code of the area the feed covers, or "local". */
  area: string;
  /**
   * The publisher's Ed25519 public key, base64 of its 32 raw bytes, when
   * the publisher signs the feed. The client then reads the feed only when
   * `URL.sig` verifies. None of the feeds below publishes a signature.
   */
  publicKey?: string;
}

export const KNOWN_FEEDS: readonly KnownFeed[] = [
  {
    // The NWS API lists only alerts in force, filtered by event, so the
    // answer is small; child abduction emergencies are relayed there from
    // IPAWS with event code CAE.
    url: "https://api.weather.gov/alerts/active?event=Child%20Abduction%20Emergency",
    nameKey: "feedNws",
    format: "GeoJSON",
    area: "US",
  },
  {
    // The demo feed server (`npm start`) on this machine, with invented alerts.
    url: "http://127.0.0.1:8080/feeds/demo.atom",
    nameKey: "feedDemo",
    format: "Atom + CAP",
    area: "local",
  },
];

/**
 * Host permission patterns of the built-in feeds and of localhost, for the
 * manifest. Match patterns ignore the port, so these cover the demo server
 * and a test server on any port.
 */
export const BUILT_IN_HOST_PERMISSIONS: readonly string[] = [
  "https://api.weather.gov/*",
  "http://127.0.0.1/*",
  "http://localhost/*",
];
