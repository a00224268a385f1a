/**
 * English messages of the extension, the default locale. The build writes
 * them to `_locales/en/messages.json`. `$name$` marks a substitution; the
 * build numbers them in order of appearance ($1, $2...), the order in which
 * the pages pass them.
 */
export const EN_MESSAGES = {
  pageLocale: "en",
  extName: "Child Alert",
  extDescription:
    "Tells you once when a child goes missing near you. Your location stays on this device.",
  actionTitle: "Child alerts near you",

  popupTitle: "Child alerts",
  popupRefresh: "Refresh",
  popupRefreshing: "Refreshing…",
  popupSettings: "Settings",
  popupUpdated: "Updated $age$.",
  popupUpdatedNow: "Updated just now.",
  popupNeverUpdated: "Not updated yet.",
  popupOffline:
    "The feeds could not be reached. These are the alerts saved on this device.",
  popupUnverified:
    "The feed “$feed$” was not updated because its signature is missing or does not match the publisher's key. Showing its last alerts that were verified.",
  popupNoAlerts: "No child alerts for your area.",
  popupNoFeeds:
    "Choose the feeds and your place in the settings to receive alerts.",

  optionsTitle: "Child Alert settings",
  optionsPrivacy: "Privacy",
  optionsPrivacyText:
    "Your place, your region codes and every other setting are stored only on this device and sent nowhere. The extension downloads whole feeds and picks the alerts for your place on this device; its requests carry no location, no cookies and no referrer.",
  optionsPrivacyMap:
    "The map is drawn from data inside the extension: no map server is contacted.",
  optionsFeeds: "Feeds",
  optionsFeedsHelp:
    "The alert feeds to check. For a feed you add, the browser asks you to let the extension read that site.",
  optionsFeedDetail: "$format$, $area$: $url$",
  optionsFeedLocal: "this computer",
  feedNws: "US National Weather Service: child abduction emergencies",
  feedDemo: "Local demo feed with invented alerts, for trying the extension",
  optionsAddFeed: "Feed address",
  optionsAddFeedButton: "Add feed",
  optionsRemoveFeed: "Remove",
  optionsRemoveFeedNamed: "Remove $url$",
  optionsFeedInvalid:
    "Enter an address that starts with https:// (or http://localhost).",
  optionsFeedDenied:
    "Permission to read $origin$ was not given, so the feed was not added.",
  optionsFeedKey: "Publisher's public key (optional)",
  optionsFeedKeyHelp:
    "If the publisher of a feed signs it, paste the public key they publish under the feed. The extension then accepts the feed only when its signature matches that key, and keeps showing the last verified alerts when it does not. Leave the field empty for a feed that is not signed.",
  optionsFeedKeyInvalid:
    "This is not a valid public key. Paste the key exactly as the publisher gives it: 44 characters of base64 (an Ed25519 public key), or an Ed25519 JWK.",
  optionsFeedKeyBuiltIn:
    "The extension checks this feed's signature with the publisher's key built into it.",
  optionsPlace: "Your place",
  optionsPlaceHelp:
    "Choose a point on the map, type a town, or give region codes. With neither a place nor a region code, every alert of the chosen feeds is shown.",
  optionsPlaceNone: "No place",
  optionsPlacePoint: "A place and a distance around it",
  optionsTown: "Town or city",
  optionsTownHelp:
    "Type a town of Greece or a capital of the European Union and choose it from the list.",
  optionsTownUnknown:
    "This town is not in the list. Choose the point on the map instead.",
  optionsUseLocation: "Use my current location",
  optionsLocating: "Finding your location…",
  optionsLocationFailed: "Your location could not be found: $reason$",
  optionsPlaceChosen: "Place chosen: latitude $lat$, longitude $lon$.",
  optionsPlaceMissing:
    "Choose a point on the map, or enter its latitude and longitude.",
  optionsMapLabel: "World map for choosing your place",
  optionsMapHelp:
    "Click the map to choose your place. With the map focused, the arrow keys move it, + and − zoom, and Enter chooses the point under the cross.",
  optionsZoomIn: "Zoom in",
  optionsZoomOut: "Zoom out",
  optionsZoomPlace: "Show my place",
  optionsZoomReset: "Show Europe",
  optionsLatitude: "Latitude",
  optionsLongitude: "Longitude",
  optionsRadius: "Distance around it (km)",
  optionsRegions: "Region codes",
  optionsRegionsHelp:
    "One per line, written valueName:value, such as SAME:099001.",
  optionsRegionInvalid:
    "“$code$” is not a region code. Write it as valueName:value, such as SAME:099001.",
  optionsKinds: "Which alerts",
  optionsKindsBoth: "Child abductions and missing children",
  optionsKindsAbduction: "Child abductions only",
  optionsKindsMissing: "Missing children only",
  optionsKindsAll: "Every alert of the chosen feeds",
  optionsNotifications: "Language and notifications",
  optionsLanguage: "Language of alerts and notifications",
  optionsLanguageBrowser: "The browser's language",
  optionsQuietEnable: "No sound for notifications between",
  optionsQuietStart: "Start of quiet hours",
  optionsQuietEnd: "End of quiet hours",
  optionsQuietHelp:
    "Notifications still appear during quiet hours. Chrome shows them silently; Firefox follows the system's notification settings.",
  optionsInterval: "Check the feeds every this many minutes (2 to 60)",
  optionsSave: "Save",
  optionsSaved: "Saved. The new settings apply now.",
  optionsSaveFailed: "The settings were not saved: $error$",
} as const;

export type MessageKey = keyof typeof EN_MESSAGES;
