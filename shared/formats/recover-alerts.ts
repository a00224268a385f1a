/**
 * Salvages the CAP alerts of a document that is not well-formed, so one
 * broken alert in a container does not lose the others. Each
 * `<alert>`...`</alert>` span (with or without a prefix) is parsed on its own,
 * with the namespace declarations of the document's first start tag, since
 * a prefix such as `cap:` is usually declared on the root.
 */
import { parseXml, XmlSyntaxError } from "../xml/parse-xml.js";
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
  const rootTag = /<[A-Za-z_][^>]*>/.exec(
    text.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->/g, ""),
  );
  const declarations = rootTag
    ? (rootTag[0].match(NAMESPACE_DECLARATION) ?? []).join("")
    : "";
  const recovered: RecoveredAlert[] = [];

  for (const match of text.matchAll(ALERT_START)) {
    const start = match.index;
    const prefix = match[1] ?? "";
    const endTag = `</${prefix}alert>`;
    const end = text.indexOf(endTag, start);
    const position = recovered.length + 1;
    if (end === -1) {
      recovered.push({
        position,
        error: `${endTag} is missing: the document may be truncated`,
      });
      break;
    }
    const span = text.slice(start, end + endTag.length);
    try {
      const wrapper = parseXml(
        `<recovered${declarations}>${span}</recovered>`,
        {
          maxDepth: maxDepth + 1,
        },
      );
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
      recovered.push({ position, error: error.message });
    }
  }
  return recovered;
}
