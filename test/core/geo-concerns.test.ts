import { expect } from "chai";
import type { CapArea, CapInfo } from "../../shared/model/cap.js";
import { infoConcernsReader } from "../../shared/geo/concerns.js";

function info(area: CapArea[]): CapInfo {
  return {
    language: "en-US",
    category: ["Rescue"],
    event: "Child Abduction Emergency",
    responseType: [],
    urgency: "Immediate",
    severity: "Severe",
    certainty: "Likely",
    eventCode: [],
    parameter: [],
    resource: [],
    area,
  };
}

const polygonArea: CapArea = {
  areaDesc: "Harbour district",
  polygon: [
    [
      [-33.95, 151.1],
      [-33.95, 151.3],
      [-33.75, 151.3],
      [-33.75, 151.1],
      [-33.95, 151.1],
    ],
  ],
  circle: [],
  geocode: [],
};

const circleArea: CapArea = {
  areaDesc: "5 km around the last sighting",
  polygon: [],
  circle: [{ lat: 45.5, lon: -73.57, radius: 5 }],
  geocode: [],
};

const geocodeArea: CapArea = {
  areaDesc: "Los Angeles County",
  polygon: [],
  circle: [],
  geocode: [{ valueName: "SAME", value: "006037" }],
};

const emptyArea: CapArea = {
  areaDesc: "Somewhere",
  polygon: [],
  circle: [],
  geocode: [],
};

const sydney = { lat: -33.87, lon: 151.21, radius: 0 };
const montreal = { lat: 45.53, lon: -73.57, radius: 0 };
const athens = { lat: 37.98, lon: 23.73, radius: 10 };
const losAngeles = { valueName: "SAME", value: "106037" };
const orange = { valueName: "SAME", value: "006059" };

describe("infoConcernsReader", () => {
  it("concerns a reader with no location", () => {
    const alertInfo = info([polygonArea]);
    expect(infoConcernsReader(alertInfo, {})).to.equal(true);
    expect(
      infoConcernsReader(alertInfo, { place: null, regions: [] }),
    ).to.equal(true);
    expect(infoConcernsReader(info([]), {})).to.equal(true);
  });

  it("matches the place in any area", () => {
    const alertInfo = info([emptyArea, polygonArea, circleArea]);
    expect(infoConcernsReader(alertInfo, { place: sydney })).to.equal(true);
    expect(infoConcernsReader(alertInfo, { place: montreal })).to.equal(true);
    expect(infoConcernsReader(alertInfo, { place: athens })).to.equal(false);
  });

  it("matches a region", () => {
    const alertInfo = info([geocodeArea]);
    expect(infoConcernsReader(alertInfo, { regions: [losAngeles] })).to.equal(
      true,
    );
    expect(infoConcernsReader(alertInfo, { regions: [orange] })).to.equal(
      false,
    );
  });

  it("matches the place or a region", () => {
    const alertInfo = info([polygonArea, geocodeArea]);
    expect(
      infoConcernsReader(alertInfo, { place: athens, regions: [losAngeles] }),
    ).to.equal(true);
    expect(
      infoConcernsReader(alertInfo, { place: sydney, regions: [orange] }),
    ).to.equal(true);
    expect(
      infoConcernsReader(alertInfo, { place: athens, regions: [orange] }),
    ).to.equal(false);
  });

  it("ignores geometry for a region-only reader", () => {
    const alertInfo = info([polygonArea]);
    expect(infoConcernsReader(alertInfo, { regions: [losAngeles] })).to.equal(
      false,
    );
  });

  it("ignores geocodes for a place-only reader", () => {
    const alertInfo = info([geocodeArea]);
    expect(infoConcernsReader(alertInfo, { place: sydney })).to.equal(false);
  });

  it("rejects an area without geometry or geocode", () => {
    const alertInfo = info([emptyArea]);
    expect(infoConcernsReader(alertInfo, { place: sydney })).to.equal(false);
    expect(infoConcernsReader(alertInfo, { regions: [losAngeles] })).to.equal(
      false,
    );
  });

  it("rejects an info without areas", () => {
    expect(infoConcernsReader(info([]), { place: sydney })).to.equal(false);
    expect(infoConcernsReader(info([]), { regions: [losAngeles] })).to.equal(
      false,
    );
  });
});
