import { decodeMixedUtf8, repairWindows1252 } from "./decode-mixed-utf8.js";
import type { IssueList } from "./issue-list.js";

/** Input that `parseFeed` accepts: text, or the bytes of a response body. */
export type FeedInput = string | ArrayBuffer | ArrayBufferView;

const XML_DECLARATION_ENCODING =
  /^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/** Returns the size of the input: bytes for binary input, UTF-16 code units for a string. */
export function inputSize(input: FeedInput): number {
  return typeof input === "string" ? input.length : input.byteLength;
}

/** Characters a feed can start with: "<", "{", "[", space, tab, LF and CR. */
const FIRST_CHARACTERS: ReadonlySet<number> = new Set([
  0x3c, 0x7b, 0x5b, 0x20, 0x09, 0x0a, 0x0d,
]);

/**
 * Turns the input into text. For bytes the encoding is found as XML does:
 * a byte-order mark first (UTF-8, UTF-16 LE or BE), then the encoding named
 * in the XML declaration, then UTF-8. Declared UTF-8 that contains bytes which
 * are not UTF-8 is decoded byte by byte, reading the stray bytes as
 * Windows-1252, with a warning. An encoding name the platform does not know
 * falls back to that same UTF-8 reading, with a warning. It never throws.
 */
export function decodeInput(input: FeedInput, issues: IssueList): string {
  if (typeof input === "string") {
    return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }
  const bytes =
    input instanceof ArrayBuffer
      ? new Uint8Array(input)
      : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);

  const bom = byteOrderMark(bytes);
  if (bom !== null) {
    return decodeWith(bom.encoding, bytes.subarray(bom.length), issues);
  }
  // Without a mark, UTF-16 shows in the first character: a feed starts
  // with "<", "{", "[" or whitespace, whose other byte is zero.
  if (bytes[1] === 0x00 && FIRST_CHARACTERS.has(bytes[0]!)) {
    return decodeWith("utf-16le", bytes, issues);
  }
  if (bytes[0] === 0x00 && FIRST_CHARACTERS.has(bytes[1]!)) {
    return decodeWith("utf-16be", bytes, issues);
  }

  const declared = declaredEncoding(bytes);
  if (declared !== null && !isUtf8Label(declared)) {
    if (!isAsciiCompatible(declared)) {
      // The declaration was read as single bytes, so the document cannot be
      // in the UTF-16 (or "replacement") encoding it names.
      issues.warning(
        "encoding",
        `The document names the encoding "${declared}", but its bytes are not in that encoding; it was read as UTF-8`,
        {},
        declared,
      );
      return decodeUtf8(bytes, issues);
    }
    return decodeWith(declared, bytes, issues);
  }
  return decodeUtf8(bytes, issues);
}

/** Checks whether a label the platform supports names an encoding that writes ASCII as single bytes. */
function isAsciiCompatible(label: string): boolean {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return true; // An unknown label is reported where it is decoded.
  }
  return !encoding.startsWith("utf-16") && encoding !== "replacement";
}

function byteOrderMark(
  bytes: Uint8Array,
): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: "utf-8", length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { encoding: "utf-16le", length: 2 };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { encoding: "utf-16be", length: 2 };
  }
  return null;
}

/** Returns the encoding named in an XML declaration at the start of the bytes, if any. */
function declaredEncoding(bytes: Uint8Array): string | null {
  let start = 0;
  while (start < bytes.length && start < 64 && bytes[start]! <= 0x20)
    start += 1;
  if (bytes[start] !== 0x3c || bytes[start + 1] !== 0x3f) return null;
  let head = "";
  for (let i = start; i < bytes.length && i < start + 256; i++) {
    const byte = bytes[i]!;
    if (byte >= 0x80) break;
    head += String.fromCharCode(byte);
    if (byte === 0x3e) break;
  }
  return XML_DECLARATION_ENCODING.exec(head)?.[1]?.toLowerCase() ?? null;
}

function isUtf8Label(label: string): boolean {
  return label === "utf-8" || label === "utf8" || label === "unicode-1-1-utf-8";
}

function decodeWith(
  label: string,
  bytes: Uint8Array,
  issues: IssueList,
): string {
  if (isUtf8Label(label)) return decodeUtf8(bytes, issues);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    issues.warning(
      "encoding",
      `The document names the encoding "${label}", which this platform cannot decode; it was read as UTF-8`,
      {},
      label,
    );
    return decodeUtf8(bytes, issues);
  }
  let text = decoder.decode(bytes);
  if (decoder.encoding === "windows-1252") text = repairWindows1252(text);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeUtf8(bytes: Uint8Array, issues: IssueList): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const { text, fallbackBytes } = decodeMixedUtf8(bytes);
    issues.warning(
      "encoding",
      `The document is declared or assumed UTF-8 but has ${fallbackBytes} bytes that are not UTF-8; they were read as Windows-1252 (Latin-1)`,
    );
    return text;
  }
}
