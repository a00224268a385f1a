/** Namespace URIs of CAP 1.0, 1.1 and 1.2. */
export const CAP_NAMESPACES: ReadonlySet<string> = new Set([
  "urn:oasis:names:tc:emergency:cap:1.2",
  "urn:oasis:names:tc:emergency:cap:1.1",
  "urn:oasis:names:tc:emergency:cap:1.0",
  "http://www.incident.com/cap/1.0",
]);

export const ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";

export const EDXL_DE_NAMESPACE = "urn:oasis:names:tc:emergency:EDXL:DE:1.0";

export function isCapNamespace(ns: string): boolean {
  return CAP_NAMESPACES.has(ns);
}
