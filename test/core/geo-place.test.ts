import { expect } from "chai";
import type { CapArea, CapCircle, CapPolygon } from "../../shared/model/cap.js";
import { haversineKm, KM_PER_DEGREE } from "../../shared/geo/distance.js";
import {
  parseCircle,
  parsePolygon,
  type GeometryResult,
} from "../../shared/geo/parse-geometry.js";
import { areaConcernsPlace, type Place } from "../../shared/geo/place.js";
import { polygonMeetsDisc } from "../../shared/geo/polygon-index.js";
import { loadFixtureText } from "../helpers/fixtures.js";

function area(polygon: CapPolygon[] = [], circle: CapCircle[] = []): CapArea {
  return { areaDesc: "test area", polygon, circle, geocode: [] };
}

function place(lat: number, lon: number, radius = 0): Place {
  return { lat, lon, radius };
}

function valueOf<T>(result: GeometryResult<T>): T {
  if ("error" in result) {
    throw new Error(`Expected a value, got the error: ${result.error}`);
  }
  return result.value;
}

/** A ring of the four corners of a latitude/longitude box, closed. */
function box(
  south: number,
  west: number,
  north: number,
  east: number,
): CapPolygon {
  return [
    [south, west],
    [south, east],
    [north, east],
    [north, west],
    [south, west],
  ];
}

interface FixtureArea {
  areaDesc: string;
  polygons: Array<GeometryResult<CapPolygon>>;
  circles: Array<GeometryResult<CapCircle>>;
}

/**
 * Reads the polygon and circle texts of each <area> of a bug-case fixture
 * with a regular expression. The fixtures are small, flat and invented, and
 * the feed parser is tested elsewhere.
 */
async function fixtureAreas(path: string): Promise<FixtureArea[]> {
  const text = await loadFixtureText(path);
  const areas: FixtureArea[] = [];
  for (const match of text.matchAll(/<area>([\s\S]*?)<\/area>/g)) {
    const body = match[1]!;
    const areaDesc = /<areaDesc>([^<]*)<\/areaDesc>/.exec(body)?.[1] ?? "";
    const polygons = [...body.matchAll(/<polygon>([^<]*)<\/polygon>/g)].map(
      (polygon) => parsePolygon(polygon[1]!),
    );
    const circles = [...body.matchAll(/<circle>([^<]*)<\/circle>/g)].map(
      (circle) => parseCircle(circle[1]!),
    );
    areas.push({ areaDesc, polygons, circles });
  }
  return areas;
}

function capArea(fixture: FixtureArea): CapArea {
  return area(fixture.polygons.map(valueOf), fixture.circles.map(valueOf));
}

