/**
 * parseFeed on the real files from brightsky (DWD), filtered-alert-hub,
 * IBM/cap, the IFRC Alert Hub, meteoalert-api (Meteoalarm), pynws (NWS API)
 * and rs-cap. The expected values were read from the files.
 */
import { expect } from "chai";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { capTimeToEpochMs } from "../../shared/time/cap-time.js";
import { loadFixtureText } from "../helpers/fixtures.js";
import {
  areaAt,
  codesOf,
  infoAt,
  issuesWith,
  onlyAlert,
  pairValue,
  pairValues,
  parse,
  parseFixture,
} from "../helpers/parse-fixture.js";

const DWD =
  "realdata/brightsky-dwd/2.49.0.0.276.0.DWD.PVW.1687511640000.0d1a4fb5-251a-46fc-aae3-a688d2021e71.MUL.xml";
const RED_CROSS = "realdata/filtered-alert-hub/msg_test_public_fr_of_hp.xml";
const METEOALARM = "realdata/meteoalert-api";
const NWS = "realdata/pynws/alerts_active_zone_second.json";
const RS_CAP = "realdata/rs-cap";

describe("parseFeed on brightsky-dwd", () => {
  it("DWD Update in eight languages", async () => {
    const result = await parseFixture(DWD);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "2.49.0.0.276.0.DWD.PVW.1687511640000.0d1a4fb5-251a-46fc-aae3-a688d2021e71.MUL",
    );
    expect(alert.sender).to.equal("opendata@dwd.de");
    expect(alert.sent).to.equal("2023-06-23T11:14:00+02:00");
    expect(alert.msgType).to.equal("Update");
    expect(alert.source).to.equal("PVW");
    expect(alert.code).to.deep.equal([
      "id:2.49.0.0.276.0.DWD.PVW.1687511640000.0d1a4fb5-251a-46fc-aae3-a688d2021e71",
    ]);
    expect(alert.references).to.deep.equal([
      {
        sender: "opendata@dwd.de",
        identifier:
          "2.49.0.0.276.0.DWD.PVW.1687503060000.fc4f7fd9-80e7-4d71-969a-254be3e27e83.MUL",
        sent: "2023-06-23T08:51:00+02:00",
      },
    ]);
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "de-DE",
      "en",
      "fr",
      "es",
      "ar",
      "ru",
      "tr",
      "pl",
    ]);
    // The Spanish event is written with a trailing space.
    expect(alert.info.map((info) => info.event)).to.deep.equal([
      "STARKREGEN",
      "heavy rain",
      "fortes pluies",
      "Lluvia intensa",
      "أمطار غزيرة",
      "Ливень",
      "yoğun yağmur",
      "Ulewa",
    ]);
    expect(infoAt(alert, 7).headline).to.equal(
      "Oficjalne OSTRZEŻENIE METEOROLOGICZNE (2. STOPNIA) przed ULEWAMI",
    );

    const german = infoAt(alert, 0);
    expect(german.responseType).to.deep.equal(["Prepare"]);
    expect(german.urgency).to.equal("Immediate");
    expect(german.eventCode).to.have.length(5);
    expect(pairValue(german.eventCode, "LICENSE")).to.equal(
      "© GeoBasis-DE / BKG 2021 (Daten modifiziert)",
    );
    expect(pairValue(german.eventCode, "AREA_COLOR")).to.equal("251 140 0");
    expect(german.effective).to.equal("2023-06-23T11:14:00+02:00");
    expect(german.onset).to.equal("2023-06-23T11:14:00+02:00");
    expect(german.expires).to.equal("2023-06-23T15:00:00+02:00");
    expect(german.headline).to.equal("Amtliche WARNUNG vor STARKREGEN");
    expect(german.parameter).to.deep.equal([
      { valueName: "precipitation", value: "20-30 [l/m² in 6h]" },
    ]);
    expect(german.web).to.equal("https://www.wettergefahren.de/");
    expect(
      german.area.map((area) => [
        area.areaDesc,
        area.polygon.length,
        area.geocode.map((pair) => `${pair.valueName}=${pair.value}`),
      ]),
    ).to.deep.equal([
      ["polygonal event area", 1, []],
      ["Stadt Havelsee", 0, ["WARNCELLID=812069270"]],
      ["Gemeinde Milower Land", 0, ["WARNCELLID=812063189"]],
      ["Gemeinde Beetzsee", 0, ["WARNCELLID=812069018"]],
    ]);
    const eventArea = areaAt(german, 0);
    expect(eventArea.polygon[0]).to.have.length(72);
    expect(eventArea.polygon[0]![0]).to.deep.equal([52.625569, 12.172358]);
    expect(eventArea.altitude).to.equal(0);
    expect(eventArea.ceiling).to.equal(9842.5197);
  });
});

