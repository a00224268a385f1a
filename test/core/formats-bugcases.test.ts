/**
 * The parsing side of each invented bug case in test/fixtures/bugcases.
 * The geometry and lifecycle sides of the same files are tested with the
 * geo and lifecycle modules.
 */
import { expect } from "chai";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import type { ParseResult } from "../../shared/model/feed.js";
import { capTimeToEpochMs } from "../../shared/time/cap-time.js";
import { loadFixture, loadFixtureText } from "../helpers/fixtures.js";
import { requestsDuring } from "../helpers/network-spy.js";
import {
  areaAt,
  codesOf,
  infoAt,
  issuesWith,
  onlyAlert,
  pairValues,
  parse,
  parseFixture,
} from "../helpers/parse-fixture.js";

const DIR = "bugcases";

describe("parseFeed on bug cases", () => {
  it("B06: empty optional elements are absent", async () => {
    const result = await parseFixture(`${DIR}/B06-empty-references.xml`);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("TEST-B06-0001");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.references).to.deep.equal([]);
    expect(alert.incidents).to.deep.equal([]);
    expect(alert.code).to.deep.equal(["profile:CAP-CP:0.4"]);
    for (const name of ["source", "restriction", "addresses", "note"]) {
      expect(alert, name).to.not.have.property(name);
    }
    const info = infoAt(alert, 0);
    expect(info).to.not.have.property("contact");
    expect(info.expires).to.equal("2024-05-01T22:00:00-00:00");
    expect(areaAt(info, 0).geocode).to.deep.equal([
      { valueName: "profile:CAP-CP:Location:0.3", value: "3506008" },
    ]);
  });

  it("B07: whitespace around every value is trimmed", async () => {
    const result = await parseFixture(`${DIR}/B07-whitespace-in-values.xml`);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("TEST-B07-0002");
    expect(alert.sent).to.equal("2024-05-01T11:00:00-04:00");
    expect(alert.msgType).to.equal("Update");
    expect(alert.code).to.deep.equal(["profile:CAP-CP:0.4"]);
    expect(alert.references).to.deep.equal([
      {
        sender: "alerts@provincial-police.example",
        identifier: "TEST-B07-0000",
        sent: "2024-05-01T09:00:00-04:00",
      },
      {
        sender: "alerts@provincial-police.example",
        identifier: "TEST-B07-0001",
        sent: "2024-05-01T10:00:00-04:00",
      },
    ]);
    const area = areaAt(infoAt(alert, 0), 0);
    expect(area.polygon).to.deep.equal([
      [
        [45, -74],
        [45, -73],
        [46, -73],
        [46, -74],
        [45, -74],
      ],
    ]);
    expect(area.geocode).to.deep.equal([
      { valueName: "profile:CAP-CP:Location:0.3", value: "3506008" },
    ]);
  });

  it("B08: Cancel reference keeps its Z time", async () => {
    const result = await parseFixture(`${DIR}/B08-cancel-references.xml`);
    expect(result.format).to.equal("cap-container");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.have.length(2);
    const [alert, cancel] = result.alerts;
    expect(alert!.identifier).to.equal("TEST-B08-0001");
    expect(alert!.msgType).to.equal("Alert");
    expect(alert!.sent).to.equal("2024-05-01T14:30:00-05:00");
    expect(cancel!.identifier).to.equal("TEST-B08-0002");
    expect(cancel!.msgType).to.equal("Cancel");
    expect(cancel!.sent).to.equal("2024-05-01T18:05:00-05:00");
    expect(cancel!.references).to.deep.equal([
      {
        sender: "alerts@state-police.example",
        identifier: "TEST-B08-0001",
        sent: "2024-05-01T19:30:00Z",
      },
    ]);
    // The same instant, written two ways.
    expect(capTimeToEpochMs(cancel!.references[0]!.sent)).to.equal(
      capTimeToEpochMs(alert!.sent),
    );
    expect(infoAt(cancel!, 0).urgency).to.equal("Past");
  });

  it("B09: Update with a new identifier", async () => {
    const result = await parseFixture(`${DIR}/B09-update-new-identifier.xml`);
    expect(result.format).to.equal("cap-container");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
      "TEST-B09-0001",
      "TEST-B09-0002",
    ]);
    const update = result.alerts[1]!;
    expect(update.msgType).to.equal("Update");
    expect(update.sent).to.equal("2024-05-01T16:00:00-05:00");
    expect(update.references).to.deep.equal([
      {
        sender: "alerts@state-police.example",
        identifier: "TEST-B09-0001",
        sent: "2024-05-01T14:30:00-05:00",
      },
    ]);
    const info = infoAt(update, 0);
    expect(info.description).to.equal(
      "Updated: suspect vehicle is a green pickup (invented).",
    );
    expect(info.expires).to.equal("2024-05-02T16:00:00-05:00");
    expect(pairValues(areaAt(info, 0).geocode, "SAME")).to.deep.equal([
      "099001",
      "099003",
    ]);
  });

  it("B11: duplicate entries read once", async () => {
    const result = await parseFixture(`${DIR}/B11-duplicate-entries.atom`);
    expect(result.format).to.equal("atom");
    expect(result.errors).to.deep.equal([]);
    expect(result.links).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("TEST-B11-0001");
    expect(alert.sent).to.equal("2024-05-01T14:30:00-05:00");
    expect(codesOf(result.warnings)).to.deep.equal(["duplicate"]);
    expect(result.warnings[0]!.entry).to.equal("TEST-B11-0001");
  });

  it("B12: two senders' alerts both kept", async () => {
    const result = await parseFixture(
      `${DIR}/B12-same-incident-two-senders.xml`,
    );
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(
      result.alerts.map((alert) => [alert.sender, alert.identifier]),
    ).to.deep.equal([
      ["alerts@state-a-police.example", "TEST-B12-A-0001"],
      ["alerts@state-b-police.example", "TEST-B12-B-0001"],
    ]);
    for (const alert of result.alerts) {
      expect(alert.incidents).to.deep.equal(["CASE-EXAMPLE-2024-0501"]);
      expect(alert.references).to.deep.equal([]);
    }
    expect(infoAt(result.alerts[1]!, 0).headline).to.equal(
      "TEST AMBER Alert (State B, relayed) - invented data",
    );
  });

  it("B14: NWS shape, expires before ends", async () => {
    const result = await parseFixture(`${DIR}/B14-expires-before-ends.json`);
    expect(result.format).to.equal("nws-geojson");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("urn:oid:2.49.0.1.840.0.TEST-B14.001.1");
    expect(alert.sender).to.equal("alerts@state-police.example");
    expect(alert.sent).to.equal("2024-05-01T14:30:00-05:00");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.references).to.deep.equal([]);
    const info = infoAt(alert, 0);
    expect(info.event).to.equal("Child Abduction Emergency");
    expect(info.category).to.deep.equal(["Rescue"]);
    expect(info.responseType).to.deep.equal(["Monitor"]);
    expect(info.expires).to.equal("2024-05-01T18:30:00-05:00");
    expect(info).to.not.have.property("instruction");
    expect(pairValues(info.parameter, "eventEndingTime")).to.deep.equal([
      "2024-05-01T23:00:00-05:00",
    ]);
    const area = areaAt(info, 0);
    expect(area.polygon).to.deep.equal([]);
    expect(area.geocode).to.deep.equal([
      { valueName: "SAME", value: "099001" },
      { valueName: "UGC", value: "XXC001" },
    ]);
  });

  it("B14: ends alone becomes eventEndingTime", async () => {
    const json = JSON.parse(
      await loadFixtureText(`${DIR}/B14-expires-before-ends.json`),
    ) as { features: { properties: Record<string, unknown> }[] };
    delete json.features[0]!.properties["parameters"];
    const info = infoAt(onlyAlert(parse(JSON.stringify(json))), 0);
    expect(info.parameter).to.deep.equal([
      { valueName: "eventEndingTime", value: "2024-05-01T23:00:00-05:00" },
    ]);
  });

  it("B15: no expires, no error", async () => {
    const result = await parseFixture(`${DIR}/B15-no-expires.xml`);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const info = infoAt(onlyAlert(result), 0);
    expect(info).to.not.have.property("expires");
    expect(info).to.not.have.property("effective");
    expect(info).to.not.have.property("onset");
    expect(info.headline).to.equal("TEST AMBER Alert - invented data");
  });

  it("B18: UTF-8 byte-order mark skipped", async () => {
    const bytes = await loadFixture(`${DIR}/B18-utf8-bom.xml`);
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const result = await parseFixture(`${DIR}/B18-utf8-bom.xml`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(onlyAlert(result).identifier).to.equal("TEST-B18-0001");

    // The same file as text that still starts with U+FEFF.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.charCodeAt(0)).to.equal(0xfeff);
    expect(parse(text).alerts).to.deep.equal(result.alerts);
  });

  it("B19: entities left as written", async () => {
    const bytes = await loadFixture(`${DIR}/B19-entity-expansion.xml`);
    let result: ParseResult | undefined;
    const requested = requestsDuring(() => {
      result = parseFeed(bytes);
    });
    expect(requested).to.deep.equal([]);
    expect(result!.format).to.equal("cap");
    expect(result!.fatal).to.equal(false);
    expect(result!.errors).to.deep.equal([]);
    expect(codesOf(result!.warnings)).to.deep.equal([
      "doctype-ignored",
      "entity-not-expanded",
      "entity-not-expanded",
    ]);
    expect(
      issuesWith(result!.warnings, "entity-not-expanded").map(
        (warning) => warning.value,
      ),
    ).to.deep.equal(["&c;", "&ext;"]);
    const info = infoAt(onlyAlert(result!), 0);
    expect(info.headline).to.equal("TEST &c;");
    expect(info.description).to.equal("&ext;");
    // Nothing in the result is longer than the document it came from.
    expect(JSON.stringify(result!.alerts).length).to.be.lessThan(bytes.length);
  });
});
