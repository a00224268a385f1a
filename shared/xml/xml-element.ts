/**
 * The tree that `parseXml` builds: elements with their namespace resolved,
 * and text as plain strings. It carries only what the feed readers need, so
 * it costs little to build and works where no DOM exists.
 */
export interface XmlElement {
  /** The qualified name as written, such as "cap:alert". */
  name: string;
  /** The local part of the name, such as "alert". */
  local: string;
  /** The namespace URI the prefix (or the default namespace) resolves to; "" for none. */
  ns: string;
  /** Attributes by qualified name, values decoded. */
  attrs: Record<string, string>;
  /** Child elements and text, in document order. */
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Child elements of `element`, optionally only those with the given local name. */
export function childElements(
  element: XmlElement,
  local?: string,
): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (
      typeof child !== "string" &&
      (local === undefined || child.local === local)
    ) {
      found.push(child);
    }
  }
  return found;
}

/** Returns the first child element with the given local name, if any. */
export function firstChild(
  element: XmlElement,
  local: string,
): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child !== "string" && child.local === local) return child;
  }
  return undefined;
}

/** Concatenates the text of `element` and all its descendants. */
export function textContent(element: XmlElement): string {
  const { children } = element;
  if (children.length === 1 && typeof children[0] === "string") {
    return children[0];
  }
  let text = "";
  for (const child of children) {
    text += typeof child === "string" ? child : textContent(child);
  }
  return text;
}

/**
 * Returns the trimmed text of the first child element with the given local
 * name, or undefined when there is none or it is empty.
 */
export function childText(
  element: XmlElement,
  local: string,
): string | undefined {
  const child = firstChild(element, local);
  const text = child === undefined ? "" : textContent(child).trim();
  return text === "" ? undefined : text;
}
