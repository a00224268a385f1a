/**
 * Draws the extension's icon at any size: a white figure of a child (a
 * head over a rounded body) on an alert-red rounded square. Each pixel is
 * sampled 4 × 4 times, so the edges stay smooth at 16 px.
 */
import { encodePng } from "./png.js";

export const ICON_SIZES = [16, 32, 48, 128] as const;

const RED: [number, number, number] = [0xb3, 0x26, 0x1e];
const WHITE: [number, number, number] = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Returns the icon as PNG bytes, `size` pixels square. */
export function renderIconPng(size: number): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let square = 0;
      let figure = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          // Sample position in the unit square.
          const u = (x + (sx + 0.5) / SAMPLES) / size;
          const v = (y + (sy + 0.5) / SAMPLES) / size;
          if (inRoundedSquare(u, v)) {
            square += 1;
            if (inFigure(u, v)) figure += 1;
          }
        }
      }
      const total = SAMPLES * SAMPLES;
      const figureShare = square === 0 ? 0 : figure / square;
      const offset = (y * size + x) * 4;
      for (let channel = 0; channel < 3; channel++) {
        rgba[offset + channel] = Math.round(
          RED[channel]! * (1 - figureShare) + WHITE[channel]! * figureShare,
        );
      }
      rgba[offset + 3] = Math.round((square / total) * 255);
    }
  }
  return encodePng(size, size, rgba);
}

/** The square with corners rounded by a sixth of its side. */
function inRoundedSquare(u: number, v: number): boolean {
  const radius = 1 / 6;
  const dx = Math.max(radius - u, u - (1 - radius), 0);
  const dy = Math.max(radius - v, v - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/** A head (circle) above a body (the top of an ellipse), centred. */
function inFigure(u: number, v: number): boolean {
  const head = (u - 0.5) ** 2 + (v - 0.33) ** 2 <= 0.13 ** 2;
  const body =
    v <= 0.84 && ((u - 0.5) / 0.25) ** 2 + ((v - 0.84) / 0.34) ** 2 <= 1;
  return head || body;
}
