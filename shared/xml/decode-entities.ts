const PREDEFINED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

const REFERENCE =
  /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,10}|[A-Za-z_][\w.-]{0,63});/g;

/**
 * Replaces the five predefined XML entities and numeric character references
 * in `text`. Any other named reference is left as written and passed to
 * `onUnknown`: the library never expands an entity declared in a DOCTYPE, so
 * no document can make it fetch a URL or read a file, and no nesting of
 * entities can make it allocate more than the input's own size.
 */
export function decodeEntities(
  text: string,
  onUnknown?: (reference: string) => void,
): string {
  if (text.indexOf("&") === -1) return text;
  return text.replace(REFERENCE, (reference: string, body: string) => {
    if (body.charCodeAt(0) === 35 /* # */) {
      const hex = body.charCodeAt(1) === 120 || body.charCodeAt(1) === 88;
      const codePoint = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      return isXmlChar(codePoint) ? String.fromCodePoint(codePoint) : "\uFFFD";
    }
    const predefined = PREDEFINED[body];
    if (predefined !== undefined) return predefined;
    onUnknown?.(reference);
    return reference;
  });
}

/** Whether a code point is allowed in XML 1.0 text (the `Char` production). */
function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}
