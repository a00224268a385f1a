/**
 * parseFeed on every file from kelvinn/capparselib (test/fixtures/realdata/
 * capparselib). The expected values were read from the files.
 */
import { expect } from "chai";
import { decodeInput } from "../../shared/formats/decode-input.js";
import { IssueList } from "../../shared/formats/issue-list.js";
import { loadFixture } from "../helpers/fixtures.js";
import {
  areaAt,
  codesOf,
  infoAt,
  onlyAlert,
  pairValue,
  pairValues,
  parseFixture,
} from "../helpers/parse-fixture.js";

const DIR = "realdata/capparselib";

describe("parseFeed on capparselib files", () => {
  it("NOAA_MultiplePolygons.txt: two polygons, one area", async () => {
    const result = await parseFixture(`${DIR}/NOAA_MultiplePolygons.txt`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("NWS-IDP-PROD-4412298-3677414");
    expect(alert.sender).to.equal("w-nws.webmaster@noaa.gov");
    expect(alert.sent).to.equal("2020-08-26T04:14:00-05:00");
    expect(alert.status).to.equal("Actual");
    expect(alert.msgType).to.equal("Update");
    expect(alert.scope).to.equal("Public");
    expect(alert.code).to.deep.equal(["IPAWSv1.0"]);
    expect(alert.note).to.equal(undefined);
    expect(
      alert.references.map((reference) => reference.identifier),
    ).to.deep.equal([
      "NWS-IDP-PROD-4410291-3675936",
      "NWS-IDP-PROD-4410291-3675935",
      "NWS-IDP-PROD-4410291-3675937",
      "NWS-IDP-PROD-4410291-3675938",
      "NWS-IDP-PROD-4411079-3676518",
      "NWS-IDP-PROD-4411079-3676519",
      "NWS-IDP-PROD-4411932-3677172",
      "NWS-IDP-PROD-4411932-3677173",
    ]);
    expect(alert.references[7]).to.deep.equal({
      sender: "w-nws.webmaster@noaa.gov",
      identifier: "NWS-IDP-PROD-4411932-3677173",
      sent: "2020-08-25T22:05:00-05:00",
    });

    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-US");
    expect(info.event).to.equal("Hurricane Warning");
    expect(info.responseType).to.deep.equal(["Avoid"]);
    expect(info.severity).to.equal("Extreme");
    expect(info.eventCode).to.deep.equal([
      { valueName: "SAME", value: "HUW" },
      { valueName: "NationalWeatherService", value: "HUW" },
    ]);
    expect(info.effective).to.equal("2020-08-26T04:14:00-05:00");
    expect(info.onset).to.equal("2020-08-26T04:14:10-05:00");
    expect(info.expires).to.equal("2020-08-26T12:15:00-05:00");
    expect(info.senderName).to.equal("NWS Lake Charles LA");
    expect(
      info.description!.startsWith("* LOCATIONS AFFECTED\n- Crowley\n- Rayne"),
    ).to.equal(true);
    expect(info.web).to.equal("http://www.weather.gov/");
    expect(info.parameter).to.have.length(7);
    expect(pairValues(info.parameter, "BLOCKCHANNEL")).to.deep.equal([
      "EAS",
      "NWEM",
      "CMAS",
    ]);
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("Acadia");
    expect(area.polygon.map((polygon) => polygon.length)).to.deep.equal([
      4, 69,
    ]);
    expect(area.polygon[0]).to.deep.equal([
      [30.094, -92.619],
      [30.091, -92.625],
      [30.093, -92.623],
      [30.094, -92.619],
    ]);
    expect(area.geocode).to.deep.equal([
      { valueName: "UGC", value: "LAZ043" },
      { valueName: "SAME", value: "022001" },
    ]);
  });

  it("CanadaNaad.xml: bilingual, empty references", async () => {
    const result = await parseFixture(`${DIR}/CanadaNaad.xml`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("urn:oid:2.49.0.1.124.3026064006.2019");
    expect(alert.sender).to.equal("cap-pac@canada.ca");
    expect(alert.sent).to.equal("2019-07-12T17:59:29-00:00");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.source).to.equal("Env. Can. - Can. Met. Ctr. – Montréal");
    expect(alert.code).to.deep.equal([
      "profile:CAP-CP:0.4",
      "layer:SOREM:1.0",
      "layer:EC-MSC-SMC:1.0",
      "layer:WPAM:1.0",
      "layer:EC-MSC-SMC:1.1",
      "layer:SOREM:2.0",
    ]);
    expect(
      alert.note!.startsWith(
        "Service Notice: Changes to ECCC CAP, of importance to users",
      ),
    ).to.equal(true);
    expect(alert.references).to.deep.equal([]);
    expect(alert.incidents).to.deep.equal([]);
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "en-CA",
      "fr-CA",
    ]);

    const english = infoAt(alert, 0);
    expect(english.event).to.equal("weather");
    expect(english.audience).to.equal("general public");
    expect(english.certainty).to.equal("Possible");
    expect(english.eventCode).to.deep.equal([
      { valueName: "profile:CAP-CP:Event:0.4", value: "weather" },
    ]);
    expect(english.effective).to.equal("2019-07-12T17:59:29-00:00");
    expect(english.expires).to.equal("2019-07-13T01:59:29-00:00");
    expect(english.headline).to.equal("special weather statement in effect");
    expect(english.description!.startsWith("###\n\nPlease continue")).to.equal(
      true,
    );
    expect(english.instruction).to.equal(undefined);
    expect(english.contact).to.equal(undefined);
    expect(english.web).to.equal(
      "http://weather.gc.ca/warnings/index_e.html?prov=nl",
    );
    expect(english.parameter).to.have.length(10);
    expect(
      pairValue(english.parameter, "layer:EC-MSC-SMC:1.1:CAP_count"),
    ).to.equal("A:3154 M:20070 C:35894");
    expect(
      pairValue(english.parameter, "layer:SOREM:2.0:WirelessImmediate"),
    ).to.equal("No");
    const area = areaAt(english, 0);
    expect(area.areaDesc).to.equal("Channel-Port aux Basques and vicinity");
    expect(area.polygon).to.have.length(1);
    expect(area.polygon[0]).to.have.length(13);
    expect(area.polygon[0]![0]).to.deep.equal([47.5744, -58.4207]);
    expect(area.geocode).to.have.length(10);
    expect(area.geocode[0]).to.deep.equal({
      valueName: "layer:EC-MSC-SMC:1.0:CLC",
      value: "022400",
    });
    expect(area.geocode[1]).to.deep.equal({
      valueName: "profile:CAP-CP:Location:0.3",
      value: "1004001",
    });

    const french = infoAt(alert, 1);
    expect(french.event).to.equal("météo");
    expect(french.headline).to.equal(
      "bulletin météorologique spécial en vigueur",
    );
    expect(areaAt(french, 0).areaDesc).to.equal(
      "Channel-Port aux Basques et les environs",
    );
  });

  it("australia_bom.cap: prefixed root", async () => {
    const result = await parseFixture(`${DIR}/australia_bom.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "AusBoM-IDN21033-2019-01-16T03:15:58+00:00",
    );
    expect(alert.sender).to.equal("CAP.Message@bom.gov.au");
    expect(alert.sent).to.equal("2019-01-16T03:15:58+00:00");
    expect(alert.source).to.equal(
      "New South Wales, New South Wales Regional Office",
    );
    expect(alert.code).to.deep.equal([
      "urn:oasis:names:tc:emergency:cap:1.2:profile:CAP-AU:1.0",
    ]);
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-AU");
    expect(info.event).to.equal("Thunderstorm");
    expect(info.urgency).to.equal("Unknown");
    expect(info.eventCode).to.deep.equal([
      {
        valueName:
          "urn:oasis:names:tc:emergency:cap:1.2:profile:CAP-AU:1.0:AUeventLIST:1.0",
        value: "thunderstorm",
      },
    ]);
    expect(info.effective).to.equal("2019-01-16T03:15:52+00:00");
    expect(info.expires).to.equal("2019-01-16T06:15:52+00:00");
    expect(info.senderName).to.equal(
      "Australian Government Bureau of Meteorology",
    );
    expect(info.description).to.match(
      /^Severe thunderstorms are likely .* Coonabarabran and Coonamble\.$/,
    );
    expect(info.contact).to.equal(
      "http://www.bom.gov.au/inside/contacts.shtml",
    );
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal(
      "New South Wales: Mid North Coast, Hunter, Central Tablelands, North West Slopes and Plains, Central West Slopes and Plains and Northern Tablelands",
    );
    expect(area.geocode[0]).to.deep.equal({
      valueName: "http://www.iso.org/iso/country_codes.html",
      value: "AU-NSW",
    });
    expect(pairValues(area.geocode, "AMOC-AreaCode")).to.deep.equal([
      "NSW_PW002",
      "NSW_PW003",
      "NSW_PW004",
      "NSW_PW008",
      "NSW_PW011",
      "NSW_PW012",
    ]);
  });

  it("iceland_met_office.cap: two languages, resource", async () => {
    const result = await parseFixture(`${DIR}/iceland_met_office.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "is-IMO-2a4c2db8-07fd-4a0f-b372-9667280d46d1",
    );
    expect(alert.sender).to.equal("IMO-Icelandic_Met_Office");
    expect(alert.sent).to.equal("2021-09-10T13:30:26-00:00");
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "is-IS",
      "en-US",
    ]);

    const icelandic = infoAt(alert, 0);
    expect(icelandic.event).to.equal("Veðurviðvörun: Vindur");
    expect(icelandic.responseType).to.deep.equal(["None"]);
    expect(icelandic.eventCode).to.deep.equal([
      { valueName: "alertType", value: "Wind" },
    ]);
    expect(icelandic.onset).to.equal("2021-09-12T18:00:00-00:00");
    expect(icelandic.expires).to.equal("2021-09-13T10:00:00-00:00");
    expect(icelandic.headline).to.equal("Hvöss suðaustanátt");
    expect(icelandic.web).to.equal("http://www.vedur.is/#spasvaedi=ho");
    expect(icelandic.parameter).to.deep.equal([
      { valueName: "Color", value: "Yellow" },
    ]);
    expect(icelandic.resource).to.deep.equal([
      {
        resourceDesc: "Icon: Vindur",
        mimeType: "image/png",
        size: 17296,
        uri: "https://cdn.vedur.is/cap/v1/icons/yellow_wind.png",
        digest: "1c8015126336af265ec36ef202e91611f9cfd7a7",
      },
    ]);
    const area = areaAt(icelandic, 0);
    expect(area.areaDesc).to.equal("Höfuðborgarsvæðið");
    expect(area.polygon[0]).to.have.length(8);
    expect(area.polygon[0]![1]).to.deep.equal([64.19, -21.7]);
    expect(area.geocode).to.deep.equal([
      { valueName: "Spásvæði", value: "Höfuðborgarsvæðið" },
    ]);

    const english = infoAt(alert, 1);
    expect(english.event).to.equal("Weather Warning: Wind");
    expect(english.headline).to.equal("Southeast gales");
    expect(english.resource[0]!.resourceDesc).to.equal("Icon: Wind");
    expect(areaAt(english, 0).geocode).to.deep.equal([
      { valueName: "Forecast Region", value: "Reykjavik - Capital Region" },
    ]);
  });

  it("invalid_xmlns.cap: wrong namespace warned", async () => {
    const result = await parseFixture(`${DIR}/invalid_xmlns.cap`);
    expect(result.format).to.equal("cap");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(codesOf(result.warnings)).to.deep.equal(["namespace"]);
    expect(result.warnings[0]!.value).to.equal(
      "urn:oasis:names:tc:emergency:alerts:1.2",
    );
    expectTaiwanAlert(onlyAlert(result));
  });

  it("taiwan.cap: byte-order mark skipped", async () => {
    const bytes = await loadFixture(`${DIR}/taiwan.cap`);
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const result = await parseFixture(`${DIR}/taiwan.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expectTaiwanAlert(onlyAlert(result));
  });

  it("mexico.xml: multi-line polygon", async () => {
    const result = await parseFixture(`${DIR}/mexico.xml`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("avisossmn-ciclontropical-4063");
    expect(alert.sender).to.equal("smn.cna.gob.mx");
    expect(alert.sent).to.equal("2018-10-20T07:15:00-05:00");
    expect(alert.msgType).to.equal("Update");
    expect(alert.code).to.deep.equal(["08"]);
    expect(alert.references).to.deep.equal([
      {
        sender: "smn.cna.gob.mx",
        identifier: "avisossmn-ciclontropical-4061",
        sent: "2018-10-20T04:15:00-05:00",
      },
    ]);
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("es-419");
    expect(info.event).to.equal("Aviso de Ciclón Tropical en el Pacífico");
    expect(info.responseType).to.deep.equal(["Execute"]);
    expect(info.eventCode).to.deep.equal([]);
    expect(info.effective).to.equal("2018-10-20T07:15:00-05:00");
    expect(info.expires).to.equal("2018-10-20T10:15:00-05:00");
    expect(info.senderName).to.equal(
      "Comisión Nacional del Agua - Servicio Meteorológico Nacional",
    );
    expect(info.headline).to.equal(
      'LA TORMENTA TROPICAL "VICENTE" SE LOCALIZA AL SUR DE CHIAPAS',
    );
    expect(info.parameter).to.have.length(8);
    expect(pairValue(info.parameter, "semáforo")).to.equal("red");
    expect(pairValue(info.parameter, "categoría")).to.equal(
      "Tormenta Tropical",
    );
    expect(pairValue(info.parameter, "trayectoria")).to.equal(
      "150 km al sur-suroeste de Tapachula, Chis.",
    );
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("Chis,Oax");
    expect(area.geocode).to.deep.equal([]);
    expect(area.polygon).to.have.length(1);
    expect(area.polygon[0]).to.have.length(29);
    expect(area.polygon[0]![0]).to.deep.equal([
      18.889628180617784, -91.53354417288199,
    ]);
    expect(area.polygon[0]![1]).to.deep.equal([
      18.212626807537085, -90.99521409475699,
    ]);
  });

  it("no_info_tag.cap: Cancel without info", async () => {
    const result = await parseFixture(`${DIR}/no_info_tag.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "1017033100951096-517189320160225203219800_Cancel",
    );
    expect(alert.sender).to.equal("AtHoc");
    expect(alert.sent).to.equal("2016-02-25T12:47:09-08:00");
    expect(alert.status).to.equal("Actual");
    expect(alert.msgType).to.equal("Cancel");
    expect(alert.code).to.deep.equal(["IPAWSv1.0"]);
    expect(alert.references).to.deep.equal([
      {
        sender: "AtHoc",
        identifier: "1017033100951096-517189320160225203219800",
        sent: "2016-02-25T12:32:19-08:00",
      },
    ]);
    expect(alert.info).to.deep.equal([]);
  });

  it("ph.cap: integer coordinates", async () => {
    const result = await parseFixture(`${DIR}/ph.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("103ff55e-b538-49a2-a94a-64470ddea2cc");
    expect(alert.sender).to.equal("PAGASA-DOST");
    expect(alert.sent).to.equal("2014-11-03T14:57:33+08:00");
    expect(alert.status).to.equal("Test");
    expect(alert.msgType).to.equal("Alert");
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-US");
    expect(info.event).to.equal("Tropical Cyclone Alert");
    expect(info.responseType).to.deep.equal(["Prepare"]);
    expect(info.certainty).to.equal("Possible");
    expect(info.expires).to.equal("2014-11-04T03:57:28+08:00");
    expect(info.headline).to.equal(
      "Tropical Cyclone Alert : Typhoon Paeng  [TEST]",
    );
    expect(info.description).to.equal(
      "No public storm warning signal is in effect in any part of the country.",
    );
    expect(info.parameter).to.deep.equal([
      {
        valueName: "layer:Google:Region:0.1",
        value: "Philippine Area of Responsibility",
      },
    ]);
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("Philippine Area of Responsibility");
    expect(area.polygon).to.deep.equal([
      [
        [21, 120],
        [21, 130],
        [5, 130],
        [5, 121.5],
        [9.5, 113],
        [15, 113],
        [21, 120],
      ],
    ]);
  });

  it("rfs.xml: one alert in EDXL-DE", async () => {
    const result = await parseFixture(`${DIR}/rfs.xml`);
    expect(result.format).to.equal("edxl-de");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("2014-05-08T10:31:00-00:00:160068");
    expect(alert.sender).to.equal("webmaster@rfs.nsw.gov.au");
    expect(alert.sent).to.equal("2014-05-08T10:31:00-00:00");
    expect(alert.incidents).to.deep.equal(["160068"]);
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-AU");
    expect(info.category).to.deep.equal(["Other"]);
    expect(info.event).to.equal("Other Non-Urgent Alerts");
    expect(info.eventCode).to.deep.equal([
      {
        valueName:
          "urn:oasis:names:tc:emergency:cap:1.2:profile:CAP-AU:1.0:AUeventLIST:1.0",
        value: "other",
      },
    ]);
    expect(info.effective).to.equal("2014-05-08T10:31:00-00:00");
    expect(info.expires).to.equal("2014-05-09T10:31:00-00:00");
    expect(info.headline).to.equal("MVA Gwandalan");
    expect(info.description).to.match(
      /^ALERT LEVEL: Not Applicable\nLOCATION: 86 Kullaroo Rd Gwandalan\n[\s\S]*\nUPDATED: 8 May 2014 20:31$/,
    );
    expect(info.instruction).to.equal("Unknown");
    expect(info.contact).to.equal("webmaster@rfs.nsw.gov.au");
    expect(info.parameter).to.have.length(11);
    expect(pairValue(info.parameter, "Evacuation")).to.equal("");
    expect(pairValue(info.parameter, "CouncilArea")).to.equal("Wyong");
    expect(info.resource).to.deep.equal([
      {
        resourceDesc: "map",
        mimeType: "text/html",
        uri: "http://www.rfs.nsw.gov.au/dsp_content.cfm?CAT_ID=683",
      },
    ]);
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("86 Kullaroo Rd Gwandalan, Wyong");
    expect(area.circle).to.deep.equal([
      { lat: -33.1347, lon: 151.558, radius: 0 },
    ]);
    expect(area.geocode).to.deep.equal([
      {
        valueName:
          "urn:oasis:names:tc:emergency:cap:1.2:profile:CAP-AU:1.0:ISO3166-2",
        value: "AU-NSW",
      },
    ]);
  });

  it("sweden.cap: derefUri, foreign area elements", async () => {
    const result = await parseFixture(`${DIR}/sweden.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("11337sv");
    expect(alert.sender).to.equal("https://www.krisinformation.se/");
    expect(alert.sent).to.equal("2018-11-21T10:26:11+01:00");
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("sv-SE");
    expect(info.category).to.deep.equal(["Other"]);
    expect(info.event).to.equal("News");
    expect(info.headline).to.equal(
      "Viktigt meddelande till allmänheten i Gävle",
    );
    expect(info.senderName).to.equal("Sveriges Radio");
    expect(info.web).to.equal(
      "https://www.krisinformation.se/nyheter/2018/november/vma-gavle/",
    );
    // <Polygon><Polygon><Polygons> is not CAP's <polygon>.
    expect(
      info.area.map((area) => [area.areaDesc, area.polygon.length]),
    ).to.deep.equal([
      ["Gävleborgs län", 0],
      ["Gävle", 0],
    ]);
    expect(info.resource).to.have.length(1);
    const resource = info.resource[0]!;
    expect(resource.resourceDesc).to.equal("Full Html version of description");
    expect(resource.mimeType).to.equal("Text/Html");
    expect(resource.uri).to.equal(undefined);
    expect(resource.derefUri).to.match(/^VXBwZGF0ZXJpbmcgMjEvMTEga2wgMTIuNDc6/);
    expect(resource.derefUri).to.not.match(/\s/);
    const html = new TextDecoder().decode(
      Uint8Array.from(atob(resource.derefUri!), (c) => c.charCodeAt(0)),
    );
    expect(html.startsWith("Uppdatering 21/11 kl 12.47: Det viktiga")).to.equal(
      true,
    );
  });

  it("smhi.se.alerts.cap: seventeen wrapped alerts", async () => {
    const result = await parseFixture(`${DIR}/smhi.se.alerts.cap`);
    expect(result.format).to.equal("cap-container");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.have.length(17);
    expect(
      result.alerts.map((alert) => [
        alert.identifier,
        areaAt(infoAt(alert, 0), 0).areaDesc,
        infoAt(alert, 0).expires,
      ]),
    ).to.deep.equal([
      ["smhi-bpm-1552396920785", "002", "2020-03-11T14:22:00+01:00"],
      ["smhi-bpm-1552397021959", "031", "2020-03-11T14:23:41+01:00"],
      ["smhi-bpm-1552397145588", "038", "2020-03-11T14:25:45+01:00"],
      ["smhi-bpm-1552397213056", "035", "2020-03-11T14:26:53+01:00"],
      ["smhi-bpm-1552397401981", "008", "2020-03-11T14:30:01+01:00"],
      ["smhi-bpm-1552397565782", "011", "2020-03-11T14:32:45+01:00"],
      ["smhi-bpm-1552397567326", "024", "2020-03-11T14:32:47+01:00"],
      ["smhi-bpm-1552397668242", "034", "2020-03-11T14:34:28+01:00"],
      ["smhi-bpm-1552404191814", "056", "2020-03-11T16:23:11+01:00"],
      ["smhi-bpm-1552404310415", "054", "2020-03-11T16:25:10+01:00"],
      ["smhi-bpm-1552404448769", "053", "2020-03-11T16:27:28+01:00"],
      ["smhi-bpm-1552404653372", "049", "2020-03-11T16:30:53+01:00"],
      ["smhi-bpm-1552404720317", "048", "2020-03-11T16:32:00+01:00"],
      ["smhi-bpm-1552404771906", "045", "2020-03-11T16:32:51+01:00"],
      ["smhi-bpm-1552404821040", "046", "2020-03-11T16:33:41+01:00"],
      ["smhi-bpm-1552404975411", "044", "2020-03-11T16:36:15+01:00"],
      ["smhi-bpm-1552405011762", "043", "2020-03-11T16:36:51+01:00"],
    ]);
    for (const alert of result.alerts) {
      expect(alert.sender).to.equal("noreplyvarning@smhi.se");
      expect(alert.status).to.equal("Actual");
      expect(alert.msgType).to.equal("Alert");
      expect(alert.code).to.have.length(4);
      expect(alert.info).to.have.length(1);
      expect(infoAt(alert, 0).language).to.equal("sv-SE");
      expect(infoAt(alert, 0).eventCode).to.have.length(6);
    }
    expect(result.alerts.map((alert) => alert.sent)).to.deep.equal([
      ...Array<string>(8).fill("2019-03-12T14:51:46+01:00"),
      ...Array<string>(9).fill("2019-03-12T16:37:16+01:00"),
    ]);

    const first = result.alerts[0]!;
    expect(first.code).to.deep.equal([
      "system_affiliation 5",
      "latest_update 2019-03-13T09:22:50+01:00",
      "system_version 3",
      "system_alert_category warning",
    ]);
    const info = infoAt(first, 0);
    expect(info.event).to.equal("alpine weather");
    expect(pairValue(info.eventCode, "system_event_sv-SE")).to.equal(
      "Fjällväder",
    );
    expect(pairValue(info.eventCode, "system_event_level_color")).to.equal(
      "#fdeb1b",
    );
    expect(info.effective).to.equal("2019-03-12T14:51:46+01:00");
    expect(info.onset).to.equal("2019-03-12T14:51:46+01:00");
    expect(info.headline).to.equal("Västerbottens län,södra Lapplandsfjällen");
    expect(info.description).to.equal(
      "När:Fram till onsdag kväll\nVar:På kalfjället\nIntensitet:Sydost 14-17 m/s\nKommentar:I kombination med snöfall.",
    );
    expect(info.parameter).to.have.length(4);
    expect(infoAt(result.alerts[1]!, 0).headline).to.equal("Värmlands län");
    expect(infoAt(result.alerts[8]!, 0).event).to.equal(
      "average wind speed at sea",
    );
    expect(infoAt(result.alerts[8]!, 0).parameter).to.have.length(5);
  });

  it("pelmorex.atom: Latin-1 in UTF-8", async () => {
    const bytes = await loadFixture(`${DIR}/pelmorex.atom`);
    const issues = new IssueList();
    const text = decodeInput(bytes, issues);
    expect(text).to.include(
      "<title>bulletin météorologique spécial annulé</title>",
    );
    expect(text).to.include("comté d'Essex");
    expect(text).to.not.include("\uFFFD");
    expect(codesOf(issues.warnings)).to.deep.equal(["encoding"]);
    expect(issues.warnings[0]!.message).to.include("8 bytes");

    const result = await parseFixture(`${DIR}/pelmorex.atom`);
    expect(result.format).to.equal("atom");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(codesOf(result.warnings)).to.deep.equal(["encoding"]);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links).to.deep.equal([
      {
        url: "http://capcp2.naad-adna.pelmorex.com/2014-05-10/2014_05_10T02_17_00_00_00I2.49.0.1.124.41b6352f.2014.xml",
        entryId:
          "tag:rss2.naad-adna.pelmorex.com,2014-05-10:feed.atom/2.49.0.1.124.41b6352f.2014",
        updated: "2014-05-10T02:17:00-00:00",
      },
    ]);
  });

  it("us_nws_weather.atom: summarised links", async () => {
    const result = await parseFixture(`${DIR}/us_nws_weather.atom`);
    expect(result.format).to.equal("atom");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.deep.equal([]);
    const wind =
      "http://alerts.weather.gov/cap/wwacapget.php?x=NM125154019200.WindAdvisory.125154105F10NM.ABQNPWABQ.2d2ce3a407282ee33ba256baac0e8f3c";
    const highWind =
      "http://alerts.weather.gov/cap/wwacapget.php?x=NM125154019200.HighWindWarning.125154105F10NM.ABQNPWABQ.5695225d7518f8d8e2bcfcd1108f98c2";
    expect(result.links).to.deep.equal([
      {
        url: wind,
        entryId: wind,
        updated: "2014-05-10T22:00:00-06:00",
        status: "Actual",
        msgType: "Alert",
        expires: "2014-05-11T19:00:00-06:00",
      },
      {
        url: highWind,
        entryId: highWind,
        updated: "2014-05-10T22:00:00-06:00",
        status: "Actual",
        msgType: "Alert",
        expires: "2014-05-11T19:00:00-06:00",
      },
    ]);
  });

  it("usgs_alerthub.atom: CAP-typed link chosen", async () => {
    const result = await parseFixture(`${DIR}/usgs_alerthub.atom`);
    expect(result.format).to.equal("atom");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links).to.deep.equal([
      {
        url: "http://earthquake.usgs.gov/earthquakes/eventpage/usb000qfgs.cap",
        entryId: "urn:earthquake-usgs-gov:us:b000qfgs",
        updated: "2014-05-09T21:57:52Z",
      },
    ]);
  });
});

