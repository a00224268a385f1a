import type { XmlElement } from "../xml/xml-element.js";
import { firstChild } from "../xml/xml-element.js";
import { isCapNamespace } from "./cap-namespaces.js";

/**
 * Checks whether an element is a CAP `alert`: in a CAP namespace, or named `alert`
 * with an `identifier` child in another or no namespace (publishers that
 * misspell the namespace, or omit it, are still read, with a warning).
 */
export function isCapAlertElement(element: XmlElement): boolean {
  if (element.local !== "alert") return false;
  if (isCapNamespace(element.ns)) return true;
  return firstChild(element, "identifier") !== undefined;
}

/**
 * Finds every CAP alert at or below `element`, in document order, for containers
 * of any kind: IPAWS `alerts` lists, SMHI-style wrappers, EDXL-DE envelopes.
 * Alerts are not searched for inside other alerts.
 */
export function findCapAlerts(element: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    if (isCapAlertElement(node)) {
      found.push(node);
      return;
    }
    for (const child of node.children) {
      if (typeof child !== "string") visit(child);
    }
  };
  visit(element);
  return found;
}
