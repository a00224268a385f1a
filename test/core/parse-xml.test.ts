import { expect } from "chai";
import { parseXml, XmlSyntaxError } from "../../shared/xml/parse-xml.js";
import type { XmlWarning } from "../../shared/xml/parse-xml.js";
import { childElements, textContent } from "../../shared/xml/xml-element.js";

const CAP12 = "urn:oasis:names:tc:emergency:cap:1.2";

function parse(text: string, maxDepth = 64) {
  const warnings: XmlWarning[] = [];
  const root = parseXml(text, { maxDepth, onWarning: (w) => warnings.push(w) });
  return { root, warnings };
}

function syntaxError(text: string, maxDepth = 64): XmlSyntaxError {
  try {
    parseXml(text, { maxDepth });
  } catch (error) {
    if (error instanceof XmlSyntaxError) return error;
    throw error;
  }
  throw new Error(`Expected a syntax error for ${text}`);
}

describe("parseXml", () => {
  it("resolves default and prefixed namespaces", () => {
    const { root } = parse(
      `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry><alert xmlns="${CAP12}"><identifier>x</identifier></alert></a:entry></a:feed>`,
    );
    expect(root.local).to.equal("feed");
    expect(root.ns).to.equal("http://www.w3.org/2005/Atom");
    const alert = childElements(childElements(root)[0]!)[0]!;
    expect(alert.ns).to.equal(CAP12);
    expect(childElements(alert)[0]!.ns).to.equal(CAP12);
  });

  it("decodes predefined and numeric references", () => {
    const { root } = parse(
      `<t a="&quot;x&quot;">&lt;b&gt; &amp; &#39;&#x3B1;&#x1F600;</t>`,
    );
    expect(root.attrs["a"]).to.equal('"x"');
    expect(textContent(root)).to.equal("<b> & '\u03b1\u{1F600}");
  });

  it("keeps CDATA as written", () => {
    const { root } = parse(`<t><![CDATA[<b>&amp;</b>]]> tail</t>`);
    expect(textContent(root)).to.equal("<b>&amp;</b> tail");
  });

  it("skips a DOCTYPE without expanding entities", () => {
    const { root, warnings } = parse(`<?xml version="1.0"?>
<!DOCTYPE t [
  <!ENTITY a "AAAAAAAAAA">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY ext SYSTEM "file:///etc/hostname">
  <!-- a ] and a > inside a comment -->
  <!ENTITY q "]>">
]>
<t>&b;|&ext;</t>`);
    expect(textContent(root)).to.equal("&b;|&ext;");
    expect(warnings.map((w) => w.code)).to.deep.equal([
      "doctype-ignored",
      "entity-not-expanded",
      "entity-not-expanded",
    ]);
  });

  it("drops blank text between elements only", () => {
    const { root } = parse(`<a>\n  <b> keep </b>\n</a>`);
    expect(root.children).to.have.length(1);
    expect(textContent(root)).to.equal(" keep ");
  });

  it("reads an undeclared prefix by local name", () => {
    const { root, warnings } = parse(
      `<cap:alert><cap:identifier>x</cap:identifier></cap:alert>`,
    );
    expect(root.local).to.equal("alert");
    expect(root.ns).to.equal("");
    expect(warnings[0]?.code).to.equal("namespace");
  });

  it("rejects a truncated document with its position", () => {
    const error = syntaxError(
      `<alert>\n  <identifier>x</identifier>\n  <info>`,
    );
    expect(error.code).to.equal("xml-syntax");
    expect(error.message).to.contain("ends before <info> is closed");
  });

  it("rejects mismatched tags at their line", () => {
    const error = syntaxError(`<a>\n<b></c>\n</a>`);
    expect(error.line).to.equal(2);
    expect(error.message).to.contain("</c> does not match <b>");
  });

  it("rejects nesting past the limit", () => {
    const deep = "<a>".repeat(20) + "</a>".repeat(20);
    expect(syntaxError(deep, 10).code).to.equal("too-deep");
    expect(parse(deep, 20).root.local).to.equal("a");
  });

  it("rejects text outside the root and a second root", () => {
    expect(syntaxError(`junk<a/>`).message).to.contain("Text before the root");
    expect(syntaxError(`<a/><b/>`).message).to.contain("Second root element");
  });

  it("rejects an empty document", () => {
    expect(syntaxError(`  `).message).to.contain("no root element");
  });
});
