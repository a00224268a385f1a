/**
 * The public API of the `child-alert` package: read alert feeds, follow
 * each alert through Update and Cancel, match alerts to a place on the
 * device, and keep them in IndexedDB.
 *
 * ```ts
 * import { parseFeed, AlertClient } from "child-alert";
 * ```
 */
export type * from "./model/cap.js";
export type * from "./model/feed.js";
export type {
  AlertPhoto,
  AlertView,
  ChildAlertKind,
} from "./view/alert-view.js";

export {
  parseFeed,
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
} from "./formats/parse-feed.js";
export type { FeedInput } from "./formats/parse-feed.js";
export { writeCapAlert, writeCapDocument } from "./formats/write-cap-xml.js";
export { writeAtomFeed } from "./formats/write-atom-feed.js";
export type { AtomFeedOptions } from "./formats/write-atom-feed.js";
export {
  writeJsonFeed,
  JSON_FEED_FORMAT,
  JSON_FEED_VERSION,
} from "./formats/json-feed.js";
export type { JsonFeed } from "./formats/json-feed.js";

export { AlertClient } from "./client/alert-client.js";
export type {
  AlertClientOptions,
  AlertClientUpdate,
  FeedStatus,
  PollingRole,
} from "./client/alert-client.js";
export type {
  AlertChangeDetail,
  AlertClientEventMap,
  ChangeSource,
  FeedErrorDetail,
  FeedErrorReason,
  ForgetDetail,
  RemovalReason,
  StatusDetail,
  StoreErrorDetail,
} from "./client/client-events.js";
export {
  MIN_POLL_INTERVAL_MS,
  MAX_POLL_INTERVAL_MS,
  DEFAULT_POLL_INTERVAL_MS,
} from "./client/polling-interval.js";
export { PHOTO_CACHE_NAME } from "./client/forget-alerts.js";
export { STALE_AFTER_INTERVALS } from "./client/staleness.js";
export { DEFAULT_RETRY_POLICY } from "./client/retry-policy.js";
export type { RetryPolicy } from "./client/retry-policy.js";
export { WORKER_PARSE_MIN_BYTES } from "./client/parse-feed-body.js";

export { openAlertStore } from "./store/open-alert-store.js";
export { IdbAlertStore } from "./store/idb-alert-store.js";
export { MemoryAlertStore } from "./store/memory-alert-store.js";
export type {
  AlertStore,
  AlertStoreKind,
  FeedRecord,
  LoadedState,
} from "./store/alert-store.js";
export { AlertStoreError } from "./store/store-failure.js";
export type { StoreFailureKind } from "./store/store-failure.js";

export { applyMessages } from "./lifecycle/apply-messages.js";
export { alertEnd, DEFAULT_LIFETIME_MS } from "./lifecycle/end-time.js";
export type { AlertEnd, EndSource } from "./lifecycle/end-time.js";
export type {
  EndReason,
  LifecycleState,
  StoredAlert,
} from "./lifecycle/lifecycle-state.js";

export { areaConcernsPlace } from "./geo/place.js";
export type { Place } from "./geo/place.js";
export {
  areaConcernsRegions,
  geocodeMatches,
  parseRegion,
} from "./geo/geocode.js";
export { infoConcernsReader } from "./geo/concerns.js";
export { parsePolygon, parseCircle } from "./geo/parse-geometry.js";

export { chooseInfo } from "./filter/language.js";
export {
  alertMatchesEvents,
  childAlertKind,
  statusShown,
} from "./filter/events.js";
export type { EventFilter } from "./filter/events.js";

export { toAlertView } from "./view/to-alert-view.js";
export { capTimeToEpochMs, resolveInTimeZone } from "./time/cap-time.js";

export { verifyFeedSignature } from "./signing/verify-feed-signature.js";
export type { SignatureCheck } from "./signing/verify-feed-signature.js";
export { importPublicKey, readPublicKeyText } from "./signing/feed-keys.js";
export { chooseShards } from "./shards/choose-shards.js";
export {
  FEED_INDEX_FORMAT,
  FEED_INDEX_VERSION,
  isFeedIndexJson,
  readFeedIndex,
} from "./shards/feed-index.js";
export type {
  FeedFiles,
  FeedIndex,
  ShardEntry,
  ShardLevel,
} from "./shards/feed-index.js";
export type { GeocodeScheme, GeocodeScope } from "./shards/geocode-scope.js";
