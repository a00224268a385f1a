import { expect } from "chai";
import type { CapCircle, CapPolygon } from "../../shared/model/cap.js";
import {
  parseCircle,
  parsePolygon,
  validateCircle,
  validatePolygon,
  type GeometryResult,
} from "../../shared/geo/parse-geometry.js";

/** A sentence: starts with a capital letter and ends with a full stop. */
const SENTENCE = /^[A-Z].*\.$/s;

function valueOf<T>(result: GeometryResult<T>): {
  value: T;
  warnings: string[];
} {
  if ("error" in result) {
    throw new Error(`Expected a value, got the error: ${result.error}`);
  }
  return result;
}

function errorOf<T>(result: GeometryResult<T>): string {
  if ("error" in result) return result.error;
  throw new Error(`Expected an error, got ${JSON.stringify(result.value)}`);
}

const SQUARE: CapPolygon = [
  [40, -100],
  [40, -99],
  [41, -99],
  [41, -100],
  [40, -100],
];

describe("parsePolygon", () => {
  it("reads latitude first", () => {
    const { value, warnings } = valueOf(
      parsePolygon("40.0,-100.0 40.0,-99.0 41.0,-99.0 41.0,-100.0 40.0,-100.0"),
    );
    expect(value).to.deep.equal(SQUARE);
    expect(warnings).to.deep.equal([]);
  });

  const variants: Array<[string, string]> = [
    [
      "newlines",
      "40.0,-100.0\n40.0,-99.0\n41.0,-99.0\n41.0,-100.0\n40.0,-100.0",
    ],
    [
      "CRLF",
      "40.0,-100.0\r\n40.0,-99.0\r\n41.0,-99.0\r\n41.0,-100.0\r\n40.0,-100.0",
    ],
    ["tabs", "40.0,-100.0\t40.0,-99.0\t41.0,-99.0\t41.0,-100.0\t40.0,-100.0"],
    [
      "several spaces",
      "40.0,-100.0   40.0,-99.0  41.0,-99.0    41.0,-100.0 40.0,-100.0",
    ],
    [
      "surrounding whitespace",
      "\n   40.0,-100.0 40.0,-99.0 41.0,-99.0 41.0,-100.0 40.0,-100.0  \n",
    ],
    [
      "plus signs",
      "+40.0,-100.0 +40.0,-99.0 +41.0,-99.0 +41.0,-100.0 +40.0,-100.0",
    ],
    [
      "plus on longitude",
      "40.0,-100.0 40.0,-99.0 41.0,-99.0 41.0,-100.0 +40.0,-100.0",
    ],
    [
      "trailing commas",
      "+40.0,-100.0, +40.0,-99.0, +41.0,-99.0, +41.0,-100.0, +40.0,-100.0,",
    ],
    ["integers", "40,-100 40,-99 41,-99 41,-100 40,-100"],
    [
      "space after comma",
      "40.0, -100.0 40.0, -99.0 41.0, -99.0 41.0, -100.0 40.0, -100.0",
    ],
    ["trailing dot", "40.,-100. 40.,-99. 41.,-99. 41.,-100. 40.,-100."],
  ];
  for (const [name, text] of variants) {
    it(`accepts ${name}`, () => {
      const { value, warnings } = valueOf(parsePolygon(text));
      expect(value).to.deep.equal(SQUARE);
      expect(warnings).to.deep.equal([]);
    });
  }

  it("accepts a real trailing-comma ring", () => {
    const { value } = valueOf(
      parsePolygon(
        "+40.85,-118.09, +40.85,-117.5, +41.2,-117.5, +41.2,-118.09, +40.85,-118.09,",
      ),
    );
    expect(value[0]).to.deep.equal([40.85, -118.09]);
    expect(value).to.have.length(5);
  });

  it("accepts integer pairs without decimals", () => {
    const { value } = valueOf(
      parsePolygon("21,120 21,121 22,121 22,120 21,120"),
    );
    expect(value[1]).to.deep.equal([21, 121]);
  });

  it("closes an open ring with a warning", () => {
    const { value, warnings } = valueOf(
      parsePolygon("45.0,-74.0 45.0,-73.0 46.0,-73.0 46.0,-74.0"),
    );
    expect(value).to.have.length(5);
    expect(value[4]).to.deep.equal([45, -74]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(SENTENCE);
    expect(warnings[0]).to.contain("not closed");
  });

  it("closes an open triangle", () => {
    const { value, warnings } = valueOf(parsePolygon("1,1 1,2 2,2"));
    expect(value).to.deep.equal([
      [1, 1],
      [1, 2],
      [2, 2],
      [1, 1],
    ]);
    expect(warnings).to.have.length(1);
  });

  it("accepts the limits of the ranges", () => {
    const { value } = valueOf(
      parsePolygon("90,180 -90,180 -90,-180 90,-180 90,180"),
    );
    expect(value[1]).to.deep.equal([-90, 180]);
  });

  for (const text of ["", "   ", "\n\t"]) {
    it(`rejects empty text ${JSON.stringify(text)}`, () => {
      const error = errorOf(parsePolygon(text));
      expect(error).to.match(SENTENCE);
      expect(error).to.contain("empty");
    });
  }

  it("rejects the degenerate ring", () => {
    const error = errorOf(parsePolygon("49.0,-74.0 49.0,-73.0 49.0,-74.0"));
    expect(error).to.match(SENTENCE);
    expect(error).to.contain("2 distinct points");
  });

  it("rejects two points repeated", () => {
    const error = errorOf(parsePolygon("1,1 2,2 1,1 2,2 1,1"));
    expect(error).to.contain("2 distinct points");
  });

  it("rejects a single point", () => {
    expect(errorOf(parsePolygon("1,1"))).to.contain("1 distinct point");
  });

  const outOfRange: Array<[string, string, string]> = [
    ["latitude above 90 first", "91,10 1,11 2,11 91,10", "91"],
    ["latitude below -90 last", "1,10 1,11 2,11 -90.5,10", "-90.5"],
    ["longitude above 180 middle", "1,10 1,181 2,11 1,10", "181"],
    ["longitude below -180", "1,10 1,11 2,-180.01 1,10", "-180.01"],
  ];
  for (const [name, text, named] of outOfRange) {
    it(`rejects ${name}`, () => {
      const error = errorOf(parsePolygon(text));
      expect(error).to.match(SENTENCE);
      expect(error).to.contain(` ${named} `);
    });
  }

  it("rejects a longitude-first ring without swapping", () => {
    const error = errorOf(
      parsePolygon(
        "151.10,-33.95 151.30,-33.95 151.30,-33.75 151.10,-33.75 151.10,-33.95",
      ),
    );
    expect(error).to.contain("latitude 151.1 ");
    expect(error).to.contain("latitude,longitude");
  });

  const notNumbers: Array<[string, string]> = [
    ["40.0,abc 40,-99 41,-99 40.0,abc", "abc"],
    ["40.0,-100.0 NaN,-99 41,-99 40,-100", "NaN"],
    ["40.0,-100.0 0x10,-99 41,-99 40,-100", "0x10"],
    ["40.0,-100.0 1e1,-99 41,-99 40,-100", "1e1"],
    ["40.0,-100.0 Infinity,-99 41,-99 40,-100", "Infinity"],
    ["40.0;-100.0 40,-99 41,-99 40,-100", "40.0;-100.0"],
    ["40.0,-100.0 40,-99 41,-99 40,-100 -", "-"],
  ];
  for (const [text, token] of notNumbers) {
    it(`rejects the token ${token}`, () => {
      const error = errorOf(parsePolygon(text));
      expect(error).to.match(SENTENCE);
      expect(error).to.contain(`"${token}"`);
    });
  }

  it("rejects a point with three values", () => {
    const error = errorOf(
      parsePolygon("40,-100,0 40,-99,0 41,-99,0 40,-100,0"),
    );
    expect(error).to.match(SENTENCE);
    expect(error).to.contain('"40,-100,0"');
  });

  it("rejects a point without longitude", () => {
    const error = errorOf(parsePolygon("40,-100 40,-99 41,-99 40,-100 42"));
    expect(error).to.match(SENTENCE);
    expect(error).to.contain("no longitude");
  });
});

describe("parseCircle", () => {
  const variants: Array<[string, string, CapCircle]> = [
    ["plain", "45.5000,-73.5700 5", { lat: 45.5, lon: -73.57, radius: 5 }],
    ["plus signs", "+45.5,-73.57 +5.0", { lat: 45.5, lon: -73.57, radius: 5 }],
    [
      "whitespace",
      "\n\t45.5,-73.57 \t 12.5\n",
      { lat: 45.5, lon: -73.57, radius: 12.5 },
    ],
    ["trailing comma", "45.5,-73.57, 5", { lat: 45.5, lon: -73.57, radius: 5 }],
    ["integers", "-34,151 10", { lat: -34, lon: 151, radius: 10 }],
    ["radius 0", "45.5,-73.57 0", { lat: 45.5, lon: -73.57, radius: 0 }],
  ];
  for (const [name, text, expected] of variants) {
    it(`accepts ${name}`, () => {
      const { value, warnings } = valueOf(parseCircle(text));
      expect(value).to.deep.equal(expected);
      expect(warnings).to.deep.equal([]);
    });
  }

  const errors: Array<[string, string, string]> = [
    ["empty text", "  ", "empty"],
    ["a missing radius", "45.5,-73.57", "2 values"],
    ["a negative radius", "45.5,-73.57 -1", "-1"],
    ["a word", "45.5,-73.57 five", '"five"'],
    ["a latitude above 90", "95,-73.57 5", " 95 "],
    ["a longitude above 180", "45,200 5", " 200 "],
    ["longitude first", "151.21,-33.87 10", " 151.21 "],
  ];
  for (const [name, text, fragment] of errors) {
    it(`rejects ${name}`, () => {
      const error = errorOf(parseCircle(text));
      expect(error).to.match(SENTENCE);
      expect(error).to.contain(fragment);
    });
  }
});

describe("validatePolygon", () => {
  it("copies a valid ring", () => {
    const input = SQUARE.map(([lat, lon]) => [lat, lon]);
    const { value, warnings } = valueOf(validatePolygon(input));
    expect(value).to.deep.equal(SQUARE);
    expect(value).to.not.equal(input);
    expect(warnings).to.deep.equal([]);
  });

  it("closes an open ring", () => {
    const { value, warnings } = valueOf(
      validatePolygon([
        [45, -74],
        [45, -73],
        [46, -73],
        [46, -74],
      ]),
    );
    expect(value).to.have.length(5);
    expect(warnings).to.have.length(1);
  });

  const invalid: Array<[string, unknown, string]> = [
    ["a string", "40,-100 40,-99", "text"],
    ["null", null, "null"],
    ["an object", { lat: 1 }, "object"],
    ["an empty list", [], "empty"],
    ["a bare number point", [[40, -100], 41, [41, -99], [40, -100]], "point 2"],
    [
      "a point of three",
      [
        [40, -100, 0],
        [40, -99],
        [41, -99],
        [40, -100],
      ],
      "point 1",
    ],
    [
      "text coordinates",
      [
        ["40", "-100"],
        [40, -99],
        [41, -99],
        ["40", "-100"],
      ],
      "point 1",
    ],
    [
      "NaN",
      [
        [40, -100],
        [NaN, -99],
        [41, -99],
        [40, -100],
      ],
      "point 2",
    ],
    [
      "Infinity",
      [
        [40, -100],
        [40, Infinity],
        [41, -99],
        [40, -100],
      ],
      "point 2",
    ],
    [
      "latitude out of range",
      [
        [40, -100],
        [40, -99],
        [141, -99],
        [40, -100],
      ],
      " 141 ",
    ],
    [
      "longitude out of range",
      [
        [40, -100],
        [40, -199],
        [41, -99],
        [40, -100],
      ],
      " -199 ",
    ],
    [
      "two distinct points",
      [
        [40, -100],
        [41, -99],
        [40, -100],
      ],
      "distinct",
    ],
  ];
  for (const [name, input, fragment] of invalid) {
    it(`rejects ${name}`, () => {
      const error = errorOf(validatePolygon(input));
      expect(error).to.match(SENTENCE);
      expect(error).to.contain(fragment);
    });
  }
});

describe("validateCircle", () => {
  it("copies a valid circle", () => {
    const input = { lat: 45.5, lon: -73.57, radius: 5, extra: "ignored" };
    const { value } = valueOf(validateCircle(input));
    expect(value).to.deep.equal({ lat: 45.5, lon: -73.57, radius: 5 });
  });

  it("accepts radius 0", () => {
    const { value } = valueOf(validateCircle({ lat: 0, lon: 0, radius: 0 }));
    expect(value.radius).to.equal(0);
  });

  const invalid: Array<[string, unknown, string]> = [
    ["null", null, "null"],
    ["a list", [45.5, -73.57, 5], "list"],
    ["text", "45.5,-73.57 5", "text"],
    ["a missing radius", { lat: 45.5, lon: -73.57 }, "radius"],
    ["a text latitude", { lat: "45.5", lon: -73.57, radius: 5 }, "lat"],
    ["a NaN longitude", { lat: 45.5, lon: NaN, radius: 5 }, "lon"],
    ["a negative radius", { lat: 45.5, lon: -73.57, radius: -0.5 }, "-0.5"],
    ["latitude out of range", { lat: -91, lon: 0, radius: 1 }, " -91 "],
    ["longitude out of range", { lat: 0, lon: 180.5, radius: 1 }, " 180.5 "],
  ];
  for (const [name, input, fragment] of invalid) {
    it(`rejects ${name}`, () => {
      const error = errorOf(validateCircle(input));
      expect(error).to.match(SENTENCE);
      expect(error).to.contain(fragment);
    });
  }
});
