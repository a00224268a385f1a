/** A position in a text, counted from 1, as error messages give it. */
export interface TextPosition {
  line: number;
  /** Column in UTF-16 code units. */
  column: number;
}

/** Returns the line and column of `offset` (in UTF-16 code units) in `text`. */
export function textPosition(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
