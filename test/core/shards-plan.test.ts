import { expect } from "chai";
import type { CapArea } from "../../shared/model/cap.js";
import { ShardPlan } from "../../shared/shards/shard-plan.js";
import { makeAlert, makeInfo } from "../helpers/cap-alert.js";

function alertIn(...area: Partial<CapArea>[]) {
  return makeAlert({
    info: [
      makeInfo({
        area: area.map((part) => ({
          areaDesc: "Invented area",
          polygon: [],
          circle: [],
          geocode: [],
          ...part,
        })),
      }),
    ],
  });
}

function square(lat: number, lon: number, size: number): CapArea["polygon"] {
  return [
    [
      [lat, lon],
      [lat + size, lon],
      [lat + size, lon + size],
      [lat, lon + size],
      [lat, lon],
    ],
  ];
}

describe("shards: plan", () => {
  it("puts central Thessaloniki in its periphery", () => {
    const alert = alertIn({ polygon: square(40.6, 22.9, 0.08) });
    const ids = new ShardPlan([alert]).shardIdsOf(alert);
    expect(ids).to.deep.equal(["gr", "gr-central-macedonia"]);
  });

  it("puts Athens in Attica and overlapping boxes", () => {
    const alert = alertIn({ polygon: square(37.95, 23.7, 0.06) });
    const ids = new ShardPlan([alert]).shardIdsOf(alert);
    expect(ids).to.include("gr");
    expect(ids).to.include("gr-attica");
    expect(ids).not.to.include("gr-central-macedonia");
    expect(ids.filter((id) => id.startsWith("grid-"))).to.deep.equal([]);
  });

  it("puts a circle in its periphery", () => {
    // Chania, Crete, with a radius of 10 km.
    const alert = alertIn({ circle: [{ lat: 35.51, lon: 24.02, radius: 10 }] });
    const ids = new ShardPlan([alert]).shardIdsOf(alert);
    expect(ids).to.deep.equal(["gr", "gr-crete"]);
  });

  it("falls back to grid cells outside the table", () => {
    // Houston, Texas: no box of the table covers it.
    const alert = alertIn({ polygon: square(29.7, -95.45, 0.2) });
    const ids = new ShardPlan([alert]).shardIdsOf(alert);
    expect(ids).to.deep.equal(["grid-n25-w100"]);
  });

  it("adds every grid cell an area spans", () => {
    const alert = alertIn({ polygon: square(44, -101, 2) });
    const ids = new ShardPlan([alert]).shardIdsOf(alert);
    expect(ids).to.deep.equal(
      [
        "grid-n40-w105",
        "grid-n40-w100",
        "grid-n45-w105",
        "grid-n45-w100",
      ].sort(),
    );
  });

  it("adds grid cells beyond the Greek box", () => {
    // From northern Greece into Bulgaria, across the box's edge at 41.8°N.
    const alert = alertIn({ polygon: square(41.3, 23.2, 1) });
    const ids = new ShardPlan([alert]).shardIdsOf(alert);
    expect(ids).to.include("gr");
    expect(ids).to.include("gr-central-macedonia");
    expect(ids).to.include("grid-n40-e020");
  });

  it("reads NUTS, SAME, UGC and CAP-CP geocodes", () => {
    const cases: [string, string, string[]][] = [
      ["NUTS3", "EL522", ["gr", "gr-central-macedonia"]],
      ["NUTS2", "EL30", ["gr", "gr-attica"]],
      ["SAME", "048201", ["us", "us-tx"]],
      ["FIPS6", "106037", ["us", "us-ca"]],
      ["UGC", "TXZ211", ["us", "us-tx"]],
      ["profile:CAP-CP:Location:0.3", "3506008", ["ca", "ca-on"]],
      ["NUTS3", "DE212", ["de", "de-nuts-de2"]],
      ["EMMA_ID", "GR004", []],
    ];
    for (const [valueName, value, expected] of cases) {
      const alert = alertIn({ geocode: [{ valueName, value }] });
      const ids = new ShardPlan([alert]).shardIdsOf(alert);
      expect(ids, `${valueName}:${value}`).to.deep.equal(expected);
    }
  });

  it("puts a country-wide geocode in every subdivision", () => {
    const alert = alertIn({ geocode: [{ valueName: "NUTS1", value: "EL" }] });
    const ids = new ShardPlan([alert]).shardIdsOf(alert);
    expect(ids).to.have.length(14);
    expect(ids).to.include("gr-crete");
    expect(ids).to.include("gr-epirus");
  });

  it("reads SAME state 00 as the whole country", () => {
    const nationwide = alertIn({
      geocode: [{ valueName: "SAME", value: "000000" }],
    });
    const texas = alertIn({
      geocode: [{ valueName: "SAME", value: "048201" }],
    });
    const plan = new ShardPlan([nationwide, texas]);
    expect(plan.shardIdsOf(nationwide)).to.include("us-tx");
  });

  it("makes NUTS regions seen in other alerts", () => {
    const germany = alertIn({ geocode: [{ valueName: "NUTS", value: "DE" }] });
    const munich = alertIn({
      geocode: [{ valueName: "NUTS3", value: "DE212" }],
    });
    const plan = new ShardPlan([germany, munich]);
    expect(plan.shardIdsOf(germany)).to.deep.equal(["de", "de-nuts-de2"]);
  });

  it("lists the Greek siblings of a used shard", () => {
    const alert = alertIn({ polygon: square(40.6, 22.9, 0.08) });
    const plan = new ShardPlan([alert]);
    const siblings = plan.siblingIdsOf(plan.shardIdsOf(alert));
    expect(siblings).to.have.length(14);
    expect(siblings).to.include("gr-crete");
    expect(plan.siblingIdsOf(["grid-n25-w100", "us-tx"])).to.deep.equal([]);
  });

  it("gives an area-less alert no shard", () => {
    const alert = makeAlert({ info: [makeInfo({ area: [] })] });
    expect(new ShardPlan([alert]).shardIdsOf(alert)).to.deep.equal([]);
  });
});
