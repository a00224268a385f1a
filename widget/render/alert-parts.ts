/**
 * Templates for the pieces of one alert. Every feed value goes through a
 * Lit text or attribute binding, never `unsafeHTML`, so markup in a feed is
 * shown as text. Every URL goes through the checks in safety/safe-url.ts.
 */
import { html, nothing } from "lit";
import type { AlertView } from "../../shared/view/alert-view.js";
import { formatAlertTime } from "../format/format-alert-time.js";
import { textDirection } from "../i18n/text-direction.js";
import { fillIn } from "../i18n/ui-strings.js";
import { isSampleAlert } from "../preview/sample-alert.js";
import { safePhotoUrl } from "../safety/safe-url.js";
import type { RenderContext } from "./render-context.js";

/** Returns the interface label for the kind of alert. */
export function kindName(alert: AlertView, context: RenderContext): string {
  const { strings } = context;
  if (alert.kind === "abduction") return strings.abduction;
  if (alert.kind === "missing") return strings.missing;
  return strings.alert;
}

/**
 * Labels: the kind (unless `withKind` is false, for a layout that shows it
 * as a title), and SAMPLE, TEST or Update where they apply.
 */
export function renderLabels(
  alert: AlertView,
  context: RenderContext,
  withKind = true,
) {
  const { strings } = context;
  const kind = withKind
    ? html`<span part="label" class="label">${kindName(alert, context)}</span>`
    : nothing;
  const status = isSampleAlert(alert)
    ? html`<span part="label sample-label" class="label"
        >${strings.sample}</span
      >`
    : alert.status !== "Actual"
      ? html`<span part="label test-label" class="label">${strings.test}</span>`
      : nothing;
  const update =
    alert.msgType === "Update"
      ? html`<span part="label update-label" class="label"
          >${strings.update}</span
        >`
      : nothing;
  return html`${kind}${status}${update}`;
}

/** Renders the child's photo, or nothing when the alert has none or its URL fails the check. */
export function renderPhoto(alert: AlertView, className = "photo") {
  const photo = alert.photo;
  const src = photo ? safePhotoUrl(photo.url, photo.mimeType) : undefined;
  if (photo === undefined || src === undefined) return nothing;
  return html`<img
    part="photo"
    class=${className}
    src=${src}
    alt=${photo.alt}
    lang=${alert.language}
    loading="lazy"
    decoding="async"
    referrerpolicy="no-referrer"
  />`;
}

/** Attributes for an element holding feed text: the alert's language and direction. */
function textDir(alert: AlertView): "ltr" | "rtl" {
  return textDirection(alert.language);
}

export function renderHeadline(alert: AlertView, id: string) {
  return html`<h2
    part="headline"
    class="headline"
    id=${id}
    lang=${alert.language}
    dir=${textDir(alert)}
  >
    ${alert.headline}
  </h2>`;
}

export function renderDescription(alert: AlertView) {
  if (!alert.description) return nothing;
  // The text sits tight in the element because `white-space: pre-line`
  // would show template whitespace as blank lines.
  // prettier-ignore
  return html`<p part="description" class="description" lang=${alert.language} dir=${textDir(alert)}>${alert.description}</p>`;
}

/** When the alert applies and ends. */
export function timeText(alert: AlertView, context: RenderContext): string {
  const { strings, language, timeZone } = context;
  const parts: string[] = [];
  const onset = formatAlertTime(alert.onset || alert.sent, language, timeZone);
  if (onset) parts.push(fillIn(strings.from, { time: onset }));
  const ends = formatAlertTime(alert.ends, language, timeZone);
  parts.push(ends ? fillIn(strings.until, { time: ends }) : strings.noEnd);
  return parts.join(" · ");
}

/** Renders the area and the time span on one line. */
export function renderMeta(alert: AlertView, context: RenderContext) {
  return html`<p part="meta" class="meta">
    ${
      alert.areaDesc
        ? html`<span lang=${alert.language} dir=${textDir(alert)}
              >${alert.areaDesc}</span
            ><span aria-hidden="true"> · </span>`
        : nothing
    }<span>${timeText(alert, context)}</span>
  </p>`;
}

/** Age, appearance, last seen, what to do and whom to call, where the alert gives them. */
export function renderFacts(alert: AlertView, context: RenderContext) {
  const { strings, language, timeZone } = context;
  const lastSeenTime = formatAlertTime(alert.lastSeenTime, language, timeZone);
  const lastSeen = [alert.lastSeenPlace, lastSeenTime]
    .filter((value) => value)
    .join(", ");
  const rows: [string, string | undefined][] = [
    [strings.age, alert.age],
    [strings.appearance, alert.appearance],
    [strings.lastSeen, lastSeen || undefined],
    [strings.instruction, alert.instruction],
    [strings.contact, alert.contact],
  ];
  const present = rows.filter((row): row is [string, string] =>
    Boolean(row[1]),
  );
  if (present.length === 0) return nothing;
  return html`<dl part="facts" class="facts">
    ${present.map(
      ([label, value]) =>
        // prettier-ignore
        html`<dt>${label}</dt><dd lang=${alert.language} dir=${textDir(alert)}>${value}</dd>`,
    )}
  </dl>`;
}