/** The Taiwan reservoir alert, in taiwan.cap and invalid_xmlns.cap. */
function expectTaiwanAlert(alert: ReturnType<typeof onlyAlert>): void {
  expect(alert.identifier).to.equal("WRA_ReservoirWarn_201405142010");
  expect(alert.sender).to.equal("ddmt01@wra.gov.tw");
  expect(alert.sent).to.equal("2014-05-14T20:10:00+08:00");
  expect(alert.status).to.equal("Actual");
  expect(alert.msgType).to.equal("Alert");
  expect(alert.code).to.deep.equal(["Progress"]);
  const info = infoAt(alert, 0);
  expect(info.language).to.equal("zh-tw");
  expect(info.category).to.deep.equal(["Infra"]);
  expect(info.event).to.equal("水庫洩洪");
  expect(info.eventCode).to.deep.equal([
    { valueName: "profile:CAP-TWP:Event:1.0", value: "ReservoirDis" },
  ]);
  expect(info.effective).to.equal("2014-05-14T20:10:00+08:00");
  expect(info.expires).to.equal("2014-05-14T21:10:00+08:00");
  expect(info.senderName).to.equal("水利署");
  expect(info.headline).to.equal("明德水庫:洩洪中");
  expect(info.description).to.equal(
    "水利署訊:明德水庫:洩洪中.影響範圍:後龍溪流域,鄉鎮:頭屋鄉,請及早應變.",
  );
  expect(info.instruction).to.equal("請沿岸附近民眾注意。");
  expect(info.web).to.equal(
    "http://fhy2.wra.gov.tw/Pub_Web_2011/Page/Reservoir.aspx",
  );
  expect(info.parameter).to.deep.equal([
    { valueName: "alert_title", value: "水庫洩洪警戒" },
    { valueName: "status_type", value: "洩洪中" },
    { valueName: "severity_level", value: "一級警戒" },
    { valueName: "alert_color", value: "紅色" },
  ]);
  const area = areaAt(info, 0);
  expect(area.areaDesc).to.equal("苗栗縣頭屋鄉");
  expect(area.geocode).to.deep.equal([
    { valueName: "Taiwan_Geocode_100", value: "1000512" },
  ]);
}
