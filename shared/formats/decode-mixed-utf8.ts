/**
 * Windows-1252 characters for bytes 0x80-0x9F; the other bytes of the
 * encoding are the Latin-1 code points of the same value. Undefined slots
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as
 * the WHATWG Encoding Standard does.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030,
  0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e,
  0x178,
];

/**
 * Decodes bytes that were declared UTF-8 but are not valid UTF-8: every
 * valid UTF-8 sequence is read as UTF-8, and every byte that is not part of
 * one is read as Windows-1252. Publishers that mix Latin-1 text into a UTF-8
 * document ("météo" written as E9) then read as intended instead of as
 * replacement characters. Returns the text and the number of bytes read as
 * Windows-1252.
 */
export function decodeMixedUtf8(bytes: Uint8Array): {
  text: string;
  fallbackBytes: number;
} {
  const codePoints: number[] = [];
  let text = "";
  let fallbackBytes = 0;
  let i = 0;
  while (i < bytes.length) {
    const length = validSequenceLength(bytes, i);
    if (length > 0) {
      codePoints.push(readSequence(bytes, i, length));
      i += length;
    } else {
      const byte = bytes[i]!;
      codePoints.push(
        byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte,
      );
      fallbackBytes += 1;
      i += 1;
    }
    if (codePoints.length >= 8192) {
      text += String.fromCodePoint(...codePoints);
      codePoints.length = 0;
    }
  }
  text += String.fromCodePoint(...codePoints);
  return { text, fallbackBytes };
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 if none starts there. */
function validSequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i]!;
  if (first < 0x80) return 1;
  let length: number;
  let lower = 0x80;
  let upper = 0xbf;
  if (first >= 0xc2 && first <= 0xdf) length = 2;
  else if (first >= 0xe0 && first <= 0xef) {
    length = 3;
    if (first === 0xe0) lower = 0xa0; // overlong
    if (first === 0xed) upper = 0x9f; // surrogates
  } else if (first >= 0xf0 && first <= 0xf4) {
    length = 4;
    if (first === 0xf0) lower = 0x90; // overlong
    if (first === 0xf4) upper = 0x8f; // above U+10FFFF
  } else return 0;
  if (i + length > bytes.length) return 0;
  const second = bytes[i + 1]!;
  if (second < lower || second > upper) return 0;
  for (let k = 2; k < length; k++) {
    const next = bytes[i + k]!;
    if (next < 0x80 || next > 0xbf) return 0;
  }
  return length;
}

function readSequence(bytes: Uint8Array, i: number, length: number): number {
  const first = bytes[i]!;
  if (length === 1) return first;
  let codePoint = first & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    codePoint = (codePoint << 6) | (bytes[i + k]! & 0x3f);
  }
  return codePoint;
}

/**
 * Replaces the C1 controls in text decoded as windows-1252 with the
 * characters windows-1252 assigns to those bytes. Browsers decode them
 * right, but Node 20's TextDecoder (seen in v20.20.2) decodes windows-1252,
 * and so "iso-8859-1" and "latin1", as ISO-8859-1: byte 0x93 becomes U+0093
 * instead of a curly quote. On a correct decoder this changes nothing.
 */
export function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (control) =>
    String.fromCharCode(WINDOWS_1252_HIGH[control.charCodeAt(0) - 0x80]!),
  );
}