describe("areaConcernsPlace bug cases", () => {
  it("matches the second polygon of an area", async () => {
    const areas = await fixtureAreas("bugcases/B01-multi-polygon-area.xml");
    expect(areas).to.have.length(1);
    const [first, second] = areas[0]!.polygons.map(valueOf);
    const probe = place(42.5, -96.5);

    expect(areaConcernsPlace(capArea(areas[0]!), probe)).to.equal(true);
    expect(areaConcernsPlace(area([first!]), probe)).to.equal(false);
    expect(areaConcernsPlace(area([second!]), probe)).to.equal(true);
    expect(areaConcernsPlace(area([first!]), place(40.5, -99.5))).to.equal(
      true,
    );
    expect(areaConcernsPlace(capArea(areas[0]!), place(41.5, -98))).to.equal(
      false,
    );
  });

  it("reads latitude first in polygon and circle", async () => {
    const areas = await fixtureAreas("bugcases/B02-latlon-order.xml");
    expect(areas).to.have.length(2);
    const probe = place(-33.87, 151.21);

    expect(areaConcernsPlace(capArea(areas[0]!), probe)).to.equal(true);
    expect(areaConcernsPlace(capArea(areas[1]!), probe)).to.equal(true);
    // The probe with its coordinates swapped is not a place on Earth.
    expect(
      areaConcernsPlace(capArea(areas[0]!), place(151.21, -33.87)),
    ).to.equal(false);
    // 20 km north of the circle's centre and outside the polygon.
    expect(
      areaConcernsPlace(capArea(areas[1]!), place(-33.69, 151.21)),
    ).to.equal(false);
  });

  it("closes the open ring and matches", async () => {
    const areas = await fixtureAreas("bugcases/B03-unclosed-polygon.xml");
    const result = areas[0]!.polygons[0]!;
    if ("error" in result) throw new Error(result.error);
    expect(result.warnings).to.have.length(1);
    expect(areaConcernsPlace(capArea(areas[0]!), place(45.5, -73.5))).to.equal(
      true,
    );
    expect(areaConcernsPlace(capArea(areas[0]!), place(46.5, -73.5))).to.equal(
      false,
    );
  });

  it("answers the bow-tie by even-odd", async () => {
    const areas = await fixtureAreas("bugcases/B03-unclosed-polygon.xml");
    const bowTie = capArea(areas[1]!);
    // The crossing edges split the ring into a left and a right triangle.
    expect(areaConcernsPlace(bowTie, place(47.5, -73.9))).to.equal(true);
    expect(areaConcernsPlace(bowTie, place(47.5, -73.1))).to.equal(true);
    // Above and below the crossing point the wings are crossed twice.
    expect(areaConcernsPlace(bowTie, place(47.9, -73.5))).to.equal(false);
    expect(areaConcernsPlace(bowTie, place(47.1, -73.5))).to.equal(false);
    expect(areaConcernsPlace(bowTie, place(46.5, -73.5))).to.equal(false);
  });

  it("rejects the degenerate ring", async () => {
    const areas = await fixtureAreas("bugcases/B03-unclosed-polygon.xml");
    const result = areas[2]!.polygons[0]!;
    expect(result).to.have.property("error");
  });

  it("reads the circle radius in kilometres", async () => {
    const areas = await fixtureAreas("bugcases/B04-circle-radius-km.xml");
    const fiveKm = capArea(areas[0]!);
    expect(areaConcernsPlace(fiveKm, place(45.53, -73.57))).to.equal(true);
    expect(areaConcernsPlace(fiveKm, place(45.6, -73.57))).to.equal(false);
    // 5 miles (8.05 km) would reach 45.57; 5 km does not.
    expect(areaConcernsPlace(fiveKm, place(45.57, -73.57))).to.equal(false);
  });

  it("treats radius 0 as a point", async () => {
    const areas = await fixtureAreas("bugcases/B04-circle-radius-km.xml");
    const point = capArea(areas[1]!);
    const northKm = 0.03 * KM_PER_DEGREE;

    expect(areaConcernsPlace(point, place(45.5, -73.57))).to.equal(true);
    expect(areaConcernsPlace(point, place(45.53, -73.57))).to.equal(false);
    expect(
      areaConcernsPlace(point, place(45.53, -73.57, northKm + 0.01)),
    ).to.equal(true);
    expect(
      areaConcernsPlace(point, place(45.53, -73.57, northKm - 0.01)),
    ).to.equal(false);
  });
});

describe("areaConcernsPlace polygons", () => {
  const quadrants: Array<[string, CapPolygon, Place, Place]> = [
    [
      "north-west",
      box(40, -100, 41, -99),
      place(40.5, -99.5),
      place(40.5, -97.5),
    ],
    ["north-east", box(37.8, 23.5, 38.2, 24), place(38, 23.7), place(38, 24.2)],
    [
      "south-west",
      box(-35, -59, -34, -58),
      place(-34.6, -58.4),
      place(-36, -58.4),
    ],
    [
      "south-east",
      box(-34, 151, -33, 152),
      place(-33.5, 151.5),
      place(-32.5, 151.5),
    ],
    ["on the equator", box(-1, 30, 1, 31), place(0, 30.5), place(0, 29.5)],
    [
      "on the Greenwich meridian",
      box(51, -1, 52, 1),
      place(51.5, 0),
      place(50.5, 0),
    ],
  ];
  for (const [name, polygon, inside, outside] of quadrants) {
    it(`matches inside, not outside, ${name}`, () => {
      expect(areaConcernsPlace(area([polygon]), inside)).to.equal(true);
      expect(areaConcernsPlace(area([polygon]), outside)).to.equal(false);
    });
  }

  it("matches inside a concave ring", () => {
    // A "U" open to the north: the notch between its arms is outside.
    const u: CapPolygon = [
      [0, 0],
      [0, 3],
      [3, 3],
      [3, 2],
      [1, 2],
      [1, 1],
      [3, 1],
      [3, 0],
      [0, 0],
    ];
    expect(areaConcernsPlace(area([u]), place(2, 0.5))).to.equal(true);
    expect(areaConcernsPlace(area([u]), place(2, 2.5))).to.equal(true);
    expect(areaConcernsPlace(area([u]), place(2, 1.5))).to.equal(false);
    expect(areaConcernsPlace(area([u]), place(0.5, 1.5))).to.equal(true);
  });

  it("matches an unclosed stored ring", () => {
    const open: CapPolygon = [
      [45, -74],
      [45, -73],
      [46, -73],
      [46, -74],
    ];
    expect(areaConcernsPlace(area([open]), place(45.5, -73.5))).to.equal(true);
  });

  it("ignores a ring that cannot be tested", () => {
    const broken = [
      [45, -74],
      [45, Number.NaN],
      [46, -73],
      [45, -74],
    ] as CapPolygon;
    const tooShort: CapPolygon = [
      [45, -74],
      [45, -73],
    ];
    expect(areaConcernsPlace(area([broken]), place(45.5, -73.5, 50))).to.equal(
      false,
    );
    expect(areaConcernsPlace(area([tooShort]), place(45, -73.5, 50))).to.equal(
      false,
    );
  });

  it("matches nothing with no geometry", () => {
    expect(areaConcernsPlace(area(), place(0, 0, 20000))).to.equal(false);
  });

  it("ignores a place that is not a number", () => {
    const polygon = box(40, -100, 41, -99);
    expect(areaConcernsPlace(area([polygon]), place(NaN, -99.5))).to.equal(
      false,
    );
    expect(areaConcernsPlace(area([polygon]), place(40.5, NaN, 10))).to.equal(
      false,
    );
  });

  it("treats a negative radius as 0", () => {
    const polygon = box(40, -100, 41, -99);
    expect(areaConcernsPlace(area([polygon]), place(40.5, -99.5, -5))).to.equal(
      true,
    );
    expect(
      areaConcernsPlace(area([polygon]), place(40.5, -98.99, -5)),
    ).to.equal(false);
  });
});

