/**
 * The kinds of fault behind the bug cases, tested beyond the files. They
 * are whitespace in every kind of value, namespace prefixes on every
 * element, references across lines and with unusual offsets, empty optional
 * elements, repeated and distinct messages, NWS GeoJSON shapes and missing
 * end times.
 */
import { expect } from "chai";
import type { CapAlert } from "../../shared/model/cap.js";
import { capTemplate, CAP12 } from "../helpers/cap-template.js";
import {
  areaAt,
  codesOf,
  infoAt,
  issuesWith,
  onlyAlert,
  parse,
} from "../helpers/parse-fixture.js";

const BLANK = "\n\t  \r\n  ";

/** Wraps a value in spaces, tabs and line breaks on both sides. */
function padded(value: string): string {
  return `${BLANK}${value}${BLANK}`;
}

/** Returns the alert read from capTemplate's defaults, to compare variants against. */
function plainAlert(): CapAlert {
  return onlyAlert(parse(capTemplate()));
}

describe("parseFeed values", () => {
  describe("whitespace in every kind of value", () => {
    it("tokens, times, URLs and codes trimmed", () => {
      const result = parse(
        capTemplate({
          identifier: padded("TEST-XML-0001"),
          sender: padded("alerts@state-police.example"),
          sent: padded("2024-05-01T14:30:00-05:00"),
          status: padded("Actual"),
          msgType: padded("Alert"),
          scope: padded("Public"),
          language: padded("en-US"),
          category: padded("Rescue"),
          event: padded("Child Abduction Emergency"),
          urgency: padded("Immediate"),
          severity: padded("Severe"),
          certainty: padded("Likely"),
          eventCodeName: padded("SAME"),
          eventCodeValue: padded("CAE"),
          effective: padded("2024-05-01T14:30:00-05:00"),
          expires: padded("2024-05-02T14:30:00-05:00"),
          headline: padded("TEST AMBER Alert - invented data"),
          description: padded("Invented test case."),
          web: padded("https://alerts.example/TEST-XML-0001"),
          parameterName: padded("caseNumber"),
          parameterValue: padded("TEST-CASE-1"),
          resourceDesc: padded("photo (generated placeholder)"),
          mimeType: padded("image/png"),
          uri: padded("https://alerts.example/placeholder.png"),
          areaDesc: padded("Example County"),
          polygon: padded("45,-74 45,-73 46,-73 46,-74 45,-74"),
          circle: padded("45.5,-73.5 10"),
          geocodeName: padded("SAME"),
          geocodeValue: padded("099001"),
        }),
      );
      expect(result.errors).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([]);
      expect(onlyAlert(result)).to.deep.equal(plainAlert());
    });

    it("whitespace between coordinates of every kind", () => {
      const info = infoAt(
        onlyAlert(
          parse(
            capTemplate({
              polygon: "45,-74\n45,-73\t46,-73\r\n   46,-74 \n\n 45,-74",
              circle: "45.5,-73.5\t\n10",
            }),
          ),
        ),
        0,
      );
      const area = areaAt(info, 0);
      expect(area.polygon).to.deep.equal([
        [
          [45, -74],
          [45, -73],
          [46, -73],
          [46, -74],
          [45, -74],
        ],
      ]);
      expect(area.circle).to.deep.equal([
        { lat: 45.5, lon: -73.5, radius: 10 },
      ]);
    });

    it("space after a coordinate comma", () => {
      const area = areaAt(
        infoAt(
          onlyAlert(
            parse(
              capTemplate({
                polygon: "45, -74 45, -73 46, -73 46, -74 45, -74",
                circle: "45.5, -73.5 10",
              }),
            ),
          ),
          0,
        ),
        0,
      );
      expect(area.polygon[0]).to.have.length(5);
      expect(area.polygon[0]![1]).to.deep.equal([45, -73]);
      expect(area.circle).to.deep.equal([
        { lat: 45.5, lon: -73.5, radius: 10 },
      ]);
    });

    it("line breaks inside free text kept", () => {
      const info = infoAt(
        onlyAlert(
          parse(
            capTemplate({
              description: "\n   First line.\n   Second line.\n",
              parameterValue: "\n  a\n  b\n",
            }),
          ),
        ),
        0,
      );
      expect(info.description).to.equal("First line.\n   Second line.");
      expect(info.parameter[0]!.value).to.equal("a\n  b");
    });

    it("space inside a time is invalid", () => {
      const result = parse(
        capTemplate({ expires: "2024-05-02T14:30:00 -05:00" }),
      );
      const alert = onlyAlert(result);
      expect(infoAt(alert, 0)).to.not.have.property("expires");
      const invalid = issuesWith(result.errors, "invalid-time");
      expect(invalid).to.have.length(1);
      expect(invalid[0]!.path).to.equal("info[0].expires");
      expect(invalid[0]!.value).to.equal("2024-05-02T14:30:00 -05:00");
    });

    it("whitespace-only required value is missing", () => {
      const result = parse(capTemplate({ identifier: padded("") }));
      expect(result.alerts).to.deep.equal([]);
      expect(codesOf(result.errors)).to.deep.equal(["missing-element"]);
      expect(result.errors[0]!.message).to.include("identifier");
    });
  });

  describe("namespace prefixes", () => {
    it("cap: on every element reads alike", () => {
      const result = parse(capTemplate({}, { prefix: "cap" }));
      expect(result.errors).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([]);
      expect(onlyAlert(result)).to.deep.equal(plainAlert());
    });

    for (const namespace of [
      "urn:oasis:names:tc:emergency:cap:1.1",
      "urn:oasis:names:tc:emergency:cap:1.0",
      "http://www.incident.com/cap/1.0",
    ]) {
      it(`prefixed ${namespace}`, () => {
        const result = parse(capTemplate({}, { prefix: "cap", namespace }));
        expect(result.format).to.equal("cap");
        expect(result.warnings).to.deep.equal([]);
        expect(onlyAlert(result)).to.deep.equal(plainAlert());
      });
    }

    it("any prefix, mixed with the default namespace", () => {
      const mixed = capTemplate({}, { prefix: "c" })
        .replace(
          `<c:alert xmlns:c="${CAP12}">`,
          `<c:alert xmlns:c="${CAP12}" xmlns="${CAP12}">`,
        )
        .replaceAll("<c:info>", "<info>")
        .replaceAll("</c:info>", "</info>")
        .replaceAll("<c:areaDesc>", "<areaDesc>")
        .replaceAll("</c:areaDesc>", "</areaDesc>");
      const result = parse(mixed);
      expect(result.warnings).to.deep.equal([]);
      expect(onlyAlert(result)).to.deep.equal(plainAlert());
    });

    it("prefix declared on a wrapper", () => {
      const inner = capTemplate({}, { prefix: "cap" }).replace(
        ` xmlns:cap="${CAP12}"`,
        "",
      );
      const result = parse(
        `<alerts xmlns:cap="${CAP12}"><cap:list>${inner}</cap:list></alerts>`,
      );
      expect(result.format).to.equal("cap-container");
      expect(result.warnings).to.deep.equal([]);
      expect(onlyAlert(result)).to.deep.equal(plainAlert());
    });

    it("undeclared prefix warned once", () => {
      const text = capTemplate({}, { prefix: "cap" }).replace(
        ` xmlns:cap="${CAP12}"`,
        "",
      );
      const result = parse(text);
      expect(onlyAlert(result)).to.deep.equal(plainAlert());
      // One for the undeclared prefix, one for the alert read without a
      // CAP namespace; not one for each of its 40 elements.
      expect(codesOf(result.warnings)).to.deep.equal([
        "namespace",
        "namespace",
      ]);
      expect(result.warnings[0]!.value).to.equal("cap:alert");
      expect(result.warnings[1]!.entry).to.equal("alert 1");
    });

    it("no namespace at all is read with a warning", () => {
      const text = capTemplate().replace(` xmlns="${CAP12}"`, "");
      const result = parse(text);
      expect(result.format).to.equal("cap");
      expect(codesOf(result.warnings)).to.deep.equal(["namespace"]);
      expect(onlyAlert(result)).to.deep.equal(plainAlert());
    });

    it("alert without identifier in a foreign namespace is not CAP", () => {
      const result = parse(
        `<alert xmlns="urn:example:other"><status>Actual</status></alert>`,
      );
      expect(result.format).to.equal("xml");
      expect(result.alerts).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(codesOf(result.warnings)).to.deep.equal(["no-alert"]);
    });
  });

  describe("references", () => {
    it("triples across lines, tabs and CRLF", () => {
      const alert = onlyAlert(
        parse(
          capTemplate({
            msgType: "Update",
            references:
              "\r\n  s@x.example,ID-1,2024-05-01T09:00:00-04:00\r\n\t\ts@x.example,ID-2,2024-05-01T10:00:00-04:00   s@x.example,ID-3,2024-05-01T11:00:00-04:00\n",
          }),
        ),
      );
      expect(
        alert.references.map((reference) => reference.identifier),
      ).to.deep.equal(["ID-1", "ID-2", "ID-3"]);
    });

    it("unusual offsets kept as written", () => {
      const sents = [
        "2024-05-01T09:00:00+05:45",
        "2024-05-01T09:00:00-09:30",
        "2024-05-01T09:00:00+14:00",
        "2024-05-01T09:00:00-12:00",
        "2024-05-01T09:00:00+13:45",
        "2024-05-01T09:00:00.123Z",
        "2024-05-01T09:00:00-00:00",
        "2024-05-01T09:00:00Z",
      ];
      const alert = onlyAlert(
        parse(
          capTemplate({
            msgType: "Cancel",
            references: sents
              .map((sent, index) => `s@x.example,ID-${index},${sent}`)
              .join("\n"),
          }),
        ),
      );
      expect(alert.references.map((reference) => reference.sent)).to.deep.equal(
        sents,
      );
    });

    it("broken triples dropped with a warning each", () => {
      const result = parse(
        capTemplate({
          msgType: "Update",
          references: [
            "s@x.example,GOOD,2024-05-01T09:00:00-04:00",
            "s@x.example,NO-SENT",
            "s@x.example,,2024-05-01T09:00:00-04:00",
            ",NO-SENDER,2024-05-01T09:00:00-04:00",
            "s@x.example,EXTRA,2024-05-01T09:00:00-04:00,more",
          ].join(" "),
        }),
      );
      const alert = onlyAlert(result);
      expect(alert.references).to.deep.equal([
        {
          sender: "s@x.example",
          identifier: "GOOD",
          sent: "2024-05-01T09:00:00-04:00",
        },
      ]);
      const dropped = issuesWith(result.warnings, "invalid-value");
      expect(dropped.map((warning) => warning.path)).to.deep.equal([
        "references[1]",
        "references[2]",
        "references[3]",
        "references[4]",
      ]);
      expect(dropped[0]!.value).to.equal("s@x.example,NO-SENT");
    });

    it("Update without references warned", () => {
      const result = parse(capTemplate({ msgType: "Update" }));
      expect(onlyAlert(result).references).to.deep.equal([]);
      expect(codesOf(result.warnings)).to.deep.equal(["missing-element"]);
    });
  });

  describe("empty optional elements", () => {
    it('empty lists are empty, not [""]', () => {
      const result = parse(
        capTemplate({
          references: "",
          incidents: "  ",
          code: "",
          category: "",
        }),
      );
      const alert = onlyAlert(result);
      expect(alert.references).to.deep.equal([]);
      expect(alert.incidents).to.deep.equal([]);
      expect(alert.code).to.deep.equal([]);
      expect(infoAt(alert, 0).category).to.deep.equal([]);
    });

    it("empty times, URLs and texts are absent", () => {
      const result = parse(
        capTemplate({
          effective: "",
          expires: " ",
          web: "",
          headline: "",
          description: "\n",
          uri: "",
        }),
      );
      expect(result.errors).to.deep.equal([]);
      const info = infoAt(onlyAlert(result), 0);
      for (const name of [
        "effective",
        "expires",
        "web",
        "headline",
        "description",
      ]) {
        expect(info, name).to.not.have.property(name);
      }
      expect(info.resource[0]).to.not.have.property("uri");
    });

    it("empty language becomes CAP's default", () => {
      const info = infoAt(onlyAlert(parse(capTemplate({ language: "" }))), 0);
      expect(info.language).to.equal("en-US");
    });

    it("empty geometry skipped with a warning", () => {
      const result = parse(capTemplate({ polygon: "", circle: " " }));
      const area = areaAt(infoAt(onlyAlert(result), 0), 0);
      expect(area.polygon).to.deep.equal([]);
      expect(area.circle).to.deep.equal([]);
      expect(
        issuesWith(result.warnings, "invalid-geometry").map(
          (warning) => warning.path,
        ),
      ).to.deep.equal([
        "info[0].area[0].polygon[0]",
        "info[0].area[0].circle[0]",
      ]);
    });

    it("pair without valueName dropped", () => {
      const result = parse(
        capTemplate({ geocodeName: "", eventCodeName: " " }),
      );
      const info = infoAt(onlyAlert(result), 0);
      expect(info.eventCode).to.deep.equal([]);
      expect(areaAt(info, 0).geocode).to.deep.equal([]);
      expect(
        issuesWith(result.warnings, "missing-element").map(
          (warning) => warning.path,
        ),
      ).to.deep.equal(["info[0].eventCode[0]", "info[0].area[0].geocode[0]"]);
    });

    it("empty pair value kept as empty", () => {
      const info = infoAt(
        onlyAlert(parse(capTemplate({ geocodeValue: "", parameterValue: "" }))),
        0,
      );
      expect(info.parameter).to.deep.equal([
        { valueName: "caseNumber", value: "" },
      ]);
      expect(areaAt(info, 0).geocode).to.deep.equal([
        { valueName: "SAME", value: "" },
      ]);
    });

    it("empty scope read as Public with a warning", () => {
      const result = parse(capTemplate({ scope: "" }));
      expect(onlyAlert(result).scope).to.equal("Public");
      expect(codesOf(result.warnings)).to.deep.equal(["missing-element"]);
      expect(result.warnings[0]!.path).to.equal("scope");
    });

    it("empty status rejects the alert", () => {
      const result = parse(capTemplate({ status: "" }));
      expect(result.alerts).to.deep.equal([]);
      expect(codesOf(result.errors)).to.deep.equal(["missing-element"]);
      expect(result.errors[0]!.path).to.equal("status");
    });

    it("status in the wrong case is fixed, unknown rejected", () => {
      const fixed = parse(capTemplate({ status: "actual" }));
      expect(onlyAlert(fixed).status).to.equal("Actual");
      expect(codesOf(fixed.warnings)).to.deep.equal(["invalid-value"]);
      const unknown = parse(capTemplate({ status: "Real" }));
      expect(unknown.alerts).to.deep.equal([]);
      expect(codesOf(unknown.errors)).to.deep.equal(["invalid-value"]);
      expect(unknown.errors[0]!.value).to.equal("Real");
    });
  });

  describe("missing end times", () => {
    it("expires absent: no issue", () => {
      const text = capTemplate().replace(/<expires>[^<]*<\/expires>/, "");
      const result = parse(text);
      expect(result.errors).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([]);
      expect(infoAt(onlyAlert(result), 0)).to.not.have.property("expires");
    });

    it("expires invalid: dropped, alert kept", () => {
      const result = parse(capTemplate({ expires: "tomorrow evening" }));
      expect(infoAt(onlyAlert(result), 0)).to.not.have.property("expires");
      expect(codesOf(result.errors)).to.deep.equal(["invalid-time"]);
      expect(result.errors[0]!.value).to.equal("tomorrow evening");
    });

    it("expires impossible date: dropped", () => {
      const result = parse(
        capTemplate({ expires: "2024-04-31T10:00:00-05:00" }),
      );
      expect(infoAt(onlyAlert(result), 0)).to.not.have.property("expires");
      expect(codesOf(result.errors)).to.deep.equal(["invalid-time"]);
    });

    it("expires without offset needs a zone", () => {
      const text = capTemplate({ expires: "2024-05-02T14:30:00" });
      const rejected = parse(text);
      expect(infoAt(onlyAlert(rejected), 0)).to.not.have.property("expires");
      expect(codesOf(rejected.errors)).to.deep.equal(["time-without-offset"]);

      const resolved = parse(text, { timeZone: "Europe/Athens" });
      expect(infoAt(onlyAlert(resolved), 0).expires).to.equal(
        "2024-05-02T14:30:00+03:00",
      );
      expect(codesOf(resolved.warnings)).to.deep.equal(["time-without-offset"]);
    });

    it("Z written as +00:00", () => {
      const alert = onlyAlert(
        parse(
          capTemplate({
            sent: "2024-05-01T19:30:00Z",
            expires: "2024-05-02T19:30:00.5Z",
          }),
        ),
      );
      expect(alert.sent).to.equal("2024-05-01T19:30:00+00:00");
      expect(infoAt(alert, 0).expires).to.equal(
        "2024-05-02T19:30:00.500+00:00",
      );
    });
  });

  describe("repeated and distinct messages", () => {
    const first = capTemplate();

    it("same message twice in a container", () => {
      const result = parse(`<alerts>${first}${first}</alerts>`);
      expect(result.alerts).to.have.length(1);
      expect(codesOf(result.warnings)).to.deep.equal(["duplicate"]);
    });

    it("same message in XML and escaped Atom content", () => {
      const escaped = first.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
      const result = parse(
        `<feed xmlns="http://www.w3.org/2005/Atom">` +
          `<entry><id>urn:a</id><content type="text/xml">${first}</content></entry>` +
          `<entry><id>urn:b</id><content type="text">${escaped}</content></entry></feed>`,
      );
      expect(result.alerts).to.have.length(1);
      expect(codesOf(result.warnings)).to.deep.equal(["duplicate"]);
    });

    it("same message in two RSS items", () => {
      const result = parse(
        `<rss version="2.0"><channel><item><guid>a</guid>${first}</item>` +
          `<item><guid>b</guid>${first}</item></channel></rss>`,
      );
      expect(result.format).to.equal("rss");
      expect(result.alerts).to.have.length(1);
      expect(codesOf(result.warnings)).to.deep.equal(["duplicate"]);
    });

    it("sent in Z and +00:00 is one message", () => {
      const result = parse(
        `<alerts>${capTemplate({ sent: "2024-05-01T19:30:00Z" })}` +
          `${capTemplate({ sent: "2024-05-01T19:30:00+00:00" })}</alerts>`,
      );
      expect(result.alerts).to.have.length(1);
      expect(codesOf(result.warnings)).to.deep.equal(["duplicate"]);
    });

    it("different sent, sender or identifier all kept", () => {
      const result = parse(
        `<alerts>${first}` +
          capTemplate({ sent: "2024-05-01T15:30:00-05:00" }) +
          capTemplate({ sender: "alerts@other-police.example" }) +
          capTemplate({ identifier: "TEST-XML-0002" }) +
          `</alerts>`,
      );
      expect(result.alerts).to.have.length(4);
      expect(result.warnings).to.deep.equal([]);
    });

    it("same link twice kept once, without a warning", () => {
      const entry = (id: string, href: string): string =>
        `<entry><id>${id}</id><link type="application/cap+xml" href="${href}"/></entry>`;
      const result = parse(
        `<feed xmlns="http://www.w3.org/2005/Atom">` +
          entry("urn:1", "https://alerts.example/a.xml") +
          entry("urn:2", "https://alerts.example/a.xml") +
          entry("urn:3", "/a.xml") +
          entry("urn:4", "https://alerts.example/b.xml") +
          `</feed>`,
        { baseUrl: "https://alerts.example/feed.atom" },
      );
      expect(
        result.links.map((link) => [link.url, link.entryId]),
      ).to.deep.equal([
        ["https://alerts.example/a.xml", "urn:1"],
        ["https://alerts.example/b.xml", "urn:4"],
      ]);
      expect(result.warnings).to.deep.equal([]);
    });
  });

  describe("NWS GeoJSON shapes", () => {
    const properties = {
      id: "urn:oid:TEST-NWS-1",
      sender: "alerts@state-police.example",
      sent: "2024-05-01T14:30:00-05:00",
      status: "Actual",
      messageType: "Alert",
      event: "Child Abduction Emergency",
      areaDesc: "Example County",
      geocode: { SAME: ["099001"], UGC: ["XXC001", "XXZ001"] },
      expires: "2024-05-01T18:30:00-05:00",
    };
    const ring = [
      [-74, 45],
      [-73, 45],
      [-73, 46],
      [-74, 46],
      [-74, 45],
    ];
    const hole = [
      [-73.8, 45.2],
      [-73.2, 45.2],
      [-73.2, 45.8],
      [-73.8, 45.2],
    ];

    function readGeometry(geometry: unknown): CapAlert {
      const result = parse(
        JSON.stringify({
          type: "FeatureCollection",
          features: [{ type: "Feature", geometry, properties }],
        }),
      );
      expect(result.errors).to.deep.equal([]);
      return onlyAlert(result);
    }

    it("single Feature", () => {
      const result = parse(
        JSON.stringify({ type: "Feature", geometry: null, properties }),
      );
      expect(result.format).to.equal("nws-geojson");
      const alert = onlyAlert(result);
      expect(alert.identifier).to.equal("urn:oid:TEST-NWS-1");
      expect(alert.scope).to.equal("Public");
      const area = areaAt(infoAt(alert, 0), 0);
      expect(area.geocode).to.deep.equal([
        { valueName: "SAME", value: "099001" },
        { valueName: "UGC", value: "XXC001" },
        { valueName: "UGC", value: "XXZ001" },
      ]);
    });

    it("Polygon swapped to latitude first", () => {
      const alert = readGeometry({
        type: "Polygon",
        coordinates: [ring, hole],
      });
      expect(areaAt(infoAt(alert, 0), 0).polygon).to.deep.equal([
        [
          [45, -74],
          [45, -73],
          [46, -73],
          [46, -74],
          [45, -74],
        ],
      ]);
    });

    it("MultiPolygon and GeometryCollection", () => {
      const shifted = ring.map(([lon, lat]) => [lon! - 2, lat!]);
      const multi = readGeometry({
        type: "MultiPolygon",
        coordinates: [[ring], [shifted, hole]],
      });
      expect(
        areaAt(infoAt(multi, 0), 0).polygon.map((p) => p[0]),
      ).to.deep.equal([
        [45, -74],
        [45, -76],
      ]);
      const collection = readGeometry({
        type: "GeometryCollection",
        geometries: [
          { type: "Polygon", coordinates: [ring] },
          { type: "Point", coordinates: [-74, 45] },
          { type: "MultiPolygon", coordinates: [[shifted]] },
        ],
      });
      expect(areaAt(infoAt(collection, 0), 0).polygon).to.have.length(2);
    });

    it("ends null or parameter already given", () => {
      const withNull = parse(
        JSON.stringify({
          type: "Feature",
          properties: { ...properties, ends: null },
        }),
      );
      expect(infoAt(onlyAlert(withNull), 0).parameter).to.deep.equal([]);

      const withParameter = parse(
        JSON.stringify({
          type: "Feature",
          properties: {
            ...properties,
            ends: "2024-05-01T23:00:00-05:00",
            parameters: { eventEndingTime: ["2024-05-01T22:00:00-05:00"] },
          },
        }),
      );
      expect(infoAt(onlyAlert(withParameter), 0).parameter).to.deep.equal([
        { valueName: "eventEndingTime", value: "2024-05-01T22:00:00-05:00" },
      ]);
    });

    it("feature without id is skipped with an error", () => {
      const { id: _unused, ...withoutId } = properties;
      const result = parse(
        JSON.stringify({
          type: "FeatureCollection",
          features: [
            { type: "Feature", properties: withoutId },
            { type: "Feature", properties },
          ],
        }),
      );
      expect(onlyAlert(result).identifier).to.equal("urn:oid:TEST-NWS-1");
      expect(codesOf(result.errors)).to.deep.equal(["missing-element"]);
      expect(result.errors[0]!.entry).to.equal("feature 1");
    });
  });
});
