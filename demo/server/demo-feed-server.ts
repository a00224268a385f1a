/**
 * The demo's local feed publisher. It serves, with ETag, Last-Modified and
 * CORS headers as a real publisher should:
 *
 * - `/feeds/demo.atom`: the invented alerts and the scripted case, as an
 *   Atom feed that embeds each CAP alert;
 * - `/feeds/demo.json`: the same alerts in the project's JSON feed format;
 * - `/feeds/demo-links.atom`: the same alerts as an Atom feed of thin
 *   entries, each linking to its alert's CAP document;
 * - `/feeds/cap/IDENTIFIER.xml`: one alert as a CAP document;
 * - `/feeds/real/amber.xml`: the OASIS AMBER example, replayed to look current;
 * - `/feeds/photos/NAME.png`: generated placeholder pictures.
 *
 * `/control/state` (GET), `/control/step` and `/control/reset` (POST) drive
 * the scripted case; each returns `{ step, steps, run }`. Alert times count from the server's start, so the feed
 * changes only when the scripted case moves, and an unchanged poll gets 304.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CapAlert } from "../../shared/model/cap.js";
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import { writeAtomFeed } from "../../shared/formats/write-atom-feed.js";
import { writeCapDocument } from "../../shared/formats/write-cap-xml.js";
import { formatCapTime } from "../../shared/time/cap-time.js";
import { buildDemoAlert, STANDING_ALERTS } from "../feeds/demo-alerts.js";
import { writeLinkAtomFeed } from "../feeds/write-link-atom.js";
import { replayCapText } from "../feeds/replay.js";
import {
  SCENARIO_STEPS,
  scenarioMessages,
  type ScenarioStep,
} from "../feeds/scenario.js";
import { renderPlaceholderPng } from "./placeholder-photo.js";

const AMBER_EXAMPLE = new URL(
  "../feeds/real/cap_amber_alert_example.xml",
  import.meta.url,
);

const PHOTO_HUES: Record<string, number> = {
  "demo-ath-0001": 200,
  "demo-skg-0001": 30,
  "demo-pir-0001": 130,
  "demo-seq-1": 280,
  "demo-seq-2": 330,
};

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "ETag, Last-Modified, Date, Retry-After, Age",
};

interface Representation {
  body: Uint8Array | string;
  contentType: string;
  lastModified: number;
}

export class DemoFeedServer {
  private readonly startedAt: number;
  private step: ScenarioStep = "idle";
  /** Number of the scripted case's run; each reset starts the next one. */
  private run = 1;
  private stepTimes: Partial<Record<ScenarioStep, number>> = {};
  private changedAt: number;

  constructor(now = Date.now()) {
    // Whole seconds, because Last-Modified has one-second precision.
    this.startedAt = Math.floor(now / 1000) * 1000;
    this.changedAt = this.startedAt;
  }

  /** Handles `/feeds/*` and `/control/*`; returns false for any other path. */
  handle(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? "/", "http://localhost");
    const origin = `http://${request.headers.host ?? "localhost"}`;
    if (url.pathname.startsWith("/control/")) {
      this.handleControl(request, response, url.pathname.slice(9));
      return true;
    }
    if (!url.pathname.startsWith("/feeds/")) return false;
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        ...CORS_HEADERS,
        "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
      });
      response.end();
      return true;
    }
    const representation = this.represent(url.pathname.slice(7), origin);
    if (representation === undefined) {
      response.writeHead(404, {
        ...CORS_HEADERS,
        "Content-Type": "text/plain",
      });
      response.end(`Not found: ${url.pathname}`);
      return true;
    }
    sendConditional(request, response, representation);
    return true;
  }

  /** Every alert message the demo feed lists now. */
  messages(origin: string): CapAlert[] {
    const standing = STANDING_ALERTS.map((spec) =>
      buildDemoAlert(spec, this.startedAt, origin),
    );
    return [
      ...standing,
      ...scenarioMessages(this.step, this.stepTimes, origin, this.run),
    ];
  }

  private represent(path: string, origin: string): Representation | undefined {
    const updated = formatCapTime(this.changedAt, 0);
    if (path === "demo.atom") {
      return {
        body: writeAtomFeed(this.messages(origin), {
          id: `${origin}/feeds/demo.atom`,
          title: "Child Alert demo feed (invented alerts)",
          updated,
          selfUrl: `${origin}/feeds/demo.atom`,
        }),
        contentType: "application/atom+xml; charset=utf-8",
        lastModified: this.changedAt,
      };
    }
    if (path === "demo-links.atom") {
      return {
        body: writeLinkAtomFeed(this.messages(origin), {
          url: `${origin}/feeds/demo-links.atom`,
          title:
            "Child Alert demo feed, linked CAP documents (invented alerts)",
          updated,
          documentUrl: (alert) =>
            `${origin}/feeds/cap/${encodeURIComponent(alert.identifier)}.xml`,
        }),
        contentType: "application/atom+xml; charset=utf-8",
        lastModified: this.changedAt,
      };
    }
    if (path === "demo.json") {
      return {
        body: writeJsonFeed(this.messages(origin), updated),
        contentType: "application/json",
        lastModified: this.changedAt,
      };
    }
    const cap = /^cap\/([\w.-]+)\.xml$/.exec(path);
    if (cap !== null) {
      const alert = this.messages(origin).find(
        (message) => message.identifier === cap[1],
      );
      if (alert === undefined) return undefined;
      return {
        body: writeCapDocument(alert),
        contentType: "application/cap+xml",
        lastModified: this.changedAt,
      };
    }
    if (path === "real/amber.xml") {
      return {
        body: replayCapText(
          readFileSync(AMBER_EXAMPLE, "utf8"),
          this.startedAt - 10 * 60_000,
        ),
        contentType: "application/cap+xml",
        lastModified: this.startedAt,
      };
    }
    const photo = /^photos\/([\w-]+)\.png$/.exec(path);
    const hue = photo?.[1] === undefined ? undefined : PHOTO_HUES[photo[1]];
    if (hue !== undefined) {
      return {
        body: renderPlaceholderPng({ hue }),
        contentType: "image/png",
        lastModified: this.startedAt,
      };
    }
    return undefined;
  }

  private handleControl(
    request: IncomingMessage,
    response: ServerResponse,
    action: string,
  ): void {
    if (request.method === "POST" && action === "step") {
      const index = SCENARIO_STEPS.indexOf(this.step);
      if (index < SCENARIO_STEPS.length - 1)
        this.moveTo(SCENARIO_STEPS[index + 1]!);
    } else if (request.method === "POST" && action === "reset") {
      this.stepTimes = {};
      if (this.step !== "idle") this.run += 1;
      this.moveTo("idle");
    } else if (!(request.method === "GET" && action === "state")) {
      response.writeHead(404, { "Content-Type": "text/plain" });
      response.end(
        `Unknown control request: ${request.method} /control/${action}`,
      );
      return;
    }
    response.writeHead(200, {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
    });
    response.end(
      JSON.stringify({ step: this.step, steps: SCENARIO_STEPS, run: this.run }),
    );
  }

  private moveTo(step: ScenarioStep): void {
    // Each change is at least one second after the last, so Last-Modified moves too.
    const now = Math.max(
      Math.floor(Date.now() / 1000) * 1000,
      this.changedAt + 1000,
    );
    this.step = step;
    this.stepTimes[step] = now;
    this.changedAt = now;
  }
}

function sendConditional(
  request: IncomingMessage,
  response: ServerResponse,
  representation: Representation,
): void {
  const body =
    typeof representation.body === "string"
      ? Buffer.from(representation.body, "utf8")
      : Buffer.from(representation.body);
  const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 20)}"`;
  const headers = {
    ...CORS_HEADERS,
    "Content-Type": representation.contentType,
    "Cache-Control": "no-cache",
    ETag: etag,
    "Last-Modified": new Date(representation.lastModified).toUTCString(),
  };
  const ifNoneMatch = request.headers["if-none-match"];
  const ifModifiedSince = request.headers["if-modified-since"];
  const notModified =
    ifNoneMatch !== undefined
      ? ifNoneMatch.split(",").some((tag) => tag.trim() === etag)
      : ifModifiedSince !== undefined &&
        Date.parse(ifModifiedSince) >=
          Math.floor(representation.lastModified / 1000) * 1000;
  if (notModified) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  response.writeHead(200, headers);
  response.end(request.method === "HEAD" ? undefined : body);
}
