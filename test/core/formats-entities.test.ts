/**
 * Entities in feeds are never expanded: a DOCTYPE is skipped, references to
 * what it declares are left as written with a warning, and nothing it names
 * is fetched. Only the five predefined entities and character references
 * are decoded.
 */
import { expect } from "chai";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import type { ParseResult } from "../../shared/model/feed.js";
import { capTemplate } from "../helpers/cap-template.js";
import { requestsDuring } from "../helpers/network-spy.js";
import {
  codesOf,
  infoAt,
  issuesWith,
  longestDataString,
  onlyAlert,
  parse,
} from "../helpers/parse-fixture.js";

/** A port nothing listens on: a request there would fail, but is recorded first. */
const NOWHERE = "http://127.0.0.1:9";

/** Parses with the network spy on; fails if any request was started. */
function parseOffline(text: string): ParseResult {
  let result: ParseResult | undefined;
  const requested = requestsDuring(() => {
    result = parse(text);
  });
  expect(requested, "requests").to.deep.equal([]);
  return result!;
}

/** Returns a DOCTYPE declaring `levels` nested entities, each ten copies of the one below. */
function laughs(levels: number): string {
  const lines = [`<!ENTITY lol0 "lol">`];
  for (let level = 1; level <= levels; level++) {
    const below = `&lol${level - 1};`.repeat(10);
    lines.push(`<!ENTITY lol${level} "${below}">`);
  }
  return `<!DOCTYPE alert [\n${lines.join("\n")}\n]>`;
}