describe("parseFeed on filtered-alert-hub", () => {
  it("sent without offset rejected", async () => {
    const result = await parseFixture(RED_CROSS);
    expect(result.format).to.equal("cap");
    expect(result.fatal).to.equal(false);
    expect(result.alerts).to.deep.equal([]);
    expect(codesOf(result.errors)).to.deep.equal([
      "time-without-offset",
      "invalid-time",
    ]);
    const [noOffset] = result.errors;
    expect(noOffset!.path).to.equal("sent");
    expect(noOffset!.value).to.equal("2016-03-10T22:12:03.770");
    expect(noOffset!.entry).to.equal("alert 1 (msg_test_public_fr_of_hp)");
  });

  it("sent read in configured zone", async () => {
    const result = await parseFixture(RED_CROSS, {
      timeZone: "Pacific/Auckland",
    });
    expect(result.errors).to.deep.equal([]);
    const alert = onlyAlert(result);
    // New Zealand daylight time (+13:00) was in force on 10 March 2016.
    expect(alert.sent).to.equal("2016-03-10T22:12:03.770+13:00");
    expect(capTimeToEpochMs(alert.sent)).to.equal(
      Date.UTC(2016, 2, 10, 9, 12, 3, 770),
    );
    const noOffset = issuesWith(result.warnings, "time-without-offset");
    expect(noOffset).to.have.length(1);
    expect(noOffset[0]!.path).to.equal("sent");
    expect(noOffset[0]!.value).to.equal("2016-03-10T22:12:03.770");
    expect(codesOf(result.warnings)).to.deep.equal([
      "time-without-offset",
      "invalid-geometry",
    ]);

    expect(alert.identifier).to.equal("msg_test_public_fr_of_hp");
    expect(alert.sender).to.equal("Eliot.Christian@redcross.org");
    expect(alert.status).to.equal("Test");
    expect(alert.msgType).to.equal("Update");
    expect(alert.addresses).to.equal("emergency.manager@isp.net");
    expect(alert.note).to.equal("Disregard the referenced alert.");
    // A reference is kept as written, offset or not.
    expect(alert.references).to.deep.equal([
      {
        sender: "Eliot.Christian@redcross.org",
        identifier: "urn:oid:2.49.0.3.1.127.2016.3.10.10.10.12.3.764",
        sent: "2016-03-10T22:12:03.764",
      },
    ]);
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("fr");
    expect(info.event).to.equal("flood");
    expect(info.responseType).to.deep.equal(["Shelter"]);
    expect(info.expires).to.equal("2016-03-11T08:00:00-00:00");
    expect(info.senderName).to.equal("New Zealand Red Cross");
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal(
      "North Island and South Island within 50 miles of Welllington.",
    );
    expect(area.polygon).to.deep.equal([
      [
        [-38.8, 173],
        [-41.2, 170.7],
        [-44, 175.3],
        [-41.2, 178],
        [-38.8, 173],
      ],
    ]);
    // <cap:circle/> is empty: skipped with a warning.
    expect(area.circle).to.deep.equal([]);
    expect(issuesWith(result.warnings, "invalid-geometry")[0]!.path).to.equal(
      "info[0].area[0].circle[0]",
    );
  });

  it("zone rules, not process zone", async () => {
    const cases: [string, string][] = [
      ["UTC", "2016-03-10T22:12:03.770+00:00"],
      ["Europe/Paris", "2016-03-10T22:12:03.770+01:00"],
      ["America/New_York", "2016-03-10T22:12:03.770-05:00"],
      ["Asia/Kolkata", "2016-03-10T22:12:03.770+05:30"],
    ];
    for (const [timeZone, sent] of cases) {
      const result = await parseFixture(RED_CROSS, { timeZone });
      expect(onlyAlert(result).sent, timeZone).to.equal(sent);
    }
  });

  it("unknown zone still rejects", async () => {
    const result = await parseFixture(RED_CROSS, { timeZone: "Mars/Olympus" });
    expect(result.alerts).to.deep.equal([]);
    expect(codesOf(result.errors)).to.deep.equal([
      "time-without-offset",
      "invalid-time",
    ]);
  });
});

