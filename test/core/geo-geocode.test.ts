import { expect } from "chai";
import type { CapArea, CapValuePair } from "../../shared/model/cap.js";
import {
  areaConcernsRegions,
  geocodeMatches,
  parseRegion,
} from "../../shared/geo/geocode.js";

function code(valueName: string, value: string): CapValuePair {
  return { valueName, value };
}

function area(geocode: CapValuePair[]): CapArea {
  return { areaDesc: "test area", polygon: [], circle: [], geocode };
}

describe("parseRegion", () => {
  it("splits a SAME region", () => {
    expect(parseRegion("SAME:006037")).to.deep.equal(code("SAME", "006037"));
  });

  it("splits CAP-CP at the last colon", () => {
    expect(parseRegion("profile:CAP-CP:Location:0.3:3506008")).to.deep.equal(
      code("profile:CAP-CP:Location:0.3", "3506008"),
    );
  });

  it("trims both parts", () => {
    expect(parseRegion("  SAME :\t006037 \n")).to.deep.equal(
      code("SAME", "006037"),
    );
  });

  for (const text of ["", "SAME", "SAME:", "SAME:  ", ":006037", " : "]) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(parseRegion(text)).to.equal(null);
    });
  }
});

describe("geocodeMatches", () => {
  it("matches equal codes", () => {
    expect(
      geocodeMatches(code("SAME", "006037"), code("SAME", "006037")),
    ).to.equal(true);
  });

  it("compares valueNames case-insensitively", () => {
    expect(
      geocodeMatches(code("same", "006037"), code("SAME", "006037")),
    ).to.equal(true);
    expect(
      geocodeMatches(
        code("profile:CAP-CP:Location:0.3", "3506008"),
        code("PROFILE:cap-cp:location:0.3", "3506008"),
      ),
    ).to.equal(true);
  });

  it("trims valueNames and values", () => {
    expect(
      geocodeMatches(code(" SAME\n", "\t006037 "), code("SAME", " 006037")),
    ).to.equal(true);
  });

  it("compares values exactly", () => {
    expect(
      geocodeMatches(code("UGC", "CAZ041"), code("UGC", "caz041")),
    ).to.equal(false);
    expect(
      geocodeMatches(code("UGC", "CAZ041"), code("UGC", "CAZ042")),
    ).to.equal(false);
  });

  it("keeps different valueNames apart", () => {
    expect(
      geocodeMatches(code("FIPS6", "006037"), code("SAME", "006037")),
    ).to.equal(false);
    expect(
      geocodeMatches(
        code("profile:CAP-CP:Location:0.3", "3506008"),
        code("profile:CAP-CP:Location:0.4", "3506008"),
      ),
    ).to.equal(false);
  });

  it("matches a county region to a part", () => {
    expect(
      geocodeMatches(code("SAME", "106037"), code("SAME", "006037")),
    ).to.equal(true);
  });

  it("matches a part region to the county", () => {
    expect(
      geocodeMatches(code("SAME", "006037"), code("SAME", "906037")),
    ).to.equal(true);
  });

  it("keeps two parts of a county apart", () => {
    expect(
      geocodeMatches(code("SAME", "106037"), code("SAME", "206037")),
    ).to.equal(false);
  });

  it("keeps different counties apart", () => {
    expect(
      geocodeMatches(code("SAME", "006037"), code("SAME", "006038")),
    ).to.equal(false);
    expect(
      geocodeMatches(code("SAME", "106037"), code("SAME", "006059")),
    ).to.equal(false);
  });

  it("applies the county rule to FIPS6", () => {
    expect(
      geocodeMatches(code("FIPS6", "006037"), code("fips6", "306037")),
    ).to.equal(true);
    expect(
      geocodeMatches(code("FIPS6", "106037"), code("FIPS6", "306037")),
    ).to.equal(false);
  });

  it("applies the county rule only to six digits", () => {
    expect(
      geocodeMatches(code("SAME", "06037"), code("SAME", "106037")),
    ).to.equal(false);
    expect(
      geocodeMatches(code("SAME", "0A6037"), code("SAME", "1A6037")),
    ).to.equal(false);
  });

  it("applies the county rule only to SAME and FIPS6", () => {
    expect(
      geocodeMatches(code("UGC", "006037"), code("UGC", "106037")),
    ).to.equal(false);
  });

  it("ignores a geocode that is not text", () => {
    const broken = {
      valueName: "SAME",
      value: 6037,
    } as unknown as CapValuePair;
    expect(geocodeMatches(broken, code("SAME", "006037"))).to.equal(false);
  });
});

describe("areaConcernsRegions", () => {
  const alertArea = area([
    code("SAME", "106037"),
    code("profile:CAP-CP:Location:0.3", "3506008"),
  ]);

  it("matches any geocode to any region", () => {
    expect(
      areaConcernsRegions(alertArea, [
        code("SAME", "006001"),
        code("profile:CAP-CP:Location:0.3", "3506008"),
      ]),
    ).to.equal(true);
    expect(areaConcernsRegions(alertArea, [code("SAME", "006037")])).to.equal(
      true,
    );
  });

  it("matches a parsed CAP-CP region", () => {
    const region = parseRegion("profile:CAP-CP:Location:0.3:3506008");
    expect(areaConcernsRegions(alertArea, [region!])).to.equal(true);
  });

  it("rejects regions elsewhere", () => {
    expect(
      areaConcernsRegions(alertArea, [
        code("SAME", "206037"),
        code("profile:CAP-CP:Location:0.3", "3506009"),
      ]),
    ).to.equal(false);
  });

  it("matches nothing without regions", () => {
    expect(areaConcernsRegions(alertArea, [])).to.equal(false);
  });

  it("matches nothing without geocodes", () => {
    expect(areaConcernsRegions(area([]), [code("SAME", "006037")])).to.equal(
      false,
    );
  });
});
