import { expect } from "chai";
import {
  isFeedIndexJson,
  readFeedIndex,
} from "../../shared/shards/feed-index.js";
import {
  readSchemeCode,
  scopeCovers,
  scopeTouches,
} from "../../shared/shards/geocode-scope.js";
import { makeAlert } from "../helpers/cap-alert.js";
import { indexForAlerts } from "../helpers/shard-index.js";

/** Returns a valid index as parsed JSON, with no prototypes or shared objects. */
function validIndex(): Record<string, unknown> {
  const { index } = indexForAlerts([makeAlert()]);
  return JSON.parse(JSON.stringify(index)) as Record<string, unknown>;
}

function readError(json: unknown): string {
  try {
    readFeedIndex(json);
  } catch (error) {
    expect(error).to.be.instanceOf(TypeError);
    return (error as Error).message;
  }
  throw new Error("readFeedIndex accepted the index");
}

describe("shards: feed index", () => {
  it("detects the index by its format", () => {
    expect(isFeedIndexJson(validIndex())).to.equal(true);
    expect(isFeedIndexJson({ format: "child-alert-feed" })).to.equal(false);
    expect(isFeedIndexJson(null)).to.equal(false);
    expect(isFeedIndexJson([])).to.equal(false);
  });

  it("reads a valid index", () => {
    const index = readFeedIndex(validIndex());
    expect(index.all.json).to.equal("all.json");
    expect(index.shards.map((shard) => shard.id)).to.deep.equal(["us"]);
    expect(index.shards[0]!.geocodes).to.deep.equal([
      { scheme: "SAME", prefix: "" },
      { scheme: "UGC", prefix: "" },
    ]);
  });

  it("ignores unknown members", () => {
    const json = validIndex();
    json["publisher"] = "Example hotline";
    expect(readFeedIndex(json).format).to.equal("child-alert-feed-index");
  });

  it("rejects an index nested too deep", () => {
    const deep = JSON.parse("[".repeat(20000) + "]".repeat(20000)) as unknown;
    const json = { ...validIndex(), version: deep };
    expect(() => readFeedIndex(json)).to.throw(
      TypeError,
      "deeper than 64 levels",
    );
  });

  it("rejects invalid indexes", () => {
    const cases: [string, (json: Record<string, unknown>) => void, string][] = [
      ["version", (json) => (json["version"] = 2), "version 2"],
      ["generated", (json) => delete json["generated"], '"generated"'],
      ["shards", (json) => (json["shards"] = {}), '"shards"'],
      ["id", (json) => (shard(json)["id"] = "../etc"), 'shards[0].id "../etc"'],
      ["level", (json) => (shard(json)["level"] = "city"), "shards[0].level"],
      [
        "scheme",
        (json) => (shard(json)["geocodes"] = [{ scheme: "ZIP", prefix: "1" }]),
        'shards[0].geocodes[0].scheme "ZIP"',
      ],
      [
        "bounds",
        (json) =>
          (shard(json)["bounds"] = {
            minLat: 10,
            maxLat: 5,
            minLon: 0,
            maxLon: 1,
          }),
        "shards[0].bounds has a minimum above its maximum",
      ],
      [
        "count",
        (json) => (shard(json)["alerts"] = -1),
        "shards[0].alerts is not a count",
      ],
      [
        "files",
        (json) => delete (json["all"] as Record<string, unknown>)["json"],
        "all.json is missing",
      ],
    ];
    for (const [name, change, message] of cases) {
      const json = validIndex();
      change(json);
      expect(readError(json), name).to.contain(message);
    }
  });
});

function shard(json: Record<string, unknown>): Record<string, unknown> {
  return (json["shards"] as Record<string, unknown>[])[0]!;
}

describe("shards: geocode scopes", () => {
  it("reads codes of each scheme", () => {
    const cases: [string, string, unknown][] = [
      ["NUTS3", "el303", { scheme: "NUTS", code: "EL303" }],
      ["nuts", "DE", { scheme: "NUTS", code: "DE" }],
      ["SAME", "048201", { scheme: "SAME", code: "48201" }],
      ["FIPS6", " 106037 ", { scheme: "SAME", code: "06037" }],
      ["UGC", "TXZ211", { scheme: "UGC", code: "TXZ211" }],
      [
        "profile:CAP-CP:Location:0.3",
        "3506008",
        { scheme: "CAP-CP", code: "3506008" },
      ],
      ["SAME", "48201", null],
      ["UGC", "Texas", null],
      ["NUTS3", "Attica", null],
      ["EMMA_ID", "GR004", null],
    ];
    for (const [valueName, value, expected] of cases) {
      expect(
        readSchemeCode({ valueName, value }),
        `${valueName}:${value}`,
      ).to.deep.equal(expected);
    }
  });

  it("covers codes inside the scope", () => {
    const attica = { scheme: "NUTS", prefix: "EL30" } as const;
    expect(scopeCovers(attica, { scheme: "NUTS", code: "EL303" })).to.equal(
      true,
    );
    expect(scopeCovers(attica, { scheme: "NUTS", code: "EL3" })).to.equal(
      false,
    );
    expect(scopeCovers(attica, { scheme: "SAME", code: "EL303" })).to.equal(
      false,
    );
  });

  it("touches codes of larger regions", () => {
    const attica = { scheme: "NUTS", prefix: "EL30" } as const;
    expect(scopeTouches(attica, { scheme: "NUTS", code: "EL3" })).to.equal(
      true,
    );
    expect(scopeTouches(attica, { scheme: "NUTS", code: "EL5" })).to.equal(
      false,
    );
    const texas = { scheme: "SAME", prefix: "48" } as const;
    expect(scopeTouches(texas, { scheme: "SAME", code: "00000" })).to.equal(
      true,
    );
    expect(scopeTouches(texas, { scheme: "SAME", code: "06037" })).to.equal(
      false,
    );
  });
});