describe("parseFeed on IBM/cap", () => {
  it("OASIS AMBER example, two languages", async () => {
    const result = await parseFixture(
      "realdata/ibm-cap/cap_amber_alert_example.xml",
    );
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("KAR0-0306112239-SW");
    expect(alert.sender).to.equal("KARO@CLETS.DOJ.CA.GOV");
    expect(alert.sent).to.equal("2003-06-11T22:39:00-07:00");
    expect(alert.status).to.equal("Actual");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.source).to.equal("SW");
    expect(alert.scope).to.equal("Public");
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "en-US",
      "es-US",
    ]);

    const english = infoAt(alert, 0);
    expect(english.category).to.deep.equal(["Rescue"]);
    expect(english.event).to.equal("Child Abduction");
    expect(english.eventCode).to.deep.equal([
      { valueName: "SAME", value: "CAE" },
    ]);
    expect(english.senderName).to.equal("Los Angeles Police Dept - LAPD");
    expect(english.headline).to.equal("Amber Alert in Los Angeles County");
    expect(english.description).to.include(`BLK/BRO 3'0", 40 LBS.`);
    expect(english.expires).to.equal(undefined);
    expect(english.contact).to.equal(
      "DET. SMITH, 77TH DIV, LOS ANGELES POLICE DEPT-LAPD AT 213 485-2389",
    );
    expect(areaAt(english, 0)).to.deep.equal({
      areaDesc: "Los Angeles County",
      polygon: [],
      circle: [],
      geocode: [{ valueName: "SAME", value: "006037" }],
    });

    const spanish = infoAt(alert, 1);
    expect(spanish.event).to.equal("Abducción de Niño");
    expect(spanish.senderName).to.equal(
      "Departamento de Policía de Los Ángeles - LAPD",
    );
    expect(spanish.headline).to.equal(
      "Alerta Amber en el condado de Los Ángeles",
    );
    expect(areaAt(spanish, 0).areaDesc).to.equal("condado de Los Ángeles");
  });
});

describe("parseFeed on the IFRC Alert Hub registry", () => {
  it("feeds.json is not a feed", async () => {
    const result = await parseFixture("realdata/ifrc-alert-hub/feeds.json");
    expect(result.fatal).to.equal(true);
    expect(result.format).to.equal(null);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links).to.deep.equal([]);
    expect(codesOf(result.errors)).to.deep.equal(["not-a-feed"]);
  });
});