describe("areaConcernsPlace reader radius", () => {
  const polygon = box(42, -97, 43, -96);

  it("reaches an edge from the east", () => {
    // 0.1° of longitude east of the edge at 42.5° N.
    const gapKm = 0.1 * Math.cos((42.5 * Math.PI) / 180) * KM_PER_DEGREE;
    expect(
      areaConcernsPlace(area([polygon]), place(42.5, -95.9, gapKm * 1.01)),
    ).to.equal(true);
    expect(
      areaConcernsPlace(area([polygon]), place(42.5, -95.9, gapKm * 0.99)),
    ).to.equal(false);
  });

  it("reaches an edge from the north", () => {
    const gapKm = 0.1 * KM_PER_DEGREE;
    expect(
      areaConcernsPlace(area([polygon]), place(43.1, -96.5, gapKm + 0.05)),
    ).to.equal(true);
    expect(
      areaConcernsPlace(area([polygon]), place(43.1, -96.5, gapKm - 0.05)),
    ).to.equal(false);
  });

  it("reaches a corner within 1 %", () => {
    // The corner nearest to the reader is (43, -96), by great-circle distance.
    const reader = place(43.05, -95.95);
    const cornerKm = haversineKm(reader.lat, reader.lon, 43, -96);
    expect(
      areaConcernsPlace(area([polygon]), {
        ...reader,
        radius: cornerKm * 1.01,
      }),
    ).to.equal(true);
    expect(
      areaConcernsPlace(area([polygon]), {
        ...reader,
        radius: cornerKm * 0.99,
      }),
    ).to.equal(false);
  });

  it("reaches a long edge between vertices", () => {
    // The edge from (0, 0) to (0, 10) passes 0.5° south of the reader.
    const triangle: CapPolygon = [
      [0, 0],
      [0, 10],
      [-5, 5],
      [0, 0],
    ];
    const gapKm = 0.5 * KM_PER_DEGREE;
    expect(
      areaConcernsPlace(area([triangle]), place(0.5, 5, gapKm + 0.1)),
    ).to.equal(true);
    expect(
      areaConcernsPlace(area([triangle]), place(0.5, 5, gapKm - 0.1)),
    ).to.equal(false);
  });

  it("reaches a polygon near the pole", () => {
    const arctic = box(89, -10, 89.5, 10);
    const gapKm = 0.5 * KM_PER_DEGREE;
    expect(
      areaConcernsPlace(area([arctic]), place(90, 0, gapKm + 0.1)),
    ).to.equal(true);
    expect(
      areaConcernsPlace(area([arctic]), place(90, 0, gapKm - 0.1)),
    ).to.equal(false);
    // The South Pole is 179° of latitude from the ring's southern edge.
    const southGapKm = 179 * KM_PER_DEGREE;
    expect(
      areaConcernsPlace(area([arctic]), place(-90, 0, southGapKm + 1)),
    ).to.equal(true);
    expect(
      areaConcernsPlace(area([arctic]), place(-90, 0, southGapKm - 1)),
    ).to.equal(false);
  });

  it("matches inside regardless of radius", () => {
    expect(areaConcernsPlace(area([polygon]), place(42.5, -96.5, 0))).to.equal(
      true,
    );
    expect(areaConcernsPlace(area([polygon]), place(42.5, -96.5, 1))).to.equal(
      true,
    );
  });

  it("matches a disc enclosing the polygon", () => {
    const small = box(42.4, -96.6, 42.6, -96.4);
    expect(areaConcernsPlace(area([small]), place(42.5, -96.9, 200))).to.equal(
      true,
    );
  });
});