describe("parseFeed entities", () => {
  it("billion laughs left unexpanded", () => {
    // 10^30 copies of "lol" if expanded.
    const text = capTemplate(
      { headline: "TEST &lol30;", description: "&lol30;&lol29;&lol1;" },
      { prolog: laughs(30) },
    );
    const result = parseOffline(text);
    expect(result.fatal).to.equal(false);
    expect(result.errors).to.deep.equal([]);
    const info = infoAt(onlyAlert(result), 0);
    expect(info.headline).to.equal("TEST &lol30;");
    expect(info.description).to.equal("&lol30;&lol29;&lol1;");
    expect(codesOf(result.warnings)).to.deep.equal([
      "doctype-ignored",
      "entity-not-expanded",
      "entity-not-expanded",
      "entity-not-expanded",
    ]);
    expect(longestDataString(result)).to.be.lessThan(text.length);
  });

  it("quadratic blowup left unexpanded", () => {
    // One 20,000-character entity referenced 5,000 times: 100 MB expanded.
    const big = "A".repeat(20_000);
    const references = "&big;".repeat(5_000);
    const text = capTemplate(
      { description: references },
      { prolog: `<!DOCTYPE alert [<!ENTITY big "${big}">]>` },
    );
    const result = parseOffline(text);
    const info = infoAt(onlyAlert(result), 0);
    expect(info.description).to.equal(references);
    // One warning per distinct reference, not per occurrence.
    expect(issuesWith(result.warnings, "entity-not-expanded")).to.have.length(
      1,
    );
    expect(longestDataString(result)).to.be.lessThan(text.length);
  });

  it("external SYSTEM entity not fetched", () => {
    const text = capTemplate(
      { description: "&ext;", headline: "&file;" },
      {
        prolog:
          `<!DOCTYPE alert [\n<!ENTITY ext SYSTEM "${NOWHERE}/entity">\n` +
          `<!ENTITY file SYSTEM "file:///etc/passwd">\n]>`,
      },
    );
    const info = infoAt(onlyAlert(parseOffline(text)), 0);
    expect(info.description).to.equal("&ext;");
    expect(info.headline).to.equal("&file;");
  });

  it("external PUBLIC entity and DTD not fetched", () => {
    const text = capTemplate(
      { description: "&pub;" },
      {
        prolog:
          `<!DOCTYPE alert PUBLIC "-//TEST//DTD Alert//EN" "${NOWHERE}/alert.dtd" [\n` +
          `<!ENTITY pub PUBLIC "-//TEST//ENTITIES X//EN" "${NOWHERE}/x.ent">\n]>`,
      },
    );
    const result = parseOffline(text);
    expect(codesOf(result.warnings)).to.deep.equal([
      "doctype-ignored",
      "entity-not-expanded",
    ]);
    expect(infoAt(onlyAlert(result), 0).description).to.equal("&pub;");
  });

  it("parameter entities not read", () => {
    // The classic out-of-band exfiltration: %dtd; would load a DTD that
    // defines %send; to post %file; to the attacker.
    const text = capTemplate(
      { description: "&exfil;" },
      {
        prolog:
          `<!DOCTYPE alert [\n<!ENTITY % file SYSTEM "file:///etc/hostname">\n` +
          `<!ENTITY % dtd SYSTEM "${NOWHERE}/evil.dtd">\n%dtd;\n%send;\n` +
          `<!ENTITY % inner "<!ENTITY exfil 'leaked'>">\n%inner;\n]>`,
      },
    );
    const result = parseOffline(text);
    expect(result.errors).to.deep.equal([]);
    expect(infoAt(onlyAlert(result), 0).description).to.equal("&exfil;");
    expect(JSON.stringify(result.alerts)).to.not.include("leaked");
  });

  it("DOCTYPE with brackets in literals and comments", () => {
    const text = capTemplate(
      { headline: "&q;" },
      {
        prolog:
          `<!DOCTYPE alert [\n<!ENTITY q "]> <alert>">\n` +
          `<!-- a comment with ]> and <alert> inside -->\n` +
          `<!ENTITY r ']>'>\n]>`,
      },
    );
    const result = parseOffline(text);
    expect(result.errors).to.deep.equal([]);
    expect(infoAt(onlyAlert(result), 0).headline).to.equal("&q;");
  });

  it("unclosed DOCTYPE is a syntax error", () => {
    const result = parseOffline(
      `<!DOCTYPE alert [ <!ENTITY a "x"> ${capTemplate()}`,
    );
    expect(result.fatal).to.equal(true);
    expect(codesOf(result.errors)[0]).to.equal("xml-syntax");
  });

  it("entity references in attributes left as written", () => {
    const text =
      `<!DOCTYPE feed [<!ENTITY host "${NOWHERE}">]>` +
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:test:1</id>` +
      `<link rel="alternate" type="application/cap+xml" href="https://alerts.example/cap?id=1&amp;v=&host;"/>` +
      `</entry></feed>`;
    const result = parseOffline(text);
    expect(result.links.map((link) => link.url)).to.deep.equal([
      "https://alerts.example/cap?id=1&v=&host;",
    ]);
    expect(
      issuesWith(result.warnings, "entity-not-expanded")[0]!.value,
    ).to.equal("&host;");
  });

  it("entity reference in xmlns is not a namespace", () => {
    const text = capTemplate(
      {},
      {
        prolog: `<!DOCTYPE alert [<!ENTITY ns "urn:oasis:names:tc:emergency:cap:1.2">]>`,
        namespace: "&ns;",
      },
    );
    const result = parseOffline(text);
    // Still read as CAP by its identifier, but flagged.
    expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
    const namespace = issuesWith(result.warnings, "namespace");
    expect(namespace).to.have.length(1);
    expect(namespace[0]!.value).to.equal("&ns;");
  });

  it("undeclared entity without DOCTYPE left as written", () => {
    const result = parseOffline(
      capTemplate({ headline: "TEST&nbsp;alert &copy; 2024" }),
    );
    expect(infoAt(onlyAlert(result), 0).headline).to.equal(
      "TEST&nbsp;alert &copy; 2024",
    );
    expect(
      issuesWith(result.warnings, "entity-not-expanded").map(
        (warning) => warning.value,
      ),
    ).to.deep.equal(["&nbsp;", "&copy;"]);
  });

  it("predefined and character references decoded", () => {
    const result = parseOffline(
      capTemplate({
        headline:
          "&lt;b&gt; &amp; &quot;x&quot; &apos;y&apos; &#233;&#xE9;&#x1F600;",
      }),
    );
    expect(result.warnings).to.deep.equal([]);
    expect(infoAt(onlyAlert(result), 0).headline).to.equal(
      `<b> & "x" 'y' éé\u{1F600}`,
    );
  });

  it("references to characters XML forbids replaced", () => {
    const result = parseOffline(
      capTemplate({ headline: "a&#0;b&#xD800;c&#1114112;d&#x1B;e" }),
    );
    expect(infoAt(onlyAlert(result), 0).headline).to.equal(
      "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe",
    );
  });

  it("bare ampersand kept", () => {
    const result = parseOffline(capTemplate({ headline: "AT&T; R&D & Co" }));
    // "&T;" has the shape of a reference and is reported; "& " is not.
    expect(infoAt(onlyAlert(result), 0).headline).to.equal("AT&T; R&D & Co");
    expect(
      issuesWith(result.warnings, "entity-not-expanded").map(
        (warning) => warning.value,
      ),
    ).to.deep.equal(["&T;"]);
  });

  it("double escaping undone exactly once", () => {
    const result = parseOffline(
      capTemplate({
        headline: "3&amp;#39;0&amp;quot; &amp;amp;lt;",
        description: "&amp;lt;script&amp;gt;",
      }),
    );
    const info = infoAt(onlyAlert(result), 0);
    expect(info.headline).to.equal(`3'0" &lt;`);
    // Still text: the surfaces render it as text, never as markup.
    expect(info.description).to.equal("<script>");
  });

  it("codes are not unescaped twice", () => {
    // Identifiers and geocodes are tokens, not free text.
    const result = parseOffline(
      capTemplate({ identifier: "TEST&amp;lt;1", geocodeValue: "A&amp;amp;B" }),
    );
    const alert = onlyAlert(result);
    expect(alert.identifier).to.equal("TEST&lt;1");
    expect(infoAt(alert, 0).area[0]!.geocode[0]!.value).to.equal("A&amp;B");
  });

  it("CDATA is not entity-decoded", () => {
    const result = parseOffline(
      capTemplate({ description: "<![CDATA[&ext; <b>&#65;</b>]]>" }),
    );
    expect(issuesWith(result.warnings, "entity-not-expanded")).to.deep.equal(
      [],
    );
    // One level of double escaping is still undone on free text.
    expect(infoAt(onlyAlert(result), 0).description).to.equal("&ext; <b>A</b>");
  });

  it("xml-stylesheet and XInclude not followed", () => {
    const text =
      `<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="${NOWHERE}/x.xsl"?>\n` +
      capTemplate().replace(
        "<identifier>",
        `<x xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="${NOWHERE}/inc" parse="text"/></x><identifier>`,
      );
    const result = parseOffline(text);
    expect(result.errors).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([]);
    expect(onlyAlert(result).identifier).to.equal("TEST-XML-0001");
  });

  it("entities inside escaped Atom content stay unexpanded", () => {
    const inner = capTemplate({ headline: "&lol9;" }, { prolog: laughs(9) })
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;");
    const text =
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>urn:test:1</id>` +
      `<content type="text">${inner}</content></entry></feed>`;
    const result = parseOffline(text);
    expect(result.errors).to.deep.equal([]);
    expect(infoAt(onlyAlert(result), 0).headline).to.equal("&lol9;");
    // The nested document's warnings are reported with the entry.
    expect(codesOf(result.warnings)).to.deep.equal([
      "doctype-ignored",
      "entity-not-expanded",
    ]);
    expect(result.warnings[1]!.entry).to.equal("entry 1 (urn:test:1)");
    expect(longestDataString(result)).to.be.lessThan(text.length);
  });

  it("string input and bytes agree", () => {
    const text = capTemplate({ headline: "&lol3;" }, { prolog: laughs(3) });
    const fromText = parseFeed(text);
    const fromBytes = parseFeed(new TextEncoder().encode(text));
    expect(fromBytes).to.deep.equal(fromText);
  });
});