describe("parseFeed on Meteoalarm files", () => {
  it("france_sample.xml: duplicate links collapsed", async () => {
    const result = await parseFixture(`${METEOALARM}/france_sample.xml`);
    expect(result.format).to.equal("atom");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.deep.equal([]);
    const base = "https://feeds.meteoalarm.org/api/v1/warnings/feeds-france";
    expect(result.links).to.deep.equal([
      {
        url: `${base}/04d497d4-d114-4d6b-93ba-13fa7ed577fe`,
        entryId: `${base}/04d497d4-d114-4d6b-93ba-13fa7ed577fe?index_info=1&index_area=5&index_geocode=0`,
        updated: "2022-12-07T15:00:58Z",
        identifier: "2.49.0.0.250.0.FR.20221207160058.764028",
        sent: "2022-12-07T15:00:58+00:00",
        expires: "2022-12-08T15:00:00+00:00",
        msgType: "Alert",
        status: "Actual",
      },
      {
        url: `${base}/2f32f9f9-06df-48aa-b0a0-10493ea07c51`,
        entryId: `${base}/2f32f9f9-06df-48aa-b0a0-10493ea07c51?index_info=1&index_area=5&index_geocode=0`,
        updated: "2022-12-07T05:01:26Z",
        identifier: "2.49.0.0.250.0.FR.20221207060126.964028",
        sent: "2022-12-07T05:01:26+00:00",
        expires: "2022-12-07T05:01:00+00:00",
        msgType: "Update",
        status: "Actual",
      },
    ]);
  });

  it("uk_sample.xml: four distinct links", async () => {
    const result = await parseFixture(`${METEOALARM}/uk_sample.xml`);
    expect(result.format).to.equal("atom");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const base =
      "https://feeds.meteoalarm.org/api/v1/warnings/feeds-united-kingdom";
    expect(
      result.links.map((link) => [
        link.url,
        link.identifier,
        link.msgType,
        link.sent,
        link.expires,
      ]),
    ).to.deep.equal([
      [
        `${base}/8dc8fa43-1146-455e-b831-4449ac7e10af`,
        "2.49.0.0.826.0.GB_221207102852_8785e37a.v3.0.SI",
        "Update",
        "2022-12-07T10:28:52+00:00",
        "2022-12-09T12:00:00+00:00",
      ],
      [
        `${base}/a4647d38-40ea-4c01-b874-4e2b3df383b9`,
        "2.49.0.0.826.0.GB_221207102835_a705d176.v1.0.SI",
        "Alert",
        "2022-12-07T10:28:35+00:00",
        "2022-12-09T12:00:00+00:00",
      ],
      [
        `${base}/3a6219b9-3875-4cb9-9c0d-874f619ec0b2`,
        "2.49.0.0.826.0.GB_221207102115_f8266282.v2.0.SI",
        "Update",
        "2022-12-07T10:21:15+00:00",
        "2022-12-08T12:00:00+00:00",
      ],
      [
        `${base}/bca9d20a-3857-4406-814e-19d011cb3d14`,
        "2.49.0.0.826.0.GB_221207092611_b5bb94b3.v2.0.SI",
        "Update",
        "2022-12-07T09:26:11+00:00",
        "2022-12-08T18:00:00+00:00",
      ],
    ]);
    for (const link of result.links) {
      expect(link.status).to.equal("Actual");
    }
    expect(result.links[1]!.entryId).to.equal(
      `${base}/a4647d38-40ea-4c01-b874-4e2b3df383b9?index_info=0&index_area=9&index_geocode=0`,
    );
  });

  it("france_sample_detail.xml: bilingual Update", async () => {
    const result = await parseFixture(`${METEOALARM}/france_sample_detail.xml`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "2.49.0.0.250.0.FR.20221207060126.964028",
    );
    expect(alert.sender).to.equal("vigilance@meteo.fr");
    expect(alert.sent).to.equal("2022-12-07T06:01:26+01:00");
    expect(alert.msgType).to.equal("Update");
    expect(alert.references).to.deep.equal([
      {
        sender: "vigilance@meteo.fr",
        identifier: "2.49.0.0.250.0.FR.20221206160108.315028",
        sent: "2022-12-06T16:01:08+01:00",
      },
    ]);
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "fr-FR",
      "en-GB",
    ]);
    const french = infoAt(alert, 0);
    expect(french.event).to.equal("Vigilance jaune avalanches");
    expect(french.responseType).to.deep.equal(["AllClear"]);
    expect(french.effective).to.equal("2022-12-07T06:01:00+01:00");
    expect(french.onset).to.equal("2022-12-07T06:00:00+01:00");
    expect(french.expires).to.equal("2022-12-07T06:01:00+01:00");
    // The publisher's "?" in place of apostrophes is kept as written.
    expect(french.instruction).to.include("au courant de l?evolution");
    expect(french.parameter).to.deep.equal([
      { valueName: "awareness_level", value: "2; yellow; Moderate" },
      { valueName: "awareness_type", value: "9; avalanches" },
    ]);
    expect(
      french.area.map((area) => [area.areaDesc, area.geocode[0]!.value]),
    ).to.deep.equal([
      ["Alpes de Haute Provence", "FR821"],
      ["Hautes Alpes", "FR822"],
      ["Alpes Maritimes", "FR823"],
      ["Isere", "FR714"],
      ["Savoie", "FR717"],
      ["Haute Savoie", "FR718"],
    ]);
    for (const area of french.area) {
      expect(area.geocode).to.have.length(1);
      expect(area.geocode[0]!.valueName).to.equal("NUTS3");
    }
    expect(infoAt(alert, 1).event).to.equal("Moderate avalanches warning");
    expect(infoAt(alert, 1).area).to.have.length(6);
  });

  it("uk_nothern_ireland_sample_detail.xml: geocode-only areas", async () => {
    const result = await parseFixture(
      `${METEOALARM}/uk_nothern_ireland_sample_detail.xml`,
    );
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "2.49.0.0.826.0.GB_221207102835_a705d176.v1.0.SI",
    );
    expect(alert.sender).to.equal(
      "https://www.metoffice.gov.uk/weather/warnings-and-advice/uk-warnings",
    );
    expect(alert.sent).to.equal("2022-12-07T10:28:35+00:00");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.source).to.equal("2.49.0.0.826.0.GB");
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-GB");
    expect(info.event).to.equal("Yellow ice warning");
    expect(info.onset).to.equal("2022-12-08T16:00:00+00:00");
    expect(info.expires).to.equal("2022-12-09T12:00:00+00:00");
    expect(info.headline).to.equal(
      "Some disruption is likely due to icy surfaces.",
    );
    expect(
      info.area.map((area) => [area.areaDesc, area.geocode[0]!.value]),
    ).to.deep.equal([
      ["East Midlands", "UK113"],
      ["East of England", "UK114"],
      ["North East England", "UK110"],
      ["North West England", "UK109"],
      ["Northern Ireland", "UK108"],
      ["SW Scotland, Lothian Borders", "UK107"],
      ["South West England", "UK115"],
      ["Strathclyde", "UK105"],
      ["Wales", "UK117"],
      ["Yorkshire & Humber", "UK111"],
    ]);
    for (const area of info.area) {
      expect(area.polygon).to.deep.equal([]);
      expect(area.geocode).to.have.length(1);
      expect(area.geocode[0]!.valueName).to.equal("EMMA_ID");
    }
  });

  it("ireland_sample_detail.xml: six polygons", async () => {
    const result = await parseFixture(
      `${METEOALARM}/ireland_sample_detail.xml`,
    );
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "2.49.0.1.372.0.221206232741.M_LowTemp003",
    );
    expect(alert.sender).to.equal("forecasts@met.ie");
    expect(alert.sent).to.equal("2022-12-06T23:27:41-00:00");
    expect(alert.incidents).to.deep.equal([]);
    const info = infoAt(alert, 0);
    expect(info.event).to.equal("Yellow Low Temperature/Ice");
    expect(info.effective).to.equal("2022-12-06T23:27:41-00:00");
    expect(info.onset).to.equal("2022-12-08T00:00:00-00:00");
    expect(info.expires).to.equal("2022-12-08T11:59:59-00:00");
    expect(info.senderName).to.equal("Met Éireann");
    expect(info.instruction).to.equal(undefined);
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("Ireland");
    expect(area.polygon.map((polygon) => polygon.length)).to.deep.equal([
      222, 66, 47, 149, 350, 235,
    ]);
    expect(area.polygon[0]![0]).to.deep.equal([53.7762, -7.40536]);
    expect(area.geocode).to.have.length(26);
    expect(pairValues(area.geocode, "FIPS").slice(0, 3)).to.deep.equal([
      "EI30",
      "EI21",
      "EI31",
    ]);
  });
});

