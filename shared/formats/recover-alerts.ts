/**
 * Salvages the CAP alerts of a document that is not well-formed, so one
 * broken alert in a container does not lose the others. Each
 * `<alert>`...`</alert>` span (with or without a prefix) is parsed on its own,
 * with the namespace declarations of the document's first start tag, since
 * a prefix such as `cap:` is usually declared on the root.
 */
import { parseXml, XmlSyntaxError } from "../xml/parse-xml.js";
import { textPosition } from "../xml/text-position.js";
import type { XmlElement } from "../xml/xml-element.js";
import { isCapAlertElement } from "./find-cap-alerts.js";

const ALERT_START = /<((?:[A-Za-z_][\w.-]*:)?)alert[\s>]/g;
const NAMESPACE_DECLARATION = /\sxmlns(?::[\w.-]+)?\s*=\s*("[^"]*"|'[^']*')/g;

export interface RecoveredAlert {
  /** 1-based position of the alert in the document. */
  position: number;
  element?: XmlElement;
  /** The reason the span could not be read, when it could not. */
  error?: string;
}

export function recoverAlerts(
  text: string,
  maxDepth: number,
): RecoveredAlert[] {
  const rootTag = firstStartTag(text);
  const declarations = rootTag
    ? (rootTag.match(NAMESPACE_DECLARATION) ?? []).join("")
    : "";
  const recovered: RecoveredAlert[] = [];
  const starts = [...text.matchAll(ALERT_START)];
  // Where each end tag was last found. Alert starts come in document order,
  // so a position found for one start holds for the next starts before it,
  // and each search resumes past the last one: the pass stays linear.
  const endTags = new Map<string, number>();

  for (const [index, match] of starts.entries()) {
    const start = match.index;
    const prefix = match[1] ?? "";
    const endTag = `</${prefix}alert>`;
    let end = endTags.get(endTag) ?? -2;
    if (end !== -1 && end < start) {
      end = text.indexOf(endTag, start);
      endTags.set(endTag, end);
    }
    const position = recovered.length + 1;
    if (end === -1) {
      recovered.push({
        position,
        error: `${endTag} is missing: the document may be truncated`,
      });
      break;
    }
    // Alerts do not nest, so an alert whose end tag comes after the next
    // alert's start was cut off. Its span is not parsed: spans that overlap
    // would make recovery quadratic in the number of alert starts.
    const next = starts[index + 1];
    if (next !== undefined && next.index < end) {
      recovered.push({
        position,
        error: `${endTag} is missing before the next alert starts`,
      });
      continue;
    }
    const span = text.slice(start, end + endTag.length);
    const wrapperStart = `<recovered${declarations}>`;
    try {
      // The wrapper is one level more, so the alert may nest maxDepth levels.
      const wrapper = parseXml(`${wrapperStart}${span}</recovered>`, {
        maxDepth: maxDepth + 1,
      });
      const element = wrapper.children.find(
        (child): child is XmlElement =>
          typeof child !== "string" && isCapAlertElement(child),
      );
      recovered.push(
        element
          ? { position, element }
          : { position, error: "not a CAP alert" },
      );
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      // The position is given in the document, not in the wrapped span.
      const offset = Math.min(
        Math.max(start, error.offset - wrapperStart.length + start),
        end + endTag.length,
      );
      const { line, column } = textPosition(text, offset);
      const reason =
        error.code === "too-deep"
          ? `Elements nest deeper than ${maxDepth} levels inside the alert`
          : error.reason;
      recovered.push({
        position,
        error: `${reason} at line ${line}, column ${column}`,
      });
    }
  }
  return recovered;
}

/**
 * Returns the text of the document's first start tag, skipping the XML
 * declaration, processing instructions, comments and `<!` declarations.
 * Each skip searches forward from the last, so an unclosed comment or a run
 * of "<?" costs one pass over the text, not one per occurrence.
 */
function firstStartTag(text: string): string | undefined {
  let cursor = 0;
  for (;;) {
    const open = text.indexOf("<", cursor);
    if (open === -1) return undefined;
    let close: number;
    if (text.startsWith("<?", open)) close = text.indexOf("?>", open + 2);
    else if (text.startsWith("<!--", open))
      close = text.indexOf("-->", open + 4);
    else if (/[A-Za-z_]/.test(text.charAt(open + 1))) {
      const end = text.indexOf(">", open + 1);
      return end === -1 ? undefined : text.slice(open, end + 1);
    } else close = open;
    if (close === -1) return undefined;
    cursor = close + 1;
  }
}
