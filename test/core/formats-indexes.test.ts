/**
 * Atom and RSS feeds in the shapes publishers use: fat entries that embed
 * CAP (as XML or as escaped text), thin entries that link to it, RSS 2.0
 * and RSS 1.0 (RDF) items, and the `cap:` summaries of index entries.
 */
import { expect } from "chai";
import { capTemplate } from "../helpers/cap-template.js";
import { codesOf, infoAt, onlyAlert, parse } from "../helpers/parse-fixture.js";

const ATOM = "http://www.w3.org/2005/Atom";
const CAP11 = "urn:oasis:names:tc:emergency:cap:1.1";

function atom(entries: string, namespaces = ""): string {
  return `<feed xmlns="${ATOM}"${namespaces}><id>urn:test:feed</id>${entries}</feed>`;
}

function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
}

describe("parseFeed Atom and RSS shapes", () => {
  describe("fat Atom entries", () => {
    it("alert as XML, escaped text and CDATA", () => {
      const result = parse(
        atom(
          `<entry><id>urn:1</id><content type="application/cap+xml">${capTemplate({ identifier: "A-1" })}</content></entry>` +
            `<entry><id>urn:2</id><content type="text">${escapeXml(capTemplate({ identifier: "A-2" }))}</content></entry>` +
            `<entry><id>urn:3</id><content type="html"><![CDATA[${capTemplate({ identifier: "A-3" })}]]></content></entry>`,
        ),
      );
      expect(result.errors).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([]);
      expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
        "A-1",
        "A-2",
        "A-3",
      ]);
      expect(result.links).to.deep.equal([]);
    });

    it("alert directly in the entry", () => {
      const result = parse(
        atom(
          `<entry><id>urn:1</id>${capTemplate({ identifier: "A-1" })}</entry>`,
        ),
      );
      expect(onlyAlert(result).identifier).to.equal("A-1");
    });

    it("embedded alert wins over the entry's link", () => {
      const result = parse(
        atom(
          `<entry><id>urn:1</id><link type="application/cap+xml" href="https://alerts.example/a.xml"/>` +
            `<content type="text/xml">${capTemplate()}</content></entry>`,
        ),
      );
      expect(result.alerts).to.have.length(1);
      expect(result.links).to.deep.equal([]);
    });

    it("escaped content that is not XML", () => {
      const result = parse(
        atom(
          `<entry><id>urn:1</id><content type="text">&lt;alert&gt;unclosed</content></entry>` +
            `<entry><id>urn:2</id><content type="text">${escapeXml(capTemplate())}</content></entry>`,
        ),
      );
      expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
      expect(codesOf(result.errors)).to.deep.equal(["xml-syntax"]);
      expect(result.errors[0]!.entry).to.equal("entry 1 (urn:1)");
      // One broken entry does not make the feed unusable.
      expect(result.fatal).to.equal(false);
    });

    it("entry without id is labelled by position", () => {
      const result = parse(atom(`<entry><title>no id</title></entry>`));
      expect(codesOf(result.warnings)).to.deep.equal(["no-alert"]);
      expect(result.warnings[0]!.entry).to.equal("entry 1");
    });

    it("feed without the Atom namespace", () => {
      const result = parse(
        `<feed><entry><id>urn:1</id><content>${capTemplate()}</content></entry></feed>`,
      );
      expect(result.format).to.equal("atom");
      expect(result.alerts).to.have.length(1);
    });
  });

  describe("thin Atom entries", () => {
    it("link choice: CAP type, then XML or untyped alternate", () => {
      const result = parse(
        atom(
          `<entry><id>urn:1</id><link rel="alternate" type="text/html" href="https://alerts.example/1.html"/>` +
            `<link rel="related" type="application/common-alerting-protocol+xml" href="https://alerts.example/1.cap"/></entry>` +
            `<entry><id>urn:2</id><link rel="self" href="https://alerts.example/self"/>` +
            `<link rel="alternate" type="application/xml" href="https://alerts.example/2.xml"/></entry>` +
            `<entry><id>urn:3</id><link href="  https://alerts.example/3.xml  "/></entry>` +
            `<entry><id>urn:4</id><link rel="self" href="https://alerts.example/4"/>` +
            `<link rel="enclosure" href="https://alerts.example/4.xml"/></entry>`,
        ),
      );
      expect(result.links.map((link) => link.url)).to.deep.equal([
        "https://alerts.example/1.cap",
        "https://alerts.example/2.xml",
        "https://alerts.example/3.xml",
      ]);
      expect(codesOf(result.warnings)).to.deep.equal(["no-alert"]);
      expect(result.warnings[0]!.entry).to.equal("entry 4 (urn:4)");
    });

    it("relative links resolved against baseUrl", () => {
      const text = atom(
        `<entry><id>urn:1</id><link href="../cap/1.xml"/></entry>`,
      );
      const result = parse(text, {
        baseUrl: "https://alerts.example/feeds/main.atom",
      });
      expect(result.links[0]!.url).to.equal("https://alerts.example/cap/1.xml");
      // Without a base, a relative link cannot be resolved.
      const unresolved = parse(text);
      expect(unresolved.links).to.deep.equal([]);
      expect(codesOf(unresolved.errors)).to.deep.equal(["invalid-value"]);
      expect(unresolved.errors[0]!.value).to.equal("../cap/1.xml");
    });

    it("cap: summary read, invalid values left out", () => {
      const result = parse(
        atom(
          `<entry><id>urn:1</id><updated>2024-05-01T15:00:00-05:00</updated>` +
            `<link href="https://alerts.example/1.xml"/>` +
            `<cap:identifier> TEST-1 </cap:identifier><cap:sender>a@b.example</cap:sender>` +
            `<cap:sent>2024-05-01T14:30:00-05:00</cap:sent><cap:status>Actual</cap:status>` +
            `<cap:msgType>Update</cap:msgType><cap:expires>2024-05-02T14:30:00-05:00</cap:expires>` +
            `<cap:event>Child Abduction Emergency</cap:event></entry>` +
            `<entry><id>urn:2</id><link href="https://alerts.example/2.xml"/>` +
            `<cap:status>actual</cap:status><cap:message_type>Cancel</cap:message_type>` +
            `<other:status xmlns:other="urn:example:other">Test</other:status></entry>`,
          ` xmlns:cap="${CAP11}"`,
        ),
      );
      expect(result.errors).to.deep.equal([]);
      expect(result.links).to.deep.equal([
        {
          url: "https://alerts.example/1.xml",
          entryId: "urn:1",
          updated: "2024-05-01T15:00:00-05:00",
          identifier: "TEST-1",
          sender: "a@b.example",
          sent: "2024-05-01T14:30:00-05:00",
          status: "Actual",
          msgType: "Update",
          expires: "2024-05-02T14:30:00-05:00",
        },
        {
          // "actual" is not a CAP status, and other:status is not CAP.
          url: "https://alerts.example/2.xml",
          entryId: "urn:2",
          msgType: "Cancel",
        },
      ]);
    });
  });

  describe("RSS", () => {
    it("RSS 2.0: enclosure, link, permalink guid", () => {
      const result = parse(
        `<rss version="2.0" xmlns:cap="${CAP11}"><channel>` +
          `<item><guid isPermaLink="true">https://alerts.example/g.cap</guid></item>` +
          `<item><guid isPermaLink="false">https://alerts.example/h.cap</guid></item>` +
          `<item><enclosure url="https://alerts.example/e.cap" type="application/cap+xml" length="1"/>` +
          `<link>https://alerts.example/page.html</link><cap:msgType>Cancel</cap:msgType></item>` +
          `<item><link>/relative.cap</link><pubDate>Wed, 01 May 2024 19:30:00 GMT</pubDate></item>` +
          `</channel></rss>`,
        { baseUrl: "https://alerts.example/feed.rss" },
      );
      expect(result.links).to.deep.equal([
        {
          url: "https://alerts.example/g.cap",
          entryId: "https://alerts.example/g.cap",
        },
        { url: "https://alerts.example/e.cap", msgType: "Cancel" },
        {
          url: "https://alerts.example/relative.cap",
          updated: "Wed, 01 May 2024 19:30:00 GMT",
        },
      ]);
      // A guid that is not a permalink is not a link.
      expect(codesOf(result.warnings)).to.deep.equal(["no-alert"]);
      expect(result.warnings[0]!.entry).to.equal(
        "item 2 (https://alerts.example/h.cap)",
      );
    });

    it("RSS 1.0: items beside the channel", () => {
      const result = parse(
        `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" ` +
          `xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cap="${CAP11}">` +
          `<channel rdf:about="https://alerts.example/rss"><title>x</title></channel>` +
          `<item rdf:about="https://alerts.example/a.cap"><link>https://alerts.example/a.cap</link>` +
          `<dc:date>2024-05-01T14:30:00-05:00</dc:date><cap:status>Actual</cap:status></item>` +
          `<item rdf:about="https://alerts.example/b.cap"><title>B</title></item></rdf:RDF>`,
      );
      expect(result.format).to.equal("rss");
      expect(result.errors).to.deep.equal([]);
      expect(result.links).to.deep.equal([
        {
          url: "https://alerts.example/a.cap",
          entryId: "https://alerts.example/a.cap",
          status: "Actual",
          updated: "2024-05-01T14:30:00-05:00",
        },
        {
          url: "https://alerts.example/b.cap",
          entryId: "https://alerts.example/b.cap",
        },
      ]);
    });

    it("RSS items embedding alerts", () => {
      const result = parse(
        `<rss version="2.0"><channel>` +
          `<item><guid>1</guid><description>x</description>${capTemplate({ identifier: "R-1" })}</item>` +
          `<item><guid>2</guid>${capTemplate({ identifier: "R-2" }, { prefix: "cap" })}</item>` +
          `</channel></rss>`,
      );
      expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
        "R-1",
        "R-2",
      ]);
      expect(infoAt(result.alerts[1]!, 0).event).to.equal(
        "Child Abduction Emergency",
      );
    });
  });

  describe("containers", () => {
    it("EDXL-DE envelope and any wrapper", () => {
      const edxl = parse(
        `<EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0"><contentObject>` +
          `<xmlContent><embeddedXMLContent>${capTemplate()}</embeddedXMLContent></xmlContent>` +
          `</contentObject></EDXLDistribution>`,
      );
      expect(edxl.format).to.equal("edxl-de");
      expect(edxl.alerts).to.have.length(1);

      const wrapped = parse(
        `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>` +
          `<getMessageResponse><a>${capTemplate({ identifier: "W-1" })}</a>` +
          `<b><c>${capTemplate({ identifier: "W-2" })}</c></b></getMessageResponse>` +
          `</soap:Body></soap:Envelope>`,
      );
      expect(wrapped.format).to.equal("cap-container");
      expect(wrapped.alerts.map((alert) => alert.identifier)).to.deep.equal([
        "W-1",
        "W-2",
      ]);
    });

    it("an alert inside an alert is not searched", () => {
      const inner = capTemplate({ identifier: "INNER" });
      const outer = capTemplate({ identifier: "OUTER" }).replace(
        "<info>",
        `<note>${escapeXml(inner)}</note><extension>${inner}</extension><info>`,
      );
      const result = parse(`<alerts>${outer}</alerts>`);
      expect(onlyAlert(result).identifier).to.equal("OUTER");
    });
  });
});