describe("parseFeed on the NWS API (pynws)", () => {
  it("two Updates, null geometry", async () => {
    const result = await parseFixture(NWS);
    expect(result.format).to.equal("nws-geojson");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
      "NWS-IDP-PROD-3965873-3369046",
      "NWS-IDP-PROD-3965873-001",
    ]);

    const [first, second] = result.alerts;
    expect(first!.sender).to.equal("w-nws.webmaster@noaa.gov");
    expect(first!.sent).to.equal("2019-12-20T13:34:00-08:00");
    expect(first!.status).to.equal("Actual");
    expect(first!.msgType).to.equal("Update");
    expect(first!.scope).to.equal("Public");
    expect(first!.references).to.deep.equal([
      {
        sender: "w-nws.webmaster@noaa.gov",
        identifier: "NWS-IDP-PROD-3964821-3368352",
        sent: "2019-12-19T12:52:00-08:00",
      },
      {
        sender: "w-nws.webmaster@noaa.gov",
        identifier: "NWS-IDP-PROD-3965324-3368680",
        sent: "2019-12-20T01:47:00-08:00",
      },
      {
        sender: "w-nws.webmaster@noaa.gov",
        identifier: "NWS-IDP-PROD-3965155-3368578",
        sent: "2019-12-19T21:23:00-08:00",
      },
      {
        sender: "w-nws.webmaster@noaa.gov",
        identifier: "NWS-IDP-PROD-3963421-3367361",
        sent: "2019-12-18T12:29:00-08:00",
      },
    ]);
    expect(
      second!.references.map((reference) => reference.identifier),
    ).to.deep.equal([
      "NWS-IDP-PROD-3964821-001",
      "NWS-IDP-PROD-3965324-001",
      "NWS-IDP-PROD-3965155-001",
      "NWS-IDP-PROD-3963421-001",
    ]);

    const info = infoAt(first!, 0);
    expect(info.language).to.equal("en-US");
    expect(info.category).to.deep.equal(["Met"]);
    expect(info.event).to.equal("Flood Watch");
    expect(info.responseType).to.deep.equal(["Prepare"]);
    expect(info.urgency).to.equal("Future");
    expect(info.severity).to.equal("Severe");
    expect(info.certainty).to.equal("Possible");
    expect(info.effective).to.equal("2019-12-20T13:34:00-08:00");
    expect(info.onset).to.equal("2019-12-20T13:34:00-08:00");
    expect(info.expires).to.equal("2019-12-21T05:30:00-08:00");
    expect(info.senderName).to.equal("NWS Portland OR");
    expect(info.headline).to.equal(
      "Flood Watch issued December 20 at 1:34PM PST until December 22 at 10:00AM PST by NWS Portland OR",
    );
    expect(
      info.description!.startsWith(
        "The Flood Watch continues for\n\n* Portions of Northwest Oregon",
      ),
    ).to.equal(true);
    expect(pairValue(info.parameter, "VTEC")).to.equal(
      "/O.CON.KPQR.FA.A.0004.000000T0000Z-191222T1800Z/",
    );
    expect(pairValues(info.parameter, "BLOCKCHANNEL")).to.deep.equal([
      "CMAS",
      "EAS",
      "NWEM",
    ]);
    // `ends` is already given as the eventEndingTime parameter: not repeated.
    expect(pairValues(info.parameter, "eventEndingTime")).to.deep.equal([
      "2019-12-22T10:00:00-08:00",
    ]);
    // The message expires before the event ends.
    expect(capTimeToEpochMs(info.expires!)).to.be.lessThan(
      capTimeToEpochMs(pairValue(info.parameter, "eventEndingTime")!)!,
    );
    expect(pairValue(infoAt(second!, 0).parameter, "NWSheadline")).to.equal(
      "Second Alert",
    );

    expect(info.area).to.have.length(1);
    const area = areaAt(info, 0);
    expect(
      area.areaDesc.startsWith(
        "North Oregon Coast; Greater Portland Metro Area; Greater Vancouver Area;",
      ),
    ).to.equal(true);
    expect(area.polygon).to.deep.equal([]);
    expect(area.circle).to.deep.equal([]);
    expect(pairValues(area.geocode, "UGC")).to.deep.equal([
      "ORZ001",
      "ORZ006",
      "WAZ039",
      "WAZ022",
      "ORZ005",
      "ORZ004",
      "WAZ020",
      "WAZ021",
      "ORZ002",
      "ORZ003",
      "WAZ040",
    ]);
    expect(pairValues(area.geocode, "SAME")).to.have.length(16);
    expect(pairValues(area.geocode, "SAME")[0]).to.equal("041007");
    expect(pairValues(area.geocode, "SAME")[15]).to.equal("053059");
  });

  it("ends becomes eventEndingTime", async () => {
    const json = JSON.parse(await loadFixtureText(NWS)) as {
      features: { properties: { parameters: Record<string, unknown> } }[];
    };
    for (const feature of json.features) {
      delete feature.properties.parameters["eventEndingTime"];
    }
    const result = parse(JSON.stringify(json));
    expect(result.errors).to.deep.equal([]);
    for (const alert of result.alerts) {
      const parameters = infoAt(alert, 0).parameter;
      expect(pairValues(parameters, "eventEndingTime")).to.deep.equal([
        "2019-12-22T10:00:00-08:00",
      ]);
      expect(infoAt(alert, 0).expires).to.equal("2019-12-21T05:30:00-08:00");
    }
  });

  it("JSON-LD @graph reads alike", async () => {
    const json = JSON.parse(await loadFixtureText(NWS)) as {
      "@context": unknown;
      features: { properties: unknown }[];
    };
    const graph = {
      "@context": json["@context"],
      "@graph": json.features.map((feature) => feature.properties),
    };
    const fromGraph = parse(JSON.stringify(graph));
    expect(fromGraph.format).to.equal("nws-geojson");
    expect(fromGraph.errors).to.deep.equal([]);
    const fromCollection = parseFeed(JSON.stringify(json));
    expect(fromGraph.alerts).to.deep.equal(fromCollection.alerts);
    expect(fromGraph.alerts).to.have.length(2);
  });
});

