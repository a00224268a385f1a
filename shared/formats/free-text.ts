const ESCAPED_REFERENCE =
  /&(amp|lt|gt|quot|apos|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/g;

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/**
 * Cleans a human-readable CAP field: trims it and undoes one level of
 * double escaping. Some publishers escape text twice, so after XML decoding
 * "3&#39;0&quot;" is left where they meant 3'0". Only the predefined
 * entities and character references are undone, and only once. The result
 * is still plain text, which every surface renders as text, never as HTML.
 */
export function cleanFreeText(text: string): string {
  const trimmed = text.trim();
  if (trimmed.indexOf("&") === -1) return trimmed;
  return trimmed.replace(
    ESCAPED_REFERENCE,
    (reference: string, body: string) => {
      const named = NAMED[body];
      if (named !== undefined) return named;
      const hex = body[1] === "x" || body[1] === "X";
      const codePoint = parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
      const printable =
        codePoint === 0x9 ||
        codePoint === 0xa ||
        codePoint === 0xd ||
        (codePoint >= 0x20 &&
          codePoint <= 0x10ffff &&
          !(codePoint >= 0xd800 && codePoint <= 0xdfff));
      return printable ? String.fromCodePoint(codePoint) : reference;
    },
  );
}
