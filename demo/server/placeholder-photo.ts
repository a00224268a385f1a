/**
 * Draws the placeholder pictures that stand in for a child's photo in the
 * demo and the tests: a plain silhouette on a coloured background, encoded
 * as PNG with Node's zlib. No real photo is ever used.
 */
import { deflateSync } from "node:zlib";

export interface PlaceholderOptions {
  width?: number;
  height?: number;
  /** Background hue in degrees; different alerts get different colours. */
  hue: number;
}

/** Returns a PNG of a head-and-shoulders silhouette. The same options give the same bytes. */
export function renderPlaceholderPng(options: PlaceholderOptions): Uint8Array {
  const width = options.width ?? 240;
  const height = options.height ?? 300;
  const background = hslToRgb(options.hue, 0.45, 0.78);
  const figure = hslToRgb(options.hue, 0.3, 0.35);

  const headX = width / 2;
  const headY = height * 0.38;
  const headRadius = width * 0.19;
  const shoulderY = height * 0.95;
  const shoulderRadiusX = width * 0.4;
  const shoulderRadiusY = height * 0.33;

  // Each row starts with PNG filter type 0 (none).
  const rowLength = width * 3 + 1;
  const pixels = new Uint8Array(rowLength * height);
  for (let y = 0; y < height; y++) {
    pixels[y * rowLength] = 0;
    for (let x = 0; x < width; x++) {
      const inHead = (x - headX) ** 2 + (y - headY) ** 2 <= headRadius ** 2;
      const inShoulders =
        ((x - headX) / shoulderRadiusX) ** 2 +
          ((y - shoulderY) / shoulderRadiusY) ** 2 <=
        1;
      const colour = inHead || inShoulders ? figure : background;
      pixels.set(colour, y * rowLength + 1 + x * 3);
    }
  }
  return encodePng(width, height, pixels);
}

function encodePng(
  width: number,
  height: number,
  filteredRows: Uint8Array,
): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(filteredRows, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new TextEncoder().encode(type);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function hslToRgb(
  hue: number,
  saturation: number,
  lightness: number,
): [number, number, number] {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const segment = (((hue % 360) + 360) % 360) / 60;
  const secondary = chroma * (1 - Math.abs((segment % 2) - 1));
  const [r, g, b] =
    segment < 1
      ? [chroma, secondary, 0]
      : segment < 2
        ? [secondary, chroma, 0]
        : segment < 3
          ? [0, chroma, secondary]
          : segment < 4
            ? [0, secondary, chroma]
            : segment < 5
              ? [secondary, 0, chroma]
              : [chroma, 0, secondary];
  const match = lightness - chroma / 2;
  return [r, g, b].map((value) => Math.round((value + match) * 255)) as [
    number,
    number,
    number,
  ];
}