describe("parseFeed on rs-cap files", () => {
  it("canada.xml: values over lines", async () => {
    const result = await parseFixture(`${RS_CAP}/canada.xml`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("urn:oid:2.49.0.1.124.1576205950.2019");
    expect(alert.sender).to.equal("cap-pac@canada.ca");
    expect(alert.sent).to.equal("2019-10-20T19:56:43-00:00");
    expect(alert.msgType).to.equal("Update");
    expect(alert.source).to.equal("Env. Can. - Can. Met. Ctr. – Montréal");
    expect(alert.code).to.have.length(6);
    expect(
      alert.note!.startsWith(
        "Service Notice: New and improved polygons have been implemented in ECCC CAP",
      ),
    ).to.equal(true);
    expect(
      alert.note!.endsWith(
        "http://lists.cmc.ec.gc.ca/mailman/listinfo/dd_info",
      ),
    ).to.equal(true);
    expect(alert.references).to.deep.equal([
      {
        sender: "cap-pac@canada.ca",
        identifier: "urn:oid:2.49.0.1.124.2009066053.2020",
        sent: "2020-06-30T15:14:57-00:00",
      },
      {
        sender: "cap-pac@canada.ca",
        identifier: "urn:oid:2.49.0.1.124.4006483626.2020",
        sent: "2020-06-30T15:15:57-00:00",
      },
      {
        sender: "cap-pac@canada.ca",
        identifier: "urn:oid:2.49.0.1.124.2373212916.2020",
        sent: "2020-06-30T19:42:35-00:00",
      },
    ]);
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "en-CA",
      "fr-CA",
    ]);
    const english = infoAt(alert, 0);
    expect(english.event).to.equal("weather");
    expect(english.eventCode).to.deep.equal([
      { valueName: "profile:CAP-CP:Event:0.4", value: "weather" },
    ]);
    expect(english.effective).to.equal("2019-10-20T19:55:43-00:00");
    expect(english.expires).to.equal("2019-10-21T11:55:43-00:00");
    expect(
      english.description!.startsWith(
        "Significant rainfall expected Monday night. Rain will begin Monday\n",
      ),
    ).to.equal(true);
    expect(english.parameter).to.have.length(11);
    expect(
      pairValue(english.parameter, "layer:EC-MSC-SMC:1.1:Parent_URI"),
    ).to.match(/^msc\/alert\/environment\/hazard\/alert-3\.0-ascii\/\S+$/);
    expect(
      pairValue(english.parameter, "layer:EC-MSC-SMC:1.1:CAP_count"),
    ).to.equal("A:5041 M:29714 C:52566");
    expect(
      english.area.map((area) => [
        area.areaDesc,
        area.polygon[0]!.length,
        area.geocode.length,
      ]),
    ).to.deep.equal([
      ["City of Thunder Bay", 19, 6],
      ["Cloud Bay - Dorion", 30, 8],
      ["Kakabeka Falls - Whitefish Lake - Arrow Lake", 9, 7],
    ]);
    expect(areaAt(english, 0).polygon[0]![0]).to.deep.equal([
      48.5448, -89.0388,
    ]);
    expect(areaAt(english, 0).polygon[0]![4]).to.deep.equal([
      48.3096, -89.1933,
    ]);
    expect(areaAt(english, 0).geocode[0]).to.deep.equal({
      valueName: "layer:EC-MSC-SMC:1.0:CLC",
      value: "048100",
    });

    const french = infoAt(alert, 1);
    expect(french.event).to.equal("météo");
    expect(french.headline).to.equal(
      "bulletin météorologique spécial en vigueur",
    );
    expect(
      french.description!.startsWith("D'importantes quantités de pluie"),
    ).to.equal(true);
    expect(
      pairValue(french.parameter, "layer:EC-MSC-SMC:1.0:Alert_Coverage"),
    ).to.equal("nord de l'Ontario");
    expect(french.area.map((area) => area.areaDesc)).to.deep.equal([
      "ville de Thunder Bay",
      "Cloud Bay - Dorion",
      "Kakabeka Falls - lac Whitefish - lac Arrow",
    ]);
  });

  it("canada_large.xml: 78 references", async () => {
    const result = await parseFixture(`${RS_CAP}/canada_large.xml`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("urn:oid:2.49.0.1.124.1411998356.2020");
    expect(alert.sent).to.equal("2020-07-10T08:55:56-00:00");
    expect(alert.msgType).to.equal("Update");
    expect(alert.references).to.have.length(78);
    expect(alert.references[0]).to.deep.equal({
      sender: "cap-pac@canada.ca",
      identifier: "urn:oid:2.49.0.1.124.2009066053.2020",
      sent: "2020-06-30T15:14:57-00:00",
    });
    expect(alert.references[77]).to.deep.equal({
      sender: "cap-pac@canada.ca",
      identifier: "urn:oid:2.49.0.1.124.1773529414.2020",
      sent: "2020-07-10T08:54:56-00:00",
    });
    expect(
      alert.info.map((info) => [info.language, info.event, info.headline]),
    ).to.deep.equal([
      ["en-CA", "heat", "heat warning in effect"],
      ["fr-CA", "chaleur", "avertissement de chaleur en vigeur"],
      ["en-CA", "heat", "heat warning ended"],
      ["fr-CA", "chaleur", "avertissement de chaleur annulé"],
    ]);
    expect(alert.info.map((info) => info.area.length)).to.deep.equal([
      11, 11, 2, 2,
    ]);
    const polygons = alert.info.flatMap((info) =>
      info.area.flatMap((area) => area.polygon),
    );
    expect(polygons).to.have.length(26);
    expect(
      infoAt(alert, 0).area.map((area) => area.polygon[0]!.length),
    ).to.deep.equal([21, 15, 7, 7, 13, 8, 8, 26, 17, 25, 20]);
    expect(areaAt(infoAt(alert, 0), 0).areaDesc).to.equal(
      "Greater Sudbury and vicinity",
    );
    expect(areaAt(infoAt(alert, 0), 0).polygon[0]![0]).to.deep.equal([
      46.2785, -80.4935,
    ]);
    expect(infoAt(alert, 2).expires).to.equal("2020-07-10T09:54:56-00:00");
    expect(infoAt(alert, 2).description).to.equal("###");
    expect(
      pairValues(
        infoAt(alert, 2).parameter,
        "layer:EC-MSC-SMC:1.0:Alert_Location_Status",
      ),
    ).to.deep.equal(["ended"]);
    expect(infoAt(alert, 0).parameter).to.have.length(12);
  });

  it("utah.cap: wrapped text, 1 km circle", async () => {
    const result = await parseFixture(`${RS_CAP}/utah.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("1576912563439");
    expect(alert.sender).to.equal("http://www.airnow.gov");
    expect(alert.sent).to.equal("2019-12-20T11:16:03-07:00");
    expect(alert.code).to.deep.equal(["IPAWSv1.0"]);
    const info = infoAt(alert, 0);
    expect(info.event).to.match(
      /^Particle Pollution \(2\.5 microns\) is forecast to reach 105 AQI - Unhealthy\n\s+for Sensitive Groups/,
    );
    expect(
      info.event.endsWith(
        "A(n) Air Quality Alert has been called for Sat 12/21/2019.",
      ),
    ).to.equal(true);
    expect(info.eventCode).to.deep.equal([{ valueName: "SAME", value: "WXR" }]);
    expect(info.effective).to.equal("2019-12-20T00:00:00-07:00");
    expect(info.expires).to.equal("2019-12-21T00:00:00-07:00");
    expect(info.headline).to.equal("Air Quality Alert for Franklin County");
    // The URL is written on its own line, with whitespace around it.
    expect(info.web).to.equal(
      "http://feeds.enviroflash.info/cap/630.xml?id=89219EBE-F9F9-6673-51A3703142F72244",
    );
    expect(info.contact).to.equal("Idaho Department of Environmental Quality");
    expect(pairValues(info.parameter, "Date")).to.deep.equal([
      "Fri 12/20/2019",
      "Sat 12/21/2019",
    ]);
    expect(pairValues(info.parameter, "PM2.5")).to.deep.equal(["105", "115"]);
    expect(info.area).to.deep.equal([
      {
        areaDesc: "Franklin County, ID",
        polygon: [],
        circle: [{ lat: 42.0133, lon: -111.8092, radius: 1 }],
        geocode: [],
      },
    ]);
  });
});