describe("areaConcernsPlace antimeridian", () => {
  // Fiji: the ring runs from 177° E across 180° to 178° W.
  const fiji = box(-20, 177, -16, -178);
  // Chukotka, written starting east of the meridian.
  const chukotka: CapPolygon = [
    [64, -170],
    [68, -170],
    [68, 170],
    [64, 170],
    [64, -170],
  ];

  const fijiCases: Array<[string, Place, boolean]> = [
    ["west of 180°", place(-18, 179), true],
    ["east of 180°", place(-18, -179), true],
    ["on 180°", place(-18, 180), true],
    ["on -180°", place(-18, -180), true],
    ["near the west edge", place(-18, 177.1), true],
    ["near the east edge", place(-18, -178.1), true],
    ["west of the ring", place(-18, 175), false],
    ["east of the ring", place(-18, -176), false],
    ["south of the ring", place(-25, 179), false],
    ["across the globe", place(18, 0), false],
  ];
  for (const [name, reader, expected] of fijiCases) {
    it(`Fiji: ${name}`, () => {
      expect(areaConcernsPlace(area([fiji]), reader)).to.equal(expected);
    });
  }

  const chukotkaCases: Array<[string, Place, boolean]> = [
    ["west of 180°", place(66, 175), true],
    ["east of 180°", place(66, -175), true],
    ["east of the ring", place(66, -165), false],
    ["west of the ring", place(66, 165), false],
  ];
  for (const [name, reader, expected] of chukotkaCases) {
    it(`Chukotka: ${name}`, () => {
      expect(areaConcernsPlace(area([chukotka]), reader)).to.equal(expected);
    });
  }

  it("reaches across 180° with a radius", () => {
    // The ring lies wholly east of 180°; the reader is 0.15° west of it.
    const eastOnly = box(-1, -179.9, 1, -179);
    const gapKm = 0.15 * KM_PER_DEGREE;
    expect(
      areaConcernsPlace(area([eastOnly]), place(0, 179.95, gapKm + 0.1)),
    ).to.equal(true);
    expect(
      areaConcernsPlace(area([eastOnly]), place(0, 179.95, gapKm - 0.1)),
    ).to.equal(false);
  });

  it("matches a circle across 180°", () => {
    const circle: CapCircle = { lat: -18, lon: 179.9, radius: 30 };
    expect(areaConcernsPlace(area([], [circle]), place(-18, -179.9))).to.equal(
      true,
    );
    expect(areaConcernsPlace(area([], [circle]), place(-18, -179.5))).to.equal(
      false,
    );
  });
});

describe("areaConcernsPlace circles", () => {
  const circle: CapCircle = { lat: 0, lon: 0, radius: 100 };
  const centresKm = haversineKm(0, 0, 0, 2);

  it("matches discs that touch", () => {
    const reader = place(0, 2, centresKm - 100);
    expect(areaConcernsPlace(area([], [circle]), reader)).to.equal(true);
  });

  it("rejects discs 10 m apart", () => {
    const reader = place(0, 2, centresKm - 100 - 0.01);
    expect(areaConcernsPlace(area([], [circle]), reader)).to.equal(false);
  });

  it("matches a point on the circle", () => {
    const edge = place(0, 100 / KM_PER_DEGREE);
    expect(areaConcernsPlace(area([], [circle]), edge)).to.equal(true);
    const beyond = place(0, 100.01 / KM_PER_DEGREE);
    expect(areaConcernsPlace(area([], [circle]), beyond)).to.equal(false);
  });

  it("matches a later circle of the area", () => {
    const far: CapCircle = { lat: 50, lon: 50, radius: 1 };
    expect(areaConcernsPlace(area([], [far, circle]), place(0, 0.5))).to.equal(
      true,
    );
    expect(areaConcernsPlace(area([], [far]), place(0, 0.5))).to.equal(false);
  });

  it("matches across latitude in both hemispheres", () => {
    const south: CapCircle = { lat: -33.87, lon: 151.21, radius: 10 };
    const north: CapCircle = { lat: 37.98, lon: 23.73, radius: 10 };
    expect(areaConcernsPlace(area([], [south]), place(-33.9, 151.2))).to.equal(
      true,
    );
    expect(areaConcernsPlace(area([], [south]), place(33.87, 151.21))).to.equal(
      false,
    );
    expect(areaConcernsPlace(area([], [north]), place(38, 23.7))).to.equal(
      true,
    );
    expect(areaConcernsPlace(area([], [north]), place(-37.98, 23.73))).to.equal(
      false,
    );
  });
});

