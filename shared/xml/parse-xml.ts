/**
 * A small, non-validating XML parser written for alert feeds.
 *
 * Why not DOMParser: an extension's service worker and Node have none, and in
 * Chromium it reads CAP at about 20 MB/s, many times slower than this scan.
 * Why not a package: fast-xml-parser adds about 21 KB gzip to the widget and
 * turns geocodes such as "006037" into numbers unless configured, and txml
 * leaves entities undecoded. This parser does only what feeds need, with the
 * safety rules built in:
 *
 * - A DOCTYPE is skipped, never read: no entity it declares is expanded and
 *   nothing it names is fetched. The caller hears of it through `onWarning`.
 * - Only the five predefined entities and character references are decoded.
 * - Nesting depth is bounded (`maxDepth`); input size is bounded by the caller.
 * - Namespaces are resolved, so `cap:alert`, a default-namespace `alert` and
 *   an Atom `entry` are told apart by URI, not by prefix.
 */
import { textPosition } from "./text-position.js";
import { decodeEntities } from "./decode-entities.js";
import type { XmlElement, XmlNode } from "./xml-element.js";

export interface XmlParseOptions {
  /** Maximum element nesting depth; deeper documents are rejected. */
  maxDepth: number;
  /** Receives what was read with a fix or skipped. */
  onWarning?: (warning: XmlWarning) => void;
}

export interface XmlWarning {
  code: "doctype-ignored" | "entity-not-expanded" | "namespace";
  message: string;
  value: string;
}

/** A document that is not well-formed, or nests deeper than allowed. */
export class XmlSyntaxError extends Error {
  override name = "XmlSyntaxError";

