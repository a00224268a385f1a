/**
 * `parsePolygon` reads well-formed rings in one scan and everything else
 * token by token. These cases check that both paths give the same numbers
 * as `Number()` and the same results at the edges between them.
 */
import { expect } from "chai";
import { parsePolygon } from "../../shared/geo/parse-geometry.js";
import type { CapPolygon } from "../../shared/model/cap.js";

function ringOf(text: string): CapPolygon {
  const result = parsePolygon(text);
  if ("error" in result) {
    throw new Error(`Expected a ring, got the error: ${result.error}`);
  }
  return result.value;
}

/** A closed square whose first vertex is written as `lat,lon`. */
function squareFrom(lat: string, lon: string): string {
  return `${lat},${lon} 10,20 11,20 11,21 ${lat},${lon}`;
}

describe("parsePolygon numbers", () => {
  const numbers: Array<[string, string]> = [
    ["integers", "38"],
    ["many fraction digits", "38.1234567890123"],
    ["more than 15 digits", "38.12345678901234567"],
    ["leading zeros", "0038.5000"],
    ["trailing dot", "38."],
    ["fraction alone", ".5"],
    ["plus sign", "+38.5"],
    ["minus sign", "-38.5"],
    ["negative fraction alone", "-.25"],
    ["edge of range", "-90"],
  ];
  for (const [name, lat] of numbers) {
    it(`reads ${name} as Number does`, () => {
      const [first] = ringOf(squareFrom(lat, "23.5"));
      expect(first![0]).to.equal(Number(lat));
      expect(first![1]).to.equal(23.5);
    });
  }

  it("keeps the sign of minus zero", () => {
    const [first] = ringOf(squareFrom("-0", "-0.0"));
    expect(Object.is(first![0], -0)).to.equal(true);
    expect(Object.is(first![1], -0)).to.equal(true);
  });

  it("reads exact decimals to the nearest double", () => {
    for (let index = 0; index < 2000; index++) {
      const lat = ((index * 7919) % 180_000) / 1000 - 90;
      const lon = ((index * 104_729) % 360_000_000) / 1_000_000 - 180;
      const latText = lat.toFixed(3);
      const lonText = lon.toFixed(6);
      const [first] = ringOf(squareFrom(latText, lonText));
      expect(first![0]).to.equal(Number(latText));
      expect(first![1]).to.equal(Number(lonText));
    }
  });

  const fallbacks: Array<[string, string, CapPolygon]> = [
    [
      "a space after the comma",
      "10, 20 10,21 11,21 10,20",
      [
        [10, 20],
        [10, 21],
        [11, 21],
        [10, 20],
      ],
    ],
    [
      "a stray comma after a pair",
      "10,20, 10,21 11,21 10,20",
      [
        [10, 20],
        [10, 21],
        [11, 21],
        [10, 20],
      ],
    ],
    [
      "no-break spaces between pairs",
      "10,20\u00a010,21\u00a011,21\u00a010,20",
      [
        [10, 20],
        [10, 21],
        [11, 21],
        [10, 20],
      ],
    ],
  ];
  for (const [name, text, expected] of fallbacks) {
    it(`reads ${name}`, () => {
      expect(ringOf(text)).to.deep.equal(expected);
    });
  }

  it("reports a latitude out of range", () => {
    const result = parsePolygon(squareFrom("95", "20"));
    expect(result).to.have.property("error").that.includes("95");
  });

  it("reports an exponent as not a number", () => {
    const result = parsePolygon(squareFrom("1e1", "20"));
    expect(result).to.have.property("error").that.includes('"1e1"');
  });

  it("counts distinct points of a degenerate ring", () => {
    const result = parsePolygon("10,20 10,20 10,21 10,20");
    expect(result).to.have.property("error").that.includes("2 distinct points");
  });
});
