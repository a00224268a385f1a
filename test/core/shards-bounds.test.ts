import { expect } from "chai";
import { haversineKm } from "../../shared/geo/distance.js";
import { gridCell, gridCellsMeeting } from "../../shared/shards/grid.js";
import {
  areaGeometryBounds,
  discBounds,
} from "../../shared/shards/shard-bounds.js";

describe("shards: boxes and grid", () => {
  it("boxes a disc with its edge inside", () => {
    const box = discBounds(60, 10, 100)!;
    // Points 100 km due north, south, east and west lie in the box.
    expect(haversineKm(60, 10, box.maxLat, 10)).to.be.above(100);
    expect(haversineKm(60, 10, box.minLat, 10)).to.be.above(100);
    expect(haversineKm(60, 10, 60, box.maxLon)).to.be.above(100);
    expect(haversineKm(60, 10, 60, box.minLon)).to.be.above(100);
  });

  it("widens discs at the pole and meridian", () => {
    expect(discBounds(89.9, 0, 50)).to.include({ minLon: -180, maxLon: 180 });
    expect(discBounds(0, 179.9, 50)).to.include({ minLon: -180, maxLon: 180 });
    expect(discBounds(Number.NaN, 0, 1)).to.equal(null);
  });

  it("boxes a ring across the 180° meridian", () => {
    const box = areaGeometryBounds({
      areaDesc: "",
      polygon: [
        [
          [-17, 179],
          [-17, -179],
          [-16, -179],
          [-16, 179],
          [-17, 179],
        ],
      ],
      circle: [],
      geocode: [],
    });
    expect(box).to.include({ minLon: -180, maxLon: 180 });
  });

  it("has no box without geometry", () => {
    const area = { areaDesc: "", polygon: [], circle: [], geocode: [] };
    expect(areaGeometryBounds(area)).to.equal(null);
  });

  it("names grid cells by their corner", () => {
    expect(gridCell(35, 20).id).to.equal("grid-n35-e020");
    expect(gridCell(-5, -75).id).to.equal("grid-s05-w075");
    expect(gridCell(35, 20).description).to.equal(
      "Grid cell 35°N to 40°N, 20°E to 25°E",
    );
  });

  it("lists the cells a box meets", () => {
    const ids = (bounds: Parameters<typeof gridCellsMeeting>[0]) =>
      gridCellsMeeting(bounds).map((cell) => cell.id);
    expect(
      ids({ minLat: 36, maxLat: 37, minLon: 21, maxLon: 22 }),
    ).to.deep.equal(["grid-n35-e020"]);
    expect(
      ids({ minLat: 39, maxLat: 41, minLon: 24, maxLon: 26 }),
    ).to.deep.equal([
      "grid-n35-e020",
      "grid-n35-e025",
      "grid-n40-e020",
      "grid-n40-e025",
    ]);
    expect(
      ids({ minLat: 88, maxLat: 90, minLon: 178, maxLon: 180 }),
    ).to.deep.equal(["grid-n85-e175"]);
  });
});
