/**
 * Generates benchmark alerts from the real published files in
 * test/fixtures/realdata: each generated alert takes the text, event,
 * sender and geocodes of a real alert, gets a new identifier and send time,
 * two info blocks in two languages, and one polygon of 10 to 200 points per
 * info. Descriptions are lengthened with real description text until the
 * alert is about 13 KB as CAP XML, the size of a real child alert with a
 * long description. Every alert carries the project's `child-alert` event
 * code, so the widget shows it, and no resource, so no photo is fetched.
 *
 * The same count and `now` always give the same alerts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { writeCapAlert } from "../../shared/formats/write-cap-xml.js";
import type {
  CapAlert,
  CapArea,
  CapInfo,
  CapPolygon,
} from "../../shared/model/cap.js";
import { formatCapTime } from "../../shared/time/cap-time.js";
import { seededRandom } from "./seeded-random.js";

/** Target size of one alert written as CAP XML, in bytes of UTF-8. */
export const ALERT_XML_BYTES = 13_000;

const REALDATA = new URL("../../test/fixtures/realdata/", import.meta.url);
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The parts of the real files that the generated alerts are made from. */
interface RealTemplates {
  alerts: CapAlert[];
  /** Every info block of every real alert, to find a second language. */
  infos: CapInfo[];
  /** Real description and instruction texts, to lengthen descriptions. */
  texts: string[];
}

let templates: RealTemplates | undefined;

/** Reads every real alert with at least one info block from the fixtures. */
function realTemplates(): RealTemplates {
  if (templates !== undefined) return templates;
  const alerts: CapAlert[] = [];
  for (const folder of readdirSync(REALDATA).sort()) {
    const folderUrl = new URL(`${folder}/`, REALDATA);
    for (const file of readdirSync(folderUrl).sort()) {
      const result = parseFeed(readFileSync(join(folderUrl.pathname, file)));
      for (const alert of result.alerts) {
        if (alert.info.length > 0) alerts.push(alert);
      }
    }
  }
  const infos = alerts.flatMap((alert) => alert.info);
  const texts = infos
    .flatMap((info) => [info.description, info.instruction])
    .filter((text): text is string => text !== undefined && text.length > 60);
  templates = { alerts, infos, texts };
  return templates;
}

/** Returns how many real alerts the generator draws from. */
export function realTemplateCount(): number {
  return realTemplates().alerts.length;
}

/**
 * Returns `count` alerts made from the real files, sent in the minutes
 * before `now` (milliseconds since the epoch) and in force for two days
 * after it.
 */
export function realisticAlerts(count: number, now: number): CapAlert[] {
  const alerts: CapAlert[] = [];
  for (let index = 0; index < count; index++) {
    alerts.push(realisticAlert(index, now));
  }
  return alerts;
}

/** Returns the generated alert number `index`; see `realisticAlerts`. */
export function realisticAlert(index: number, now: number): CapAlert {
  const { alerts, infos } = realTemplates();
  const random = seededRandom(index + 1);
  const template = alerts[index % alerts.length]!;
  const first = template.info[0]!;
  const second =
    template.info.find((info) => primary(info) !== primary(first)) ??
    infoInOtherLanguage(infos, primary(first), index);

  const area = generatedArea(template, index, random);
  const sent = now - (index + 1) * MINUTE_MS;
  const expires = formatCapTime(now + 2 * DAY_MS, 0);
  const kind = index % 3 === 2 ? "missing" : "abduction";
  const makeInfo = (info: CapInfo): CapInfo => ({
    ...info,
    eventCode: [...info.eventCode, { valueName: "child-alert", value: kind }],
    effective: formatCapTime(sent, 0),
    onset: undefined,
    expires,
    headline: `${info.headline ?? info.event} (${index + 1})`,
    resource: [],
    area: [area],
  });

  const alert: CapAlert = {
    ...template,
    identifier: `BENCH-${String(index + 1).padStart(6, "0")}`,
    sent: formatCapTime(sent, 0),
    status: "Actual",
    msgType: "Alert",
    scope: "Public",
    references: [],
    info: [makeInfo(first), makeInfo(second)],
  };
  return lengthenDescriptions(alert, index);
}

/** The primary language subtag, lower-cased: "en" for "en-US". */
function primary(info: CapInfo): string {
  return info.language.split("-")[0]!.toLowerCase();
}

function infoInOtherLanguage(
  infos: CapInfo[],
  language: string,
  index: number,
): CapInfo {
  const others = infos.filter((info) => primary(info) !== language);
  return others[index % others.length]!;
}

/**
 * One area with a star-shaped polygon of 10 to 200 points around the
 * centre of the template's first polygon (or a place in Greece when it has
 * none), and the template's geocodes.
 */
function generatedArea(
  template: CapAlert,
  index: number,
  random: () => number,
): CapArea {
  const realArea = template.info[0]!.area[0];
  const realRing = realArea?.polygon[0];
  let centreLat = 36 + random() * 5;
  let centreLon = 20 + random() * 6;
  if (realRing !== undefined && realRing.length > 0) {
    centreLat = realRing.reduce((sum, [lat]) => sum + lat, 0) / realRing.length;
    centreLon =
      realRing.reduce((sum, [, lon]) => sum + lon, 0) / realRing.length;
  }
  const pointCount = 10 + Math.floor(random() * 191);
  const radius = 0.05 + random() * 0.5;
  const ring: CapPolygon = [];
  for (let point = 0; point < pointCount - 1; point++) {
    const angle = (2 * Math.PI * point) / (pointCount - 1);
    const distance = radius * (0.6 + 0.4 * random());
    ring.push([
      Number((centreLat + distance * Math.sin(angle)).toFixed(5)),
      Number((centreLon + distance * Math.cos(angle)).toFixed(5)),
    ]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return {
    areaDesc: `${realArea?.areaDesc || "Generated area"} ${index + 1}`,
    polygon: [ring],
    circle: [],
    geocode: realArea?.geocode ?? [],
  };
}

/** Appends real description text to both infos until the XML is about ALERT_XML_BYTES. */
function lengthenDescriptions(alert: CapAlert, index: number): CapAlert {
  const { texts } = realTemplates();
  const missing = ALERT_XML_BYTES - utf8Length(writeCapAlert(alert));
  if (missing <= 0) return alert;
  const share = Math.ceil(missing / alert.info.length);
  const info = alert.info.map((block, blockIndex) => {
    let extra = "";
    let next = index * 7 + blockIndex;
    while (utf8Length(extra) < share) {
      extra += `\n\n${texts[next % texts.length]}`;
      next += 1;
    }
    return {
      ...block,
      description: `${block.description ?? ""}${truncateUtf8(extra, share)}`,
    };
  });
  return { ...alert, info };
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Cuts `text` to at most `bytes` bytes of UTF-8, at a code point boundary. */
function truncateUtf8(text: string, bytes: number): string {
  const cut = Buffer.from(text, "utf8").subarray(0, bytes).toString("utf8");
  // A code point split by the cut decodes as U+FFFD.
  return cut.replace(/\uFFFD+$/, "");
}
