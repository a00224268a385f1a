/**
 * Shared pieces of the widget's browser tests: invented alerts as views and
 * as CAP XML, a generated placeholder photo, the feed server's control API,
 * and mounting elements in the test page.
 */
import type { CapAlert } from "../../shared/model/cap.js";
import type { AlertView } from "../../shared/view/alert-view.js";

/**
 * Sender of the invented feed alerts, unique to this page load. Every test
 * file shares the origin's IndexedDB store, so a fixed sender could meet an
 * alert key that another file stored, ended or cancelled.
 */
export const FEED_SENDER = `police-${crypto.randomUUID().slice(0, 8)}@example.invalid`;

/** Returns an invented alert view. Any field can be overridden. */
export function makeView(overrides: Partial<AlertView> = {}): AlertView {
  const key = overrides.key ?? "police@example.invalid,CA-1";
  const sent = overrides.sent ?? "2026-12-04T10:00:00+02:00";
  return {
    key,
    version: `${key},${sent}`,
    caseKey: key,
    sender: "police@example.invalid",
    identifier: "CA-1",
    sent,
    status: "Actual",
    msgType: "Alert",
    incidents: [],
    kind: "abduction",
    language: "en",
    event: "Child Abduction",
    headline: "Invented child missing from Example Park",
    description: "An invented girl, 9, was last seen near the fountain.",
    instruction: "Call the police if you see her. Do not approach the car.",
    contact: "Police: +30 210 000 0000",
    web: "https://police.example.org/alerts/CA-1",
    areaDesc: "Example City",
    onset: sent,
    ends: "2026-12-05T10:00:00+02:00",
    endMs: Date.parse("2026-12-05T10:00:00+02:00"),
    age: "9",
    appearance: "Red coat, blue backpack",
    lastSeenPlace: "Example Park",
    lastSeenTime: "2026-12-04T09:30:00+02:00",
    ...overrides,
  };
}

