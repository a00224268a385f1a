import type { AlertView } from "../../shared/view/alert-view.js";
import { formatCapTime } from "../../shared/time/cap-time.js";
import type { UiStrings } from "../i18n/ui-strings.js";
import { drawPlaceholderPhoto } from "./placeholder-photo.js";

const SAMPLE_SENDER = "sample@child-alert.invalid";
const HOUR_MS = 3_600_000;

/**
 * Creates the invented alert that the `preview` attribute shows, in the
 * interface language, with a drawn placeholder photo. Its contact number
 * uses the unassigned country code +999 so that no call can reach anyone,
 * and its page is example.org, reserved for documentation (RFC 2606).
 */
export function createSampleAlert(
  strings: UiStrings,
  language: string,
  nowMs: number,
): AlertView {
  const sent = formatCapTime(nowMs - HOUR_MS, 0);
  const photoUrl = drawPlaceholderPhoto();
  return {
    key: `${SAMPLE_SENDER},sample`,
    version: `${SAMPLE_SENDER},sample,${sent}`,
    caseKey: `${SAMPLE_SENDER},sample`,
    sender: SAMPLE_SENDER,
    identifier: "sample",
    sent,
    status: "Exercise",
    msgType: "Alert",
    incidents: [],
    kind: "abduction",
    language,
    event: strings.abduction,
    headline: strings.sampleHeadline,
    description: strings.sampleDescription,
    contact: "+999 000 000",
    web: "https://example.org/",
    areaDesc: strings.sample,
    photo: photoUrl
      ? { url: photoUrl, mimeType: "image/png", alt: strings.sample }
      : undefined,
    onset: sent,
    ends: formatCapTime(nowMs + 23 * HOUR_MS, 0),
    endMs: nowMs + 23 * HOUR_MS,
    age: "10",
  };
}

/** Whether an alert is the invented preview sample. */
export function isSampleAlert(alert: AlertView): boolean {
  return alert.sender === SAMPLE_SENDER;
}