describe("haversineKm", () => {
  it("measures a degree of latitude", () => {
    expect(haversineKm(0, 0, 1, 0)).to.be.closeTo(111.195, 0.001);
  });

  it("measures antipodes without NaN", () => {
    expect(haversineKm(0, 0, 0, 180)).to.be.closeTo(Math.PI * 6371.0088, 1e-6);
    expect(haversineKm(90, 0, -90, 0)).to.be.closeTo(Math.PI * 6371.0088, 1e-6);
  });

  it("returns 0 for one point", () => {
    expect(haversineKm(45.5, -73.57, 45.5, -73.57)).to.equal(0);
  });
});

describe("polygonMeetsDisc cache", () => {
  it("returns the same answers on repeat", () => {
    const polygon = box(10, 10, 11, 11);
    for (let i = 0; i < 3; i++) {
      expect(polygonMeetsDisc(polygon, 10.5, 10.5, 0)).to.equal(true);
      expect(polygonMeetsDisc(polygon, 12, 10.5, 0)).to.equal(false);
      expect(polygonMeetsDisc(polygon, 12, 10.5, 200)).to.equal(true);
    }
  });

  it("keeps equal rings apart", () => {
    // Two arrays with the same vertices, and one ring that differs.
    const a = box(10, 10, 11, 11);
    const b = box(10, 10, 11, 11);
    const c = box(20, 20, 21, 21);
    expect(polygonMeetsDisc(a, 10.5, 10.5, 0)).to.equal(true);
    expect(polygonMeetsDisc(b, 10.5, 10.5, 0)).to.equal(true);
    expect(polygonMeetsDisc(c, 10.5, 10.5, 0)).to.equal(false);
    expect(polygonMeetsDisc(c, 20.5, 20.5, 0)).to.equal(true);
  });
});

describe("areaConcernsPlace records", () => {
  it("leaves the record's data unchanged", () => {
    const record = area([box(10, 10, 11, 11)], [{ lat: 0, lon: 0, radius: 1 }]);
    const json = JSON.stringify(record);
    const keys = Object.keys(record);

    expect(areaConcernsPlace(record, place(10.5, 10.5))).to.equal(true);

    expect(JSON.stringify(record)).to.equal(json);
    expect(Object.keys(record)).to.deep.equal(keys);
    expect(structuredClone(record)).to.deep.equal(JSON.parse(json));
    expect(record).to.deep.equal(JSON.parse(json));
  });

  it("matches a frozen record", () => {
    const polygon = box(10, 10, 11, 11);
    Object.freeze(polygon);
    const record = Object.freeze(area([polygon]));
    expect(areaConcernsPlace(record, place(10.5, 10.5))).to.equal(true);
    expect(areaConcernsPlace(record, place(12, 10.5))).to.equal(false);
  });

  it("matches a structured clone", () => {
    const record = area([box(10, 10, 11, 11)]);
    expect(areaConcernsPlace(record, place(10.5, 10.5))).to.equal(true);
    const copy = structuredClone(record);
    expect(areaConcernsPlace(copy, place(10.5, 10.5))).to.equal(true);
    expect(areaConcernsPlace(copy, place(12, 10.5))).to.equal(false);
  });

  it("tests polygons and circles together", () => {
    const record = area(
      [box(10, 10, 11, 11)],
      [{ lat: 0, lon: 0, radius: 10 }],
    );
    expect(areaConcernsPlace(record, place(10.5, 10.5))).to.equal(true);
    expect(areaConcernsPlace(record, place(0, 0.05))).to.equal(true);
    expect(areaConcernsPlace(record, place(5, 5))).to.equal(false);
  });

  it("skips broken rings beside good ones", () => {
    const broken = [
      [45, -74],
      [45, Number.NaN],
      [46, -73],
      [45, -74],
    ] as CapPolygon;
    const record = area([broken, box(10, 10, 11, 11)]);
    expect(areaConcernsPlace(record, place(10.5, 10.5))).to.equal(true);
    expect(areaConcernsPlace(record, place(45.5, -73.5))).to.equal(false);
  });
});