  constructor(
    /** The fault, without the position. */
    readonly reason: string,
    readonly code: "xml-syntax" | "too-deep",
    /** Offset in UTF-16 code units from the start of the text. */
    readonly offset: number,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${reason} at line ${line}, column ${column}`);
  }
}

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/** Namespace bindings, chained through prototypes so a child inherits its parent's. */
type Scope = Record<string, string>;

interface Frame {
  element: XmlElement;
  scope: Scope;
  /** Whether whitespace-only text was added, to drop it if the element turns out to hold elements. */
  hasBlankText: boolean;
  hasElementChild: boolean;
}

/**
 * Parses `text` into a tree and returns its root element.
 * Throws XmlSyntaxError when the text is not well-formed XML (including a
 * truncated document) or nests deeper than `options.maxDepth`.
 */
export function parseXml(text: string, options: XmlParseOptions): XmlElement {
  return new XmlParser(text, options).parse();
}

class XmlParser {
  private position = 0;
  private readonly stack: Frame[] = [];
  private root: XmlElement | undefined;
  private readonly rootScope: Scope;
  private readonly reportedEntities = new Set<string>();
  private readonly reportedPrefixes = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly options: XmlParseOptions,
  ) {
    const scope: Scope = Object.create(null);
    scope["xml"] = XML_NAMESPACE;
    this.rootScope = scope;
  }

  parse(): XmlElement {
    const { text } = this;
    if (text.charCodeAt(0) === 0xfeff) this.position = 1;

    while (this.position < text.length) {
      const tagStart = text.indexOf("<", this.position);
      if (tagStart === -1) {
        this.addText(text.slice(this.position), this.position);
        this.position = text.length;
        break;
      }
      if (tagStart > this.position) {
        this.addText(text.slice(this.position, tagStart), this.position);
      }
      this.position = tagStart;
      this.readMarkup();
    }

    if (this.stack.length > 0) {
      const open = this.stack[this.stack.length - 1]!.element.name;
      this.fail(`Document ends before <${open}> is closed`, text.length);
    }
    if (this.root === undefined) this.fail("Document has no root element", 0);
    return this.root;
  }

  private readMarkup(): void {
    const { text } = this;
    const next = text.charCodeAt(this.position + 1);
    if (next === 47 /* / */) return this.readEndTag();
    if (next === 63 /* ? */)
      return this.skipPast("?>", "processing instruction");
    if (next === 33 /* ! */) {
      if (text.startsWith("<!--", this.position)) {
        return this.skipPast("-->", "comment");
      }
      if (text.startsWith("<![CDATA[", this.position)) return this.readCdata();
      if (text.startsWith("<!DOCTYPE", this.position))
        return this.skipDoctype();
      this.fail("Invalid markup declaration", this.position);
    }
    this.readStartTag();
  }

  private readStartTag(): void {
    const { text } = this;
    const start = this.position;
    let cursor = start + 1;
    const nameEnd = this.scanName(cursor);
    if (nameEnd === cursor) this.fail("Invalid character after '<'", start);
    const name = text.slice(cursor, nameEnd);
    cursor = nameEnd;

    let attrs: Record<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      cursor = this.skipSpace(cursor);
      const code = text.charCodeAt(cursor);
      if (code === 62 /* > */) {
        cursor += 1;
        break;
      }
      if (code === 47 /* / */ && text.charCodeAt(cursor + 1) === 62) {
        selfClosing = true;
        cursor += 2;
        break;
      }
      if (Number.isNaN(code)) {
        this.fail(`Document ends inside the start tag <${name}>`, start);
      }
      const attrNameEnd = this.scanName(cursor);
      if (attrNameEnd === cursor) {
        this.fail(`Invalid attribute in <${name}>`, cursor);
      }
      const attrName = text.slice(cursor, attrNameEnd);
      cursor = this.skipSpace(attrNameEnd);
      if (text.charCodeAt(cursor) !== 61 /* = */) {
        this.fail(`Attribute ${attrName} in <${name}> has no value`, cursor);
      }
      cursor = this.skipSpace(cursor + 1);
      const quote = text.charCodeAt(cursor);
      if (quote !== 34 && quote !== 39) {
        this.fail(`Value of attribute ${attrName} is not quoted`, cursor);
      }
      const valueEnd = text.indexOf(quote === 34 ? '"' : "'", cursor + 1);
      if (valueEnd === -1) {
        this.fail(`Value of attribute ${attrName} is not closed`, cursor);
      }
      attrs ??= {};
      attrs[attrName] = this.decode(text.slice(cursor + 1, valueEnd));
      cursor = valueEnd + 1;
    }
    this.position = cursor;
    this.openElement(name, attrs ?? {}, selfClosing, start);
  }

  private openElement(
    name: string,
    attrs: Record<string, string>,
    selfClosing: boolean,
    offset: number,
  ): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined && this.root !== undefined) {
      this.fail(`Second root element <${name}>`, offset);
    }
    if (this.stack.length >= this.options.maxDepth) {
      this.fail(
        `Elements nest deeper than ${this.options.maxDepth} levels`,
        offset,
        "too-deep",
      );
    }

    const scope = this.scopeFor(attrs, parent?.scope ?? this.rootScope);
    const colon = name.indexOf(":");
    const prefix = colon === -1 ? "" : name.slice(0, colon);
    const local = colon === -1 ? name : name.slice(colon + 1);
    let ns = scope[prefix];
    if (ns === undefined) {
      ns = "";
      // Reported once per prefix: a feed that never declares "cap" would
      // otherwise give one warning for every element.
      if (prefix !== "" && !this.reportedPrefixes.has(prefix)) {
        this.reportedPrefixes.add(prefix);
        this.options.onWarning?.({
          code: "namespace",
          message: `Namespace prefix "${prefix}" is not declared; <${name}> and every other <${prefix}:...> element were read by their local names`,
          value: name,
        });
      }
    }

    const element: XmlElement = { name, local, ns, attrs, children: [] };
    if (parent === undefined) {
      this.root = element;
    } else {
      parent.element.children.push(element);
      parent.hasElementChild = true;
    }
    if (!selfClosing) {
      this.stack.push({
        element,
        scope,
        hasBlankText: false,
        hasElementChild: false,
      });
    }
  }

  private scopeFor(attrs: Record<string, string>, parent: Scope): Scope {
    let scope = parent;
    for (const attrName in attrs) {
      let prefix: string;
      if (attrName === "xmlns") prefix = "";
      else if (attrName.startsWith("xmlns:")) prefix = attrName.slice(6);
      else continue;
      if (scope === parent) scope = Object.create(parent) as Scope;
      scope[prefix] = attrs[attrName]!.trim();
    }
    return scope;
  }

  private readEndTag(): void {
    const { text } = this;
    const start = this.position;
    const end = text.indexOf(">", start + 2);
    if (end === -1) this.fail("Document ends inside an end tag", start);
    const name = text.slice(start + 2, end).trim();
    const frame = this.stack.pop();
    if (frame === undefined) this.fail(`Unexpected end tag </${name}>`, start);
    if (frame.element.name !== name) {
      this.fail(
        `End tag </${name}> does not match <${frame.element.name}>`,
        start,
      );
    }
    if (frame.hasBlankText && frame.hasElementChild) {
      frame.element.children = frame.element.children.filter(
        (child) => typeof child !== "string" || child.trim() !== "",
      );
    }
    this.position = end + 1;
  }

  private readCdata(): void {
    const start = this.position;
    const end = this.text.indexOf("]]>", start + 9);
    if (end === -1) this.fail("CDATA section is not closed", start);
    this.appendText(this.text.slice(start + 9, end), start);
    this.position = end + 3;
  }

  /**
   * Skips a DOCTYPE declaration, internal subset included, without reading
   * any of it. Quoted literals and comments inside the subset may contain
   * brackets and '>', so they are stepped over as units.
   */
  private skipDoctype(): void {
    const { text } = this;
    const start = this.position;
    let cursor = start + 9;
    let bracketDepth = 0;
    while (cursor < text.length) {
      const code = text.charCodeAt(cursor);
      if (code === 34 || code === 39) {
        const close = text.indexOf(code === 34 ? '"' : "'", cursor + 1);
        if (close === -1) break;
        cursor = close + 1;
        continue;
      }
      if (code === 60 /* < */ && text.startsWith("<!--", cursor)) {
        const close = text.indexOf("-->", cursor + 4);
        if (close === -1) break;
        cursor = close + 3;
        continue;
      }
      if (code === 91 /* [ */) bracketDepth += 1;
      else if (code === 93 /* ] */) bracketDepth -= 1;
      else if (code === 62 /* > */ && bracketDepth <= 0) {
        this.position = cursor + 1;
        this.options.onWarning?.({
          code: "doctype-ignored",
          message:
            "The document has a DOCTYPE; it was skipped and none of its entities were expanded",
          value: text.slice(start, Math.min(cursor + 1, start + 200)),
        });
        return;
      }
      cursor += 1;
    }
    this.fail("DOCTYPE declaration is not closed", start);
  }

  private skipPast(terminator: string, what: string): void {
    const end = this.text.indexOf(terminator, this.position + 2);
    if (end === -1) this.fail(`The ${what} is not closed`, this.position);
    this.position = end + terminator.length;
  }

  private addText(raw: string, offset: number): void {
    if (this.stack.length === 0) {
      if (raw.trim() !== "") {
        this.fail(
          this.root === undefined
            ? "Text before the root element"
            : "Text after the root element",
          offset,
        );
      }
      return;
    }
    this.appendText(this.decode(raw), offset);
  }

  private appendText(value: string, offset: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame === undefined) {
      if (value.trim() !== "")
        this.fail("CDATA outside the root element", offset);
      return;
    }
    const children: XmlNode[] = frame.element.children;
    const last = children[children.length - 1];
    if (typeof last === "string") {
      children[children.length - 1] = last + value;
    } else {
      children.push(value);
    }
    if (!frame.hasBlankText && value.trim() === "") frame.hasBlankText = true;
  }

  private decode(raw: string): string {
    return decodeEntities(raw, (reference) => {
      if (this.reportedEntities.has(reference)) return;
      this.reportedEntities.add(reference);
      this.options.onWarning?.({
        code: "entity-not-expanded",
        message: `Entity reference ${reference} was left as written: only the predefined XML entities are expanded`,
        value: reference,
      });
    });
  }

  /** Returns the offset just past an XML name starting at `cursor`. */
  private scanName(cursor: number): number {
    const { text } = this;
    let end = cursor;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      // Whitespace, '/', '=', '>', quotes and '<' end a name.
      if (
        code <= 32 ||
        code === 47 ||
        code === 61 ||
        code === 62 ||
        code === 34 ||
        code === 39 ||
        code === 60
      ) {
        break;
      }
      end += 1;
    }
    return end;
  }

  private skipSpace(cursor: number): number {
    const { text } = this;
    while (cursor < text.length && text.charCodeAt(cursor) <= 32) cursor += 1;
    return cursor;
  }

  private fail(
    message: string,
    offset: number,
    code: "xml-syntax" | "too-deep" = "xml-syntax",
  ): never {
    const { line, column } = textPosition(this.text, offset);
    throw new XmlSyntaxError(message, code, offset, line, column);
  }
}
