/**
 * parseFeed on every file from google/cap-library (test/fixtures/realdata/
 * google-cap-library). The expected values were read from the files.
 */
import { expect } from "chai";
import {
  areaAt,
  codesOf,
  infoAt,
  issuesWith,
  onlyAlert,
  pairValue,
  pairValues,
  parseFixture,
} from "../helpers/parse-fixture.js";
import {
  requestsDuring,
  resourceRequestsContaining,
} from "../helpers/network-spy.js";
import { loadFixture } from "../helpers/fixtures.js";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import type { ParseResult } from "../../shared/model/feed.js";

const DIR = "realdata/google-cap-library";

describe("parseFeed on google/cap-library files", () => {
  it("amber.atom: alert in prefixed Atom", async () => {
    const result = await parseFixture(`${DIR}/amber.atom`);
    expect(result.format).to.equal("atom");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.links).to.deep.equal([]);

    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("http://doj.dc.gov/amber12345");
    expect(alert.sender).to.equal("KARO@CLETS.DOJ.DC.GOV");
    expect(alert.sent).to.equal("2010-06-03T19:15:00-05:00");
    expect(alert.status).to.equal("Actual");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.source).to.equal("SW");
    expect(alert.scope).to.equal("Public");
    expect(alert.references).to.deep.equal([]);
    expect(alert.info).to.have.length(1);

    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-US");
    expect(info.category).to.deep.equal(["Rescue"]);
    expect(info.event).to.equal("Child Abduction");
    expect(info.urgency).to.equal("Immediate");
    expect(info.severity).to.equal("Severe");
    expect(info.certainty).to.equal("Likely");
    expect(info.eventCode).to.deep.equal([{ valueName: "SAME", value: "CAE" }]);
    expect(info.senderName).to.equal("Metropolitan Police Dept - LAPD");
    expect(info.headline).to.equal("Amber Alert in Washington D.C.");
    expect(info.expires).to.equal(undefined);
    expect(info.effective).to.equal(undefined);
    expect(info.contact).to.equal(
      "DET. SMITH, 5TH DIV, METROPOLITAN POLICE DEPT-MPD AT 202-727-9099",
    );
    expect(info.area).to.have.length(1);
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("Washington D.C.");
    expect(area.geocode).to.deep.equal([
      { valueName: "FIPS6", value: "006037" },
    ]);
    expect(area.polygon).to.deep.equal([]);
    expect(area.circle).to.deep.equal([]);
  });

  it("amber.atom: double escaping undone once", async () => {
    const result = await parseFixture(`${DIR}/amber.atom`);
    const description = infoAt(onlyAlert(result), 0).description ?? "";
    expect(description.startsWith("DATE/TIME: 06/03/10, 1915 HRS.")).to.equal(
      true,
    );
    expect(description).to.include(`BLK/BRO 3'0", 40`);
    expect(description).to.include("VEHICLE: 81' BUICK 2-DR");
    expect(description).to.not.include("&#39;");
    expect(description).to.not.include("&quot;");
    expect(description).to.not.include("&apos;");
    expect(description).to.not.include("&amp;");
  });

  it("amber.rss: one RSS link", async () => {
    const result = await parseFixture(`${DIR}/amber.rss`);
    expect(result.format).to.equal("rss");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links).to.deep.equal([
      {
        url: "http://cap-validator.appspot.com/examples/KAR0-0306112239-SW.cap",
        entryId: "KAR0-0306112239-SW",
        updated: "Wed, 11 Jun 2003 22:39:00 PDT",
      },
    ]);
  });

  it("australia.cap: prefixed, two info blocks", async () => {
    const result = await parseFixture(`${DIR}/australia.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("tag:www.rfs.nsw.gov.au2011-10-06:40184");
    expect(alert.sender).to.equal("webmaster@rfs.nsw.gov.au");
    expect(alert.sent).to.equal("2011-10-05T23:04:00+10:00");
    expect(alert.status).to.equal("Actual");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.scope).to.equal("Public");
    expect(alert.code).to.deep.equal([
      "urn:oasis:names:tc:emergency:cap:1.2:profile:CAP-AU:1.0",
    ]);
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "en-AU",
      "en-AU",
    ]);

    const info = infoAt(alert, 0);
    expect(info.category).to.deep.equal(["Fire", "Met"]);
    expect(info.event).to.equal("Fire");
    expect(info.responseType).to.deep.equal(["Evacuate"]);
    expect(info.urgency).to.equal("Expected");
    expect(info.severity).to.equal("Minor");
    expect(info.certainty).to.equal("Observed");
    expect(info.eventCode).to.deep.equal([
      {
        valueName: "https://govshare.gov.au/xmlui/handle/10772/6495",
        value: "fire",
      },
      {
        valueName: "non-standard secondary event code",
        value: "structure_fire",
      },
    ]);
    expect(info.effective).to.equal("2011-10-05T23:04:00+10:00");
    expect(info.expires).to.equal("2011-10-06T23:04:00+10:00");
    expect(info.headline).to.equal("Yerong Creek Structure Fire");
    // The escaped markup is text after XML decoding, and stays text.
    expect(info.description).to.match(
      /^ALERT LEVEL: Not Applicable<br \/>LOCATION: 12 Cox Street, Yerong Creek<br \/>/,
    );
    expect(info.instruction).to.equal("Not Applicable");
    expect(info.web).to.equal(
      "http://www.rfs.nsw.gov.au/dsp_content.cfm?cat_id=683",
    );
    expect(info.parameter).to.have.length(7);
    expect(pairValue(info.parameter, "Location")).to.equal(
      "12 Cox Street, Yerong Creek",
    );
    expect(pairValue(info.parameter, "AllocatedResources")).to.equal("");
    expect(info.resource).to.deep.equal([
      {
        resourceDesc: "map",
        mimeType: "text/html",
        uri: "http://www.rfs.nsw.gov.au/dsp_content.cfm?CAT_ID=683",
      },
    ]);
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("Yerong Creek Structure Fire");
    expect(area.circle).to.deep.equal([
      { lat: -35.3888, lon: 147.0598, radius: 25 },
    ]);
    expect(area.polygon).to.deep.equal([]);
    expect(area.geocode).to.deep.equal([
      {
        valueName: "http://www.iso.org/iso/country_codes.html",
        value: "AU-NSW",
      },
    ]);
    expect(areaAt(infoAt(alert, 1), 0).geocode).to.deep.equal([
      {
        valueName: "http://www.psma.com.au/?product=postcode-boundaries",
        value: "2642",
      },
    ]);
  });

  it("bushfire_valid.edxlde: seven alerts", async () => {
    const result = await parseFixture(`${DIR}/bushfire_valid.edxlde`);
    expect(result.format).to.equal("edxl-de");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.links).to.deep.equal([]);
    expect(
      result.alerts.map((alert) => [alert.identifier, alert.sent]),
    ).to.deep.equal([
      ["tag:www.rfs.nsw.gov.au2011-10-18:40500", "2011-10-17T11:18:00-00:00"],
      ["tag:www.rfs.nsw.gov.au2011-10-18:40444", "2011-10-17T05:34:00-00:00"],
      ["tag:www.rfs.nsw.gov.au2011-10-18:40394", "2011-10-17T05:30:00-00:00"],
      ["tag:www.rfs.nsw.gov.au2011-10-18:40428", "2011-10-17T05:15:00-00:00"],
      ["tag:www.rfs.nsw.gov.au2011-10-18:40484", "2011-10-17T04:30:00-00:00"],
      ["tag:www.rfs.nsw.gov.au2011-10-18:40487", "2011-10-17T03:23:00-00:00"],
      ["tag:www.rfs.nsw.gov.au2011-10-18:40435", "2011-10-17T02:30:00-00:00"],
    ]);
    for (const alert of result.alerts) {
      expect(alert.sender).to.equal("webmaster@rfs.nsw.gov.au");
      expect(alert.status).to.equal("Actual");
      expect(alert.msgType).to.equal("Alert");
      expect(alert.info).to.have.length(1);
      expect(infoAt(alert, 0).language).to.equal("en-AU");
      expect(infoAt(alert, 0).area).to.have.length(1);
    }
    const infos = result.alerts.map((alert) => infoAt(alert, 0));
    expect(infos.map((info) => info.event)).to.deep.equal([
      "Other",
      "Grassfire",
      "Grassfire",
      "Grassfire",
      "Grassfire",
      "Grassfire",
      "Fire",
    ]);
    expect(infos.map((info) => info.headline)).to.deep.equal([
      "One Tree MVA (Unmapped Incident)",
      "Quinambyie",
      "Sturt NP - Middle Road",
      "Border Downs",
      "Langs Rd Fire",
      "Alambie near Harden Golf Course",
      "Old Mill Bush Fire",
    ]);
    expect(infos.map((info) => areaAt(info, 0).circle)).to.deep.equal([
      [{ lat: -30.546, lon: 151.9576, radius: 0 }],
      [{ lat: -30.0266, lon: 141.0118, radius: 0 }],
      [{ lat: -29.0699, lon: 141.3707, radius: 0 }],
      [{ lat: -31.4023, lon: 141.0412, radius: 0 }],
      [{ lat: -34.2805, lon: 150.0102, radius: 0 }],
      [{ lat: -34.5678, lon: 148.3683, radius: 0 }],
      [{ lat: -33.7614, lon: 149.1685, radius: 0 }],
    ]);
    expect(infos[0]!.eventCode).to.deep.equal([
      { valueName: "CDNevent", value: "other" },
    ]);
    expect(infos[0]!.expires).to.equal("2011-10-18T11:18:00-00:00");
    expect(areaAt(infos[0]!, 0).geocode).to.deep.equal([
      { valueName: "ISO 3166-2", value: "AU-NSW" },
    ]);
    // "&amp;" in the XML is one ampersand in the text.
    expect(pairValue(infos[2]!.parameter, "ControlAuthority")).to.equal(
      "NSW National Parks & Wildlife Service",
    );
  });

  it("canada.cap: Update with two references", async () => {
    const result = await parseFixture(`${DIR}/canada.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("2.49.0.1.124.6bddbc91.2012");
    expect(alert.sender).to.equal("cap@ec.gc.ca");
    expect(alert.sent).to.equal("2012-05-02T23:21:04-00:00");
    expect(alert.status).to.equal("Actual");
    expect(alert.msgType).to.equal("Update");
    expect(alert.source).to.equal(
      "Environment Canada - Environnement Canada - Toronto (CWTO)",
    );
    expect(alert.scope).to.equal("Public");
    // Empty <restriction/>, <addresses/>, <note/> and <incidents/> are absent.
    expect(alert).to.not.have.any.keys("restriction", "addresses", "note");
    expect(alert.incidents).to.deep.equal([]);
    expect(alert.code).to.deep.equal([
      "profile:CAP-CP:0.4",
      "layer:EC-MSC-SMC:1.0",
      "layer:SOREM:1.0",
    ]);
    expect(alert.references).to.deep.equal([
      {
        sender: "cap@ec.gc.ca",
        identifier: "2.49.0.1.124.a3f342a4.2012",
        sent: "2012-05-02T21:45:05-00:00",
      },
      {
        sender: "cap@ec.gc.ca",
        identifier: "2.49.0.1.124.60f31a3a.2012",
        sent: "2012-05-02T21:55:21-00:00",
      },
    ]);
    expect(alert.info.map((info) => info.language)).to.deep.equal([
      "en-CA",
      "fr-CA",
    ]);

    const english = infoAt(alert, 0);
    expect(english.event).to.equal("thunderstorm");
    expect(english.responseType).to.deep.equal(["AllClear"]);
    expect(english.urgency).to.equal("Past");
    expect(english.audience).to.equal("General Public");
    expect(english.eventCode).to.deep.equal([
      { valueName: "profile:CAP-CP:Event:0.4", value: "thunderstorm" },
      { valueName: "SAME", value: "SVA" },
    ]);
    expect(english.effective).to.equal("2012-05-02T23:20:00-00:00");
    expect(english.expires).to.equal("2012-05-03T00:20:00-00:00");
    expect(english.headline).to.equal("severe thunderstorm watch");
    expect(english.contact).to.equal(undefined);
    expect(english.web).to.equal(
      "http://www.weatheroffice.gc.ca/warnings/warnings_e.html",
    );
    expect(english.parameter).to.have.length(5);
    expect(
      pairValue(english.parameter, "layer:EC-MSC-SMC:1.0:CAP_count"),
    ).to.equal("21699");
    expect(english.area).to.have.length(2);

    const windsor = areaAt(english, 0);
    expect(windsor.areaDesc).to.equal("Windsor - Leamington - Essex County");
    expect(windsor.polygon).to.have.length(1);
    expect(windsor.polygon[0]).to.have.length(17);
    expect(windsor.polygon[0]![0]).to.deep.equal([42.3481, -82.9314]);
    expect(windsor.polygon[0]![11]).to.deep.equal([42.0409, -83.1224]);
    expect(windsor.geocode).to.have.length(10);
    expect(windsor.geocode[0]).to.deep.equal({
      valueName: "layer:EC-MSC-SMC:1.0:CLC",
      value: "041420",
    });
    expect(
      pairValues(windsor.geocode, "profile:CAP-CP:Location:0.3"),
    ).to.deep.equal([
      "3537001",
      "3537003",
      "3537013",
      "3537016",
      "3537028",
      "3537034",
      "3537039",
      "3537048",
      "3537064",
    ]);
    const chatham = areaAt(english, 1);
    expect(chatham.areaDesc).to.equal("Chatham-Kent - Rondeau Park");
    expect(chatham.polygon[0]).to.have.length(38);
    expect(chatham.geocode.map((pair) => pair.value)).to.deep.equal([
      "041410",
      "3536020",
      "3536029",
    ]);

    const french = infoAt(alert, 1);
    expect(french.event).to.equal("orages");
    expect(french.headline).to.equal("veille d'orages violents");
    expect(french.description).to.equal(
      "C'est l'épreuve - ce message de PAC a été créé pour les buts d'essai seulement.",
    );
    expect(areaAt(french, 0).areaDesc).to.equal(
      "Windsor - Leamington - comté d'Essex",
    );
    expect(areaAt(french, 1).areaDesc).to.equal("Chatham-Kent - parc Rondeau");
  });

  it("canada_signed.cap: signed Update", async () => {
    const result = await parseFixture(`${DIR}/canada_signed.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expectCanadaSigned(alert);
  });

  it("canada_signed.atom: fat Atom entry", async () => {
    const result = await parseFixture(`${DIR}/canada_signed.atom`);
    expect(result.format).to.equal("atom");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    // The feed's own rel="self" link is not an entry and not a CAP link.
    expect(result.links).to.deep.equal([]);
    expectCanadaSigned(onlyAlert(result));

    const standalone = await parseFixture(`${DIR}/canada_signed.cap`);
    expect(result.alerts).to.deep.equal(standalone.alerts);
  });

  it("earthquake-iso8859-1.cap: declared Latin-1", async () => {
    const bytes = await loadFixture(`${DIR}/earthquake-iso8859-1.cap`);
    // The file holds raw Latin-1: "á" is the single byte E1.
    expect(bytes.indexOf(0xe1)).to.be.greaterThan(0);
    const result = await parseFixture(`${DIR}/earthquake-iso8859-1.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);

    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "USGS-earthquakes-usB000D5T4.3947362.7.20121014T225304.360Z.0",
    );
    expect(alert.sender).to.equal(
      "http://earthquake.usgs.gov/research/monitoring/anss/neic/",
    );
    expect(alert.sent).to.equal("2012-10-14T22:53:04+00:00");
    expect(alert.status).to.equal("Actual");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.addresses).to.equal("0");
    expect(alert.code).to.deep.equal(["IPAWSv1.0"]);

    const info = infoAt(alert, 0);
    // No <language>: CAP's default.
    expect(info.language).to.equal("en-US");
    expect(info.category).to.deep.equal(["Geo"]);
    expect(info.event).to.equal("Earthquake");
    expect(info.eventCode).to.deep.equal([{ valueName: "SAME", value: "EQW" }]);
    expect(info.onset).to.equal("2012-10-14T22:40:56+00:00");
    expect(info.expires).to.equal("2012-10-21T22:53:04+00:00");
    expect(info.headline).to.equal(
      "EQ 4.6 Usulután, Usulután, El Salvador - PRELIMINARY REPORT",
    );
    expect(info.description).to.include("occurred near Usulután, Usulután");
    expect(info.parameter).to.have.length(12);
    expect(pairValue(info.parameter, "Depth")).to.equal("66.5 km (41.3 miles)");
    const area = areaAt(info, 0);
    expect(
      area.areaDesc.startsWith("47 miles (76 km) SSW of Usulután"),
    ).to.equal(true);
    expect(area.circle).to.deep.equal([
      { lat: 12.747, lon: -88.783, radius: 0 },
    ]);
    for (const text of [info.headline, info.description, area.areaDesc]) {
      expect(text).to.not.include("\uFFFD");
    }
  });

  it("earthquake_index.atom: typed related link", async () => {
    const result = await parseFixture(`${DIR}/earthquake_index.atom`);
    expect(result.format).to.equal("atom");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links).to.deep.equal([
      {
        url: "http://earthquake.usgs.gov/earthquakes/catalogs/cap/us2010apcd",
        entryId: "urn:earthquake-usgs-gov:us:2010apcd",
        updated: "2010-08-30T23:25:40Z",
      },
    ]);
  });

  it("earthquake_signed.cap: point circle", async () => {
    const result = await parseFixture(`${DIR}/earthquake_signed.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "USGS-earthquakes-nc71635010.28103893.20110906T171538.586Z",
    );
    expect(alert.sender).to.equal("http://www.cisn.org/ncmc.html");
    expect(alert.sent).to.equal("2011-09-06T17:15:38+00:00");
    expect(alert.msgType).to.equal("Alert");
    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-US");
    expect(info.headline).to.equal(
      "EQ 1.3 The Geysers, CA - PRELIMINARY REPORT",
    );
    expect(info.onset).to.equal("2011-09-06T01:33:57+00:00");
    expect(info.expires).to.equal("2011-09-13T17:15:38+00:00");
    expect(info.parameter).to.have.length(11);
    expect(pairValue(info.parameter, "EventIDKey")).to.equal("nc71635010");
    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal(
      "2 miles (2 km) NNW of The Geysers, CA; 5 miles (8 km) WSW of Cobb, CA; 7 miles (12 km) WNW of Anderson Springs, CA; 26 miles (42 km) NNW of Santa Rosa, CA; 75 miles (120 km) WNW of Sacramento, CA",
    );
    expect(area.circle).to.deep.equal([
      { lat: 38.82, lon: -122.812, radius: 0 },
    ]);
  });

  it("noaa_errors.cap: publisher faults", async () => {
    const result = await parseFixture(`${DIR}/noaa_errors.cap`);
    expect(result.format).to.equal("cap");
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal(
      "NOAA-NWS-ALERTS-NV20110710035200FloodWarning20110812031500NV.LKNFLWLKN.b246748c7bbfa7c65ae9b960569510dd",
    );
    expect(alert.sender).to.equal("w-nws.webmaster@noaa.gov");
    expect(alert.sent).to.equal("2011-07-09T20:52:00-07:00");
    expect(alert.msgType).to.equal("Alert");
    expect(alert.note).to.equal(
      "Alert for Humboldt (Nevada) Issued by the National Weather Service",
    );
    expect(alert.references).to.deep.equal([]);

    const info = infoAt(alert, 0);
    expect(info.language).to.equal("en-US");
    expect(info.event).to.equal("Flood Warning");
    expect(info.urgency).to.equal("");
    expect(info.severity).to.equal("");
    expect(info.certainty).to.equal("");
    expect(info.eventCode).to.deep.equal([{ valueName: "SAME", value: "" }]);
    expect(info.effective).to.equal("2011-07-09T20:52:00-07:00");
    expect(info.expires).to.equal("2011-08-11T20:15:00-07:00");
    expect(info.parameter.map((pair) => pair.valueName)).to.deep.equal([
      "WMOHEADER",
      "UGC",
      "VTEC",
      "TIME...MOT...LOC",
    ]);
    expect(pairValue(info.parameter, "VTEC")).to.equal(
      "/O.EXT.KLKN.FA.W.0018.000000T0000Z-110712T0315Z/\n/00000.0.SM.000000T0000Z.000000T0000Z.000000T0000Z.OO/",
    );

    const area = areaAt(info, 0);
    expect(area.areaDesc).to.equal("Humboldt");
    expect(area.polygon).to.deep.equal([
      [
        [41.12, -117.61],
        [41.06, -117.47],
        [41.04, -117.47],
        [40.91, -117.52],
        [40.96, -117.61],
        [40.84, -117.89],
        [40.85, -118.09],
        [40.86, -118.09],
        [41.12, -117.61],
      ],
    ]);
    expect(area.geocode).to.deep.equal([
      { valueName: "FIPS6", value: "032013" },
      { valueName: "UGC", value: "NVC013" },
    ]);
    const skipped = issuesWith(result.warnings, "invalid-geometry");
    expect(skipped).to.have.length(1);
    expect(skipped[0]!.path).to.equal("info[0].area[0].polygon[1]");
    expect(codesOf(result.warnings)).to.deep.equal(["invalid-geometry"]);
  });

  it("ny_index.rss: two RSS links", async () => {
    const result = await parseFixture(`${DIR}/ny_index.rss`);
    expect(result.format).to.equal("rss");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links).to.deep.equal([
      {
        url: "http://www.nyalert.gov/Public/News/GetCapAlert.aspx?capID=NYAlert-ALLHAZALERT-3167113",
        entryId: "NYAlert-ALLHAZALERT-3167113",
        updated: "Fri, 04 Feb 2011 20:20:00 GMT",
      },
      {
        url: "http://www.nyalert.gov/Public/News/GetCapAlert.aspx?capID=NYAlert-ALLHAZALERT-3162202",
        entryId: "NYAlert-ALLHAZALERT-3162202",
        updated: "Fri, 28 Jan 2011 16:13:00 GMT",
      },
    ]);
  });

  it("wcatwc-warning.cap: three resources", async () => {
    const result = await parseFixture(`${DIR}/wcatwc-warning.cap`);
    expect(result.format).to.equal("cap");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("PAAQ-2-lqw6d6");
    expect(alert.sender).to.equal("http://newwcatwc.arh.noaa.gov/tsuPortal/");
    expect(alert.sent).to.equal("2011-09-02T11:36:50-00:00");
    expect(alert.msgType).to.equal("Update");
    expect(alert.code).to.deep.equal(["WEPA41"]);
    expect(alert.references).to.deep.equal([
      {
        sender: "PAAQ",
        identifier: "PAAQ-1-lqw6d6",
        sent: "2011-09-02T10:55:55-00:00",
      },
    ]);
    expect(alert.incidents).to.deep.equal(["lqw6d6"]);

    const info = infoAt(alert, 0);
    expect(info.event).to.equal("Tsunami Warning");
    expect(info.responseType).to.deep.equal(["Prepare"]);
    expect(info.severity).to.equal("Extreme");
    expect(info.onset).to.equal("2011-09-02T11:36:50-00:00");
    expect(info.expires).to.equal("2011-09-02T12:36:50-00:00");
    expect(info.parameter).to.have.length(38);
    expect(pairValues(info.parameter, "predictedArrivalTime")).to.have.length(
      25,
    );
    expect(pairValue(info.parameter, "EventLatLon")).to.equal(
      "51.800,-171.400 0.000",
    );
    expect(pairValue(info.parameter, "predictedWaveHeight")).to.equal(
      `"Neah Bay, Washington";"1.000m 3.000ft";48.4;-124.6;PZZ130;"CAP-TSU:1.0"`,
    );
    expect(
      info.resource.map((resource) => [resource.mimeType, resource.uri]),
    ).to.deep.equal([
      [
        "image/jpeg",
        "http://newwcatwc.arh.noaa.gov/tsuPortal/events/PAAQ/2011/09/02/lqw6d6/2/WEPA41/2011/09/02/lqw6d6/energylqw6d6-02.jpg",
      ],
      [
        "image/jpeg",
        "http://newwcatwc.arh.noaa.gov/tsuPortal/events/PAAQ/2011/09/02/lqw6d6/2/WEPA41/2011/09/02/lqw6d6/02/ttvulqw6d6-02.jpg",
      ],
      [
        "application/json",
        "http://newwcatwc.arh.noaa.gov/tsuPortal/events/PAAQ/2011/09/02/lqw6d6/2/WEPA41/PAAQ.js",
      ],
    ]);
    expect(info.resource[1]!.resourceDesc).to.equal("Tsunami Travel Time Map");
    const area = areaAt(info, 0);
    expect(area.polygon).to.deep.equal([]);
    expect(area.geocode).to.deep.equal([
      { valueName: "UGC", value: "AKZ185" },
      { valueName: "UGC", value: "AKZ187" },
    ]);
  });

  it("weather_index.atom: summarised links", async () => {
    const result = await parseFixture(`${DIR}/weather_index.atom`);
    expect(result.format).to.equal("atom");
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links).to.deep.equal([
      {
        url: "http://www.weather.gov/alerts-beta/wwacapget.php?x=CT20100831030400OKXAirQualityAlertOKX20100901031500CT",
        entryId:
          "http://www.weather.gov/alerts-beta/wwacapget.php?x=CT20100831030400OKXAirQualityAlertOKX20100901031500CT",
        updated: "2010-08-30T23:04:00-04:00",
        status: "Actual",
        msgType: "Alert",
        expires: "2010-08-31T23:15:00-04:00",
      },
      {
        url: "http://www.weather.gov/alerts-beta/wwacapget.php?x=DC20100830203300LWXAirQualityAlertLWX20100901040000DC",
        entryId:
          "http://www.weather.gov/alerts-beta/wwacapget.php?x=DC20100830203300LWXAirQualityAlertLWX20100901040000DC",
        updated: "2010-08-30T16:33:00-04:00",
        status: "Actual",
        msgType: "Alert",
        expires: "2010-09-01T00:00:00-04:00",
      },
    ]);
  });

  it("xee.cap: nothing expanded or fetched", async () => {
    const bytes = await loadFixture(`${DIR}/xee.cap`);
    let result: ParseResult | undefined;
    const requested = requestsDuring(() => {
      result = parseFeed(bytes);
    });
    expect(requested).to.deep.equal([]);
    // Give a request the platform might start on its own time to show up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resourceRequestsContaining("localhost:8080")).to.deep.equal([]);

    expect(result!.format).to.equal("cap");
    expect(result!.fatal).to.equal(false);
    expect(result!.errors).to.deep.equal([]);
    expect(codesOf(result!.warnings)).to.deep.equal([
      "doctype-ignored",
      "entity-not-expanded",
    ]);
    expect(result!.warnings[1]!.value).to.equal("&xxe;");

    const alert = onlyAlert(result!);
    expect(alert.identifier).to.equal("KSTO1055887203");
    expect(alert.sender).to.equal("KSTO@NWS.NOAA.GOV");
    expect(alert.sent).to.equal("2003-06-17T14:57:00-07:00");
    const info = infoAt(alert, 0);
    expect(info.event).to.equal("SEVERE THUNDERSTORM");
    expect(info.senderName).to.equal(
      "NATIONAL WEATHER SERVICE SACRAMENTO CA&xxe;",
    );
    expect(info.headline).to.equal("SEVERE THUNDERSTORM WARNING&xxe;");
    expect(info.instruction).to.equal(
      "TAKE COVER IN A SUBSTANTIAL SHELTER UNTIL THE STORM PASSES.&xxe;",
    );
    expect(info.contact).to.equal("BARUFFALDI/JUSKIE&xxe;");
    expect(info.description!.endsWith("WITH THIS STORM.&xxe;")).to.equal(true);
    expect(info.expires).to.equal("2003-06-17T16:00:00-07:00");
    const area = areaAt(info, 0);
    expect(area.areaDesc.endsWith("ALPINE COUNTY IN CALIFORNIA&xxe;")).to.equal(
      true,
    );
    expect(area.polygon).to.deep.equal([
      [
        [38.47, -120.14],
        [38.34, -119.95],
        [38.52, -119.74],
        [38.62, -119.89],
        [38.47, -120.14],
      ],
    ]);
    expect(pairValues(area.geocode, "SAME")).to.deep.equal([
      "006109",
      "006009",
      "006003",
    ]);
    // Nothing of /etc/passwd or the DTDs can be in the alert.
    expect(JSON.stringify(alert)).to.not.include("root:");
  });

  it("xee.atom: nothing expanded or fetched", async () => {
    const bytes = await loadFixture(`${DIR}/xee.atom`);
    let result: ParseResult | undefined;
    const requested = requestsDuring(() => {
      result = parseFeed(bytes);
    });
    expect(requested).to.deep.equal([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resourceRequestsContaining("googleusercontent.com")).to.deep.equal(
      [],
    );

    expect(result!.format).to.equal("atom");
    expect(result!.fatal).to.equal(false);
    expect(result!.errors).to.deep.equal([]);
    expect(codesOf(result!.warnings)).to.deep.equal(["doctype-ignored"]);
    expect(result!.alerts).to.deep.equal([]);
    expect(result!.links).to.deep.equal([
      {
        url: "http://www.weather.gov/alerts-beta/wwacapget.php?x=CT20100831030400OKXAirQualityAlertOKX20100901031500CT",
        entryId:
          "http://www.weather.gov/alerts-beta/wwacapget.php?x=CT20100831030400OKXAirQualityAlertOKX20100901031500CT",
        updated: "2010-08-30T23:04:00-04:00",
      },
    ]);
  });
});

/** The alert of canada_signed.cap, also embedded in canada_signed.atom. */
function expectCanadaSigned(alert: ParseResult["alerts"][number]): void {
  expect(alert.identifier).to.equal("2.49.0.1.124.f2c83f5f.2013");
  expect(alert.sender).to.equal("cap-pac@ec.gc.ca");
  expect(alert.sent).to.equal("2013-01-24T21:26:00-00:00");
  expect(alert.status).to.equal("Actual");
  expect(alert.msgType).to.equal("Update");
  expect(alert.scope).to.equal("Public");
  expect(
    alert.references.map((reference) => reference.identifier),
  ).to.deep.equal([
    "2.49.0.1.124.726d2331.2013",
    "2.49.0.1.124.dbd93ecf.2013",
    "2.49.0.1.124.776b7be9.2013",
    "2.49.0.1.124.644896f9.2013",
    "2.49.0.1.124.775add0e.2013",
    "2.49.0.1.124.be023d99.2013",
    "2.49.0.1.124.55e158d5.2013",
    "2.49.0.1.124.aa4c1c13.2013",
    "2.49.0.1.124.b5af9b7c.2013",
  ]);
  expect(alert.references[0]).to.deep.equal({
    sender: "cap-pac@ec.gc.ca",
    identifier: "2.49.0.1.124.726d2331.2013",
    sent: "2013-01-23T21:31:00-00:00",
  });
  expect(alert.references[8]!.sent).to.equal("2013-01-24T21:26:00-00:00");
  expect(alert.info.map((info) => info.language)).to.deep.equal([
    "en-CA",
    "fr-CA",
  ]);
  const english = infoAt(alert, 0);
  expect(english.event).to.equal("snowfall");
  expect(english.eventCode).to.deep.equal([
    { valueName: "profile:CAP-CP:Event:0.4", value: "snowfall" },
    { valueName: "SAME", value: "WSW" },
  ]);
  expect(english.effective).to.equal("2013-01-24T21:26:00-00:00");
  expect(english.expires).to.equal("2013-01-25T13:26:00-00:00");
  expect(english.headline).to.equal("snowfall warning");
  expect(english.instruction).to.equal(
    '"Please monitor for further updates to this alert."',
  );
  expect(english.parameter).to.have.length(6);
  expect(english.area.map((area) => area.areaDesc)).to.deep.equal([
    "La Ronge - Prince Albert Nat. Park - Narrow Hills Prov. Park",
    "Île à la Crosse - Buffalo Narrows - Beauval",
  ]);
  expect(english.area.map((area) => area.polygon[0]!.length)).to.deep.equal([
    38, 37,
  ]);
  expect(english.area.map((area) => area.geocode.length)).to.deep.equal([
    20, 16,
  ]);
  expect(areaAt(english, 1).polygon[0]![0]).to.deep.equal([56.12, -106.753]);
  const french = infoAt(alert, 1);
  expect(french.event).to.equal("neige");
  expect(french.headline).to.equal("avertissement de neige");
  expect(french.instruction).to.equal(undefined);
  expect(
    french.description!.startsWith(
      "On ne prévoit plus d'importantes accumulations.",
    ),
  ).to.equal(true);
}
