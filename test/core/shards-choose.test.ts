import { expect } from "chai";
import { areaConcernsPlace, type Place } from "../../shared/geo/place.js";
import type { CapAlert, CapArea } from "../../shared/model/cap.js";
import { chooseShards } from "../../shared/shards/choose-shards.js";
import type { FeedFiles } from "../../shared/shards/feed-index.js";
import { makeAlert, makeInfo } from "../helpers/cap-alert.js";
import { indexForAlerts } from "../helpers/shard-index.js";

function alertWith(identifier: string, area: Partial<CapArea>): CapAlert {
  return makeAlert({
    identifier,
    info: [
      makeInfo({
        area: [
          {
            areaDesc: "Invented area",
            polygon: [],
            circle: [],
            geocode: [],
            ...area,
          },
        ],
      }),
    ],
  });
}

const THESSALONIKI = alertWith("SKG", {
  circle: [{ lat: 40.64, lon: 22.94, radius: 5 }],
  geocode: [{ valueName: "NUTS3", value: "EL522" }],
});
const ATHENS = alertWith("ATH", {
  circle: [{ lat: 37.98, lon: 23.73, radius: 5 }],
  geocode: [{ valueName: "NUTS3", value: "EL303" }],
});
const HOUSTON = alertWith("HOU", {
  circle: [{ lat: 29.76, lon: -95.37, radius: 20 }],
  geocode: [{ valueName: "SAME", value: "048201" }],
});

const { index } = indexForAlerts([THESSALONIKI, ATHENS, HOUSTON]);

function names(feeds: FeedFiles[]): string[] {
  return feeds.map((feed) => feed.json);
}

describe("shards: choose", () => {
  it("gives Thessaloniki its periphery only", () => {
    const place = { lat: 40.63, lon: 22.95, radius: 10 };
    expect(names(chooseShards(index, { place }))).to.deep.equal([
      "gr-central-macedonia.json",
    ]);
  });

  it("gives Houston its grid cell only", () => {
    const place = { lat: 29.7, lon: -95.4, radius: 25 };
    expect(names(chooseShards(index, { place }))).to.deep.equal([
      "grid-n25-w100.json",
    ]);
  });

  it("gives an empty periphery its own shard", () => {
    // Ioannina, Epirus: no alert there, but the shard exists, empty.
    const place = { lat: 39.66, lon: 20.85, radius: 5 };
    const chosen = chooseShards(index, { place });
    expect(names(chosen)).to.deep.equal(["gr-epirus.json"]);
    expect(chosen[0]!.alerts).to.equal(0);
  });

  it("widens to the country across peripheries", () => {
    const place = { lat: 38.5, lon: 22.5, radius: 150 };
    expect(names(chooseShards(index, { place }))).to.deep.equal(["gr.json"]);
  });

  it("chooses nothing where no shard reaches", () => {
    const place = { lat: -33.87, lon: 151.21, radius: 10 };
    expect(chooseShards(index, { place })).to.deep.equal([]);
  });

  it("chooses by region prefix", () => {
    const cases: [string, string, string[]][] = [
      ["NUTS3", "EL522", ["gr-central-macedonia.json"]],
      ["NUTS3", "EL303", ["gr-attica.json"]],
      ["SAME", "048201", ["us-tx.json"]],
      ["SAME", "148201", ["us-tx.json"]],
      ["SAME", "006037", ["us.json"]],
      ["NUTS3", "DE212", []],
    ];
    for (const [valueName, value, expected] of cases) {
      const chosen = chooseShards(index, { regions: [{ valueName, value }] });
      expect(names(chosen), `${valueName}:${value}`).to.deep.equal(expected);
    }
  });

  it("needs every alert for unknown schemes", () => {
    const regions = [{ valueName: "EMMA_ID", value: "GR004" }];
    expect(chooseShards(index, { regions })).to.deep.equal([index.all]);
  });

  it("needs every alert without place or region", () => {
    expect(chooseShards(index, {})).to.deep.equal([index.all]);
    expect(chooseShards(index, { place: null, regions: [] })).to.deep.equal([
      index.all,
    ]);
  });

  it("joins place and region shards", () => {
    const chosen = chooseShards(index, {
      place: { lat: 40.63, lon: 22.95, radius: 10 },
      regions: [{ valueName: "SAME", value: "048201" }],
    });
    expect(names(chosen)).to.deep.equal([
      "gr-central-macedonia.json",
      "us-tx.json",
    ]);
  });

  it("never misses an alert near the reader", () => {
    // A deterministic pseudo-random generator (mulberry32), so a failure
    // can be replayed.
    let seed = 20261204;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    // Half the points in and around Greece, half anywhere.
    const point = (): [number, number] =>
      random() < 0.5
        ? [33 + random() * 11, 18 + random() * 14]
        : [-80 + random() * 160, -179 + random() * 358];

    const alerts: CapAlert[] = [];
    for (let i = 0; i < 300; i++) {
      const [lat, lon] = point();
      if (i % 2 === 0) {
        alerts.push(
          alertWith(`C${i}`, {
            circle: [{ lat, lon, radius: random() * 80 }],
          }),
        );
      } else {
        const size = random() * 2;
        alerts.push(
          alertWith(`P${i}`, {
            polygon: [
              [
                [lat, lon],
                [lat + size, lon],
                [lat + size, lon + size],
                [lat, lon + size],
                [lat, lon],
              ],
            ],
          }),
        );
      }
    }
    const built = indexForAlerts(alerts);

    let checked = 0;
    for (let i = 0; i < 400; i++) {
      const [lat, lon] = point();
      const place: Place = { lat, lon, radius: random() * 150 };
      const chosen = new Set(
        chooseShards(built.index, { place }).map((feed) =>
          feed.json.replace(/\.json$/, ""),
        ),
      );
      for (const alert of alerts) {
        const concerns = alert.info[0]!.area.some((area) =>
          areaConcernsPlace(area, place),
        );
        if (!concerns) continue;
        checked += 1;
        const ids = built.shardIds.get(alert)!;
        expect(
          ids.some((id) => chosen.has(id)),
          `${alert.identifier} near ${JSON.stringify(place)}: in ${ids.join(", ")}, chosen ${[...chosen].join(", ")}`,
        ).to.equal(true);
      }
    }
    expect(checked, "pairs of a reader and an alert near them").to.be.above(
      100,
    );
  });
});
