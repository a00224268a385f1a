/**
 * The alerts of a document as written, before the parser fills defaults.
 * Two profile rules need them because the parsed model hides the fault. An
 * info block without `language` is read as CAP's default en-US, and a time
 * written with "Z" is read as UTC.
 *
 * Covered: CAP documents, containers of CAP alerts, EDXL-DE, Atom and RSS
 * entries that contain the alert as XML, and the project's JSON feed. Not
 * covered: alerts in escaped text inside an entry, and NWS GeoJSON, whose
 * alerts these rules skip.
 */
import type { Draft } from "../../shared/formats/alert-draft.js";
import { findCapAlerts } from "../../shared/formats/find-cap-alerts.js";
import { readCapXml } from "../../shared/formats/read-cap-xml.js";
import { parseXml } from "../../shared/xml/parse-xml.js";

/** The parts of one alert as written that the profile checks need. */
export interface RawAlert {
  /** For each info block, in order: whether it has a non-empty `language`. */
  infoHasLanguage: boolean[];
  /** Times as written, by path ("sent", "info[0].expires"). */
  times: Map<string, string>;
}

/** Reads the raw alerts of a document's text, by identifier; empty when the text cannot be read. */
export function readRawAlerts(text: string): Map<string, RawAlert> {
  const alerts = new Map<string, RawAlert>();
  for (const draft of readDrafts(text)) {
    const identifier = stringOf(draft["identifier"]);
    if (identifier === undefined || alerts.has(identifier)) continue;
    const infos = Array.isArray(draft["info"]) ? draft["info"] : [];
    const times = new Map<string, string>();
    const sent = stringOf(draft["sent"]);
    if (sent !== undefined) times.set("sent", sent);
    infos.forEach((info: unknown, index) => {
      const fields = isObject(info) ? info : {};
      for (const name of ["effective", "onset", "expires"]) {
        const time = stringOf(fields[name]);
        if (time !== undefined) times.set(`info[${index}].${name}`, time);
      }
    });
    alerts.set(identifier, {
      infoHasLanguage: infos.map(
        (info: unknown) =>
          isObject(info) && stringOf(info["language"]) !== undefined,
      ),
      times,
    });
  }
  return alerts;
}

function readDrafts(text: string): Draft[] {
  const start = text.search(/\S/);
  if (start === -1) return [];
  if (text[start] === "{") {
    try {
      const json = JSON.parse(text) as unknown;
      const alerts = isObject(json) ? json["alerts"] : undefined;
      return Array.isArray(alerts) ? alerts.filter(isObject) : [];
    } catch {
      return [];
    }
  }
  try {
    return findCapAlerts(parseXml(text, { maxDepth: 64 })).map(readCapXml);
  } catch {
    return [];
  }
}

function stringOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function isObject(value: unknown): value is Draft {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
