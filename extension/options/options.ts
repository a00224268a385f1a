/**
 * The options page: reads the settings from storage.local into the form
 * and writes them back on Save. The background listens for the change and
 * re-filters and re-polls at once.
 */
import { parseRegion } from "../../shared/geo/geocode.js";
import type { EventFilter } from "../../shared/filter/events.js";
import { INTERFACE_LANGUAGES } from "../../widget/i18n/choose-language.js";
import { localizePage, message } from "../common/page-i18n.js";
import {
  readSettings,
  writeSettings,
  type ExtensionSettings,
} from "../common/settings.js";
import { FeedList } from "./feed-list.js";
import { PlaceSection } from "./place-section.js";

const form = document.querySelector<HTMLFormElement>("#settings")!;
const regions = document.querySelector<HTMLTextAreaElement>("#regions")!;
const regionsError = document.querySelector<HTMLElement>("#regions-error")!;
const language = document.querySelector<HTMLSelectElement>("#lang")!;
const quiet = document.querySelector<HTMLInputElement>("#quiet")!;
const quietStart = document.querySelector<HTMLInputElement>("#quiet-start")!;
const quietEnd = document.querySelector<HTMLInputElement>("#quiet-end")!;
const interval = document.querySelector<HTMLInputElement>("#interval")!;
const saveStatus = document.querySelector<HTMLElement>("#save-status")!;

localizePage(document);
fillLanguages();

const feeds = new FeedList(
  document.querySelector<HTMLUListElement>("#known-feeds")!,
  document.querySelector<HTMLUListElement>("#custom-feeds")!,
  document.querySelector<HTMLInputElement>("#feed-url")!,
  document.querySelector<HTMLButtonElement>("#add-feed")!,
  document.querySelector<HTMLElement>("#feed-error")!,
);
const place = new PlaceSection();

/** Languages of the widget's interface strings, named in their own language. */
function fillLanguages(): void {
  const browserOption = new Option(message("optionsLanguageBrowser"), "");
  const options = INTERFACE_LANGUAGES.map((code) => {
    const name = new Intl.DisplayNames([code], { type: "language" }).of(code);
    const option = new Option(name ?? code, code);
    option.lang = code;
    return option;
  });
  language.replaceChildren(browserOption, ...options);
}

function show(settings: ExtensionSettings): void {
  feeds.feeds = settings.feeds;
  feeds.keys = settings.feedKeys;
  place.value = { place: settings.place, placeName: settings.placeName };
  regions.value = settings.regions.join("\n");
  language.value = settings.lang;
  const events = settings.events.join(" ");
  for (const radio of document.querySelectorAll<HTMLInputElement>(
    'input[name="events"]',
  )) {
    radio.checked = radio.value === events;
  }
  quiet.checked = settings.quietHours !== null;
  if (settings.quietHours !== null) {
    quietStart.value = settings.quietHours.start;
    quietEnd.value = settings.quietHours.end;
  }
  interval.value = String(settings.intervalMinutes);
  form.dataset.loaded = "";
}

/** Reads the form; returns null and shows why when a field is invalid. */
function read(): ExtensionSettings | null {
  if (!feeds.validateKeys()) return null;
  regionsError.textContent = "";
  const codes = regions.value
    .split(/\s+/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  const invalid = codes.find((code) => parseRegion(code) === null);
  if (invalid !== undefined) {
    regionsError.textContent = message("optionsRegionInvalid", [invalid]);
    regions.focus();
    return null;
  }
  const placeError = place.validate();
  if (placeError !== "") {
    saveStatus.textContent = placeError;
    return null;
  }
  const chosen =
    document.querySelector<HTMLInputElement>('input[name="events"]:checked')
      ?.value ?? "abduction missing";
  const { place: point, placeName } = place.value;
  return {
    feeds: feeds.feeds,
    feedKeys: feeds.keys,
    place: point,
    placeName,
    regions: codes,
    lang: language.value,
    events: chosen.split(" ") as EventFilter[],
    quietHours: quiet.checked
      ? { start: quietStart.value, end: quietEnd.value }
      : null,
    intervalMinutes: interval.valueAsNumber,
  };
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  saveStatus.textContent = "";
  const settings = read();
  if (settings === null) return;
  writeSettings(settings).then(
    () => {
      saveStatus.textContent = message("optionsSaved");
    },
    (error: unknown) => {
      saveStatus.textContent = message("optionsSaveFailed", [String(error)]);
    },
  );
});

readSettings().then(show, (error: unknown) => {
  saveStatus.textContent = message("optionsSaveFailed", [String(error)]);
});