/** Draws a grey silhouette on a canvas and returns it as PNG base64 (no data: prefix). */
export function placeholderPngBase64(): string {
  const canvas = document.createElement("canvas");
  canvas.width = 40;
  canvas.height = 50;
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#ccd";
  context.fillRect(0, 0, 40, 50);
  context.fillStyle = "#778";
  context.beginPath();
  context.arc(20, 18, 9, 0, Math.PI * 2);
  context.fill();
  return canvas.toDataURL("image/png").split(",")[1]!;
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** Fields of an invented CAP alert for `capXml`. */
export interface CapFields {
  identifier: string;
  sent: string;
  sender?: string;
  status?: string;
  msgType?: "Alert" | "Update" | "Cancel";
  /** "sender,identifier,sent" entries of the messages this one replaces. */
  references?: string[];
  /** Value of the `child-alert` event code. */
  kind?: "abduction" | "missing" | null;
  event?: string;
  language?: string;
  headline?: string;
  description?: string;
  instruction?: string;
  contact?: string;
  web?: string;
  expires?: string;
  areaDesc?: string;
  /** "lat,lon radius" as CAP writes a circle. */
  circle?: string;
  geocode?: [string, string];
  parameters?: [string, string][];
  /** A photo resource: a URI, or base64 content for `derefUri`. */
  photo?: {
    uri?: string;
    derefUri?: string;
    mimeType: string;
    description: string;
  };
}

/** Writes one invented CAP 1.2 alert as XML, escaping every value. */
export function capXml(fields: CapFields): string {
  const sender = fields.sender ?? FEED_SENDER;
  const element = (name: string, value: string | undefined) =>
    value === undefined ? "" : `<${name}>${escapeXml(value)}</${name}>`;
  const kind = fields.kind === undefined ? "abduction" : fields.kind;
  const photo = fields.photo;
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  ${element("identifier", fields.identifier)}
  ${element("sender", sender)}
  ${element("sent", fields.sent)}
  ${element("status", fields.status ?? "Actual")}
  ${element("msgType", fields.msgType ?? "Alert")}
  <scope>Public</scope>
  ${fields.references ? element("references", fields.references.join(" ")) : ""}
  <info>
    ${element("language", fields.language ?? "en")}
    <category>Rescue</category>
    ${element("event", fields.event ?? "Child Abduction")}
    <urgency>Immediate</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    ${kind ? `<eventCode><valueName>child-alert</valueName><value>${kind}</value></eventCode>` : ""}
    ${element("expires", fields.expires)}
    ${element("senderName", "Example Police")}
    ${element("headline", fields.headline ?? `Invented alert ${fields.identifier}`)}
    ${element("description", fields.description)}
    ${element("instruction", fields.instruction)}
    ${element("web", fields.web)}
    ${element("contact", fields.contact)}
    ${(fields.parameters ?? [])
      .map(
        ([name, value]) =>
          `<parameter>${element("valueName", name)}${element("value", value)}</parameter>`,
      )
      .join("")}
    ${
      photo
        ? `<resource>${element("resourceDesc", photo.description)}${element("mimeType", photo.mimeType)}${element("uri", photo.uri)}${element("derefUri", photo.derefUri)}</resource>`
        : ""
    }
    <area>
      ${element("areaDesc", fields.areaDesc ?? "Example City")}
      ${element("circle", fields.circle)}
      ${fields.geocode ? `<geocode>${element("valueName", fields.geocode[0])}${element("value", fields.geocode[1])}</geocode>` : ""}
    </area>
  </info>
</alert>`;
}

/** Returns the CAP dateTime `offsetMs` from now, in UTC. */
export function capTimeFromNow(offsetMs: number): string {
  return new Date(Date.now() + offsetMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, "-00:00");
}

/** Sets what the feed server returns for `/feeds/NAME`. */
export async function putFeed(
  name: string,
  script: {
    body?: string;
    contentType?: string;
    status?: number;
    headers?: Record<string, string>;
  },
): Promise<void> {
  const response = await fetch(`/__feeds/${encodeURIComponent(name)}`, {
    method: "PUT",
    body: JSON.stringify(script),
  });
  if (!response.ok)
    throw new Error(`PUT /__feeds/${name} failed: HTTP ${response.status}`);
}

/** Requests the feed server logged for `/feeds/NAME`. */
export async function feedRequests(
  name: string,
): Promise<{ status: number }[]> {
  const response = await fetch(`/__feeds/${encodeURIComponent(name)}/requests`);
  return (await response.json()) as { status: number }[];
}

/** A feed name unique to one test, so tests share no server state. */
let feedCounter = 0;
export function uniqueFeedName(prefix: string): string {
  feedCounter += 1;
  return `${prefix}-${Date.now()}-${feedCounter}.xml`;
}

const mounted: Element[] = [];

/** Parses `markup`, appends it to the body and returns its first element. */
export function mount<T extends Element>(markup: string): T {
  const template = document.createElement("template");
  template.innerHTML = markup.trim();
  const element = template.content.firstElementChild as T;
  document.body.append(element);
  mounted.push(element);
  return element;
}

/** Removes every element `mount` added. */
export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
}

/** Waits until `predicate` returns true, polling each animation frame, or fails after `timeoutMs`. */
export async function waitFor(
  predicate: () => boolean,
  description: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline)
      throw new Error(`Timed out waiting for ${description}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Returns the shadow root of an element, and throws when it has none. */
export function shadow(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (root === null) throw new Error(`${element.localName} has no shadow root`);
  return root;
}

/** Builds an invented CAP alert object, as the project's JSON feed carries it. */
export function capAlert(fields: CapFields): CapAlert {
  const photo = fields.photo;
  const kind = fields.kind === undefined ? "abduction" : fields.kind;
  const [lat, lon, radius] = (fields.circle ?? "").split(/[ ,]/).map(Number);
  return {
    identifier: fields.identifier,
    sender: fields.sender ?? FEED_SENDER,
    sent: fields.sent,
    status: (fields.status ?? "Actual") as CapAlert["status"],
    msgType: fields.msgType ?? "Alert",
    scope: "Public",
    code: [],
    references: (fields.references ?? []).map((entry) => {
      const [sender, identifier, sent] = entry.split(",");
      return { sender: sender!, identifier: identifier!, sent: sent! };
    }),
    incidents: [],
    info: [
      {
        language: fields.language ?? "en",
        category: ["Rescue"],
        event: fields.event ?? "Child Abduction",
        responseType: [],
        urgency: "Immediate",
        severity: "Severe",
        certainty: "Likely",
        eventCode: kind ? [{ valueName: "child-alert", value: kind }] : [],
        ...(fields.expires ? { expires: fields.expires } : {}),
        senderName: "Example Police",
        headline: fields.headline ?? `Invented alert ${fields.identifier}`,
        ...(fields.description ? { description: fields.description } : {}),
        ...(fields.instruction ? { instruction: fields.instruction } : {}),
        ...(fields.web ? { web: fields.web } : {}),
        ...(fields.contact ? { contact: fields.contact } : {}),
        parameter: (fields.parameters ?? []).map(([valueName, value]) => ({
          valueName,
          value,
        })),
        resource: photo
          ? [
              {
                resourceDesc: photo.description,
                mimeType: photo.mimeType,
                ...(photo.uri ? { uri: photo.uri } : {}),
                ...(photo.derefUri ? { derefUri: photo.derefUri } : {}),
              },
            ]
          : [],
        area: [
          {
            areaDesc: fields.areaDesc ?? "Example City",
            polygon: [],
            circle:
              fields.circle && lat !== undefined && lon !== undefined
                ? [{ lat, lon, radius: radius ?? 0 }]
                : [],
            geocode: fields.geocode
              ? [{ valueName: fields.geocode[0], value: fields.geocode[1] }]
              : [],
          },
        ],
      },
    ],
  };
}

/** Serialises alerts as the project's JSON feed. */
export function jsonFeed(alerts: CapAlert[]): string {
  return JSON.stringify({
    format: "child-alert-feed",
    version: 1,
    generated: capTimeFromNow(0),
    alerts,
  });
}

/**
 * Serialises `alerts` as the project's JSON feed, padded with invented
 * alerts of another region until the body is at least `minBytes` long, so
 * a client parses it in its parse worker.
 */
export function largeJsonFeed(alerts: CapAlert[], minBytes: number): string {
  const padding: CapAlert[] = [];
  const description =
    "An invented description that pads the feed to a large size. ".repeat(32);
  let size = jsonFeed(alerts).length;
  while (size < minBytes) {
    const alert = capAlert({
      identifier: `PADDING-${padding.length}`,
      sent: capTimeFromNow(-60_000),
      expires: capTimeFromNow(3_600_000),
      description,
      geocode: ["TEST", "padding-region"],
    });
    padding.push(alert);
    size += JSON.stringify(alert).length + 1;
  }
  return jsonFeed([...alerts, ...padding]);
}

let framePages = 0;

/**
 * Serves `body` as an HTML page from the feed server, with `headers`, and
 * loads it in an iframe of the test page. A fresh page has its own
 * resource timing entries, so a test can list what it downloaded.
 */
export async function loadFramePage(
  body: string,
  headers: Record<string, string> = {},
): Promise<HTMLIFrameElement> {
  framePages += 1;
  const name = `frame-${Date.now()}-${framePages}`;
  await putFeed(name, {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test page</title></head><body>${body}</body></html>`,
    contentType: "text/html; charset=utf-8",
    headers,
  });
  const iframe = document.createElement("iframe");
  iframe.style.width = "800px";
  iframe.style.height = "600px";
  const loaded = new Promise((resolve) =>
    iframe.addEventListener("load", resolve, { once: true }),
  );
  iframe.src = `/feeds/${name}`;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

/** Returns the path names of the scripts a page downloaded from dist/widget/, sorted. */
export function widgetScriptsLoaded(page: Window): string[] {
  return page.performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith("/dist/widget/") && path.endsWith(".js"))
    .map((path) => path.slice("/dist/widget/".length))
    .sort();
}

/** Resolves after `count` animation frames. */
export function frames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(count);
  });
}
