import { expect } from "chai";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { writeJsonFeed } from "../../shared/formats/json-feed.js";
import { capTemplate } from "../helpers/cap-template.js";

function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

describe("parseFeed embedded and linked CAP", () => {
  it("reads CAP escaped in an RSS description", () => {
    const cap = capTemplate({ identifier: "RSS-ESCAPED-1" });
    const rss = `<rss version="2.0"><channel><title>t</title>
      <item><title>x</title><guid>g1</guid><description>${escapeText(cap)}</description></item>
    </channel></rss>`;
    const result = parseFeed(rss);
    expect(result.format).to.equal("rss");
    expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
      "RSS-ESCAPED-1",
    ]);
    expect(result.links).to.deep.equal([]);
    expect(result.errors).to.deep.equal([]);
  });

  it("keeps an HTML RSS description as text", () => {
    const rss = `<rss version="2.0"><channel><title>t</title>
      <item><title>x</title><link>https://alerts.example/a.cap</link>
        <description>${escapeText("<p>An alert</p>")}</description></item>
    </channel></rss>`;
    const result = parseFeed(rss);
    expect(result.alerts).to.deep.equal([]);
    expect(result.links.map((link) => link.url)).to.deep.equal([
      "https://alerts.example/a.cap",
    ]);
    expect(result.errors).to.deep.equal([]);
  });

  it("follows Atom content src as the CAP link", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><id>f</id>
      <entry><id>e1</id><updated>2024-05-01T14:30:00-05:00</updated>
        <link rel="alternate" type="text/html" href="https://alerts.example/page.html"/>
        <content type="application/cap+xml" src="cap/e1.xml"/>
      </entry></feed>`;
    const result = parseFeed(atom, {
      baseUrl: "https://alerts.example/feed.atom",
    });
    expect(result.links).to.have.length(1);
    expect(result.links[0]!.url).to.equal("https://alerts.example/cap/e1.xml");
    expect(result.links[0]!.entryId).to.equal("e1");
  });

  it("reports HTML after a comment as a page", () => {
    for (const page of [
      "<!-- error page --><!DOCTYPE html><html><body>503</body></html>",
      '<?xml version="1.0"?>\n<!-- x -->\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Down</p>',
      "  \n<HTML><HEAD><TITLE>502 Bad Gateway</TITLE></HEAD>",
    ]) {
      const result = parseFeed(page);
      expect(result.fatal, page).to.equal(true);
      expect(
        result.errors.map((error) => error.code),
        page,
      ).to.deep.equal(["html-page"]);
    }
  });

  it("reads a later JSON feed version with a warning", () => {
    const alerts = parseFeed(capTemplate({ identifier: "JSON-V2" })).alerts;
    const text = writeJsonFeed(alerts, "2024-05-01T14:30:00-05:00").replace(
      '"version":1',
      '"version":2',
    );
    const result = parseFeed(text);
    expect(result.alerts.map((alert) => alert.identifier)).to.deep.equal([
      "JSON-V2",
    ]);
    expect(result.warnings.map((warning) => warning.path)).to.deep.equal([
      "version",
    ]);
    expect(result.fatal).to.equal(false);
  });
});
