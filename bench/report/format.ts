/** Number and table formatting for docs/benchmarks.md. */
import type { Summary } from "../stats.js";

/** Milliseconds with about three significant digits. */
export function ms(value: number): string {
  if (value < 1) return value.toFixed(3);
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString("en-US");
}

/** Formats a ratio such as "4.9×" (two significant digits below 10). */
export function ratio(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value > 0 && value < 0.1) return `${value.toPrecision(2)}×`;
  if (value < 10) return `${value.toFixed(value < 1 ? 2 : 1)}×`;
  return `${Math.round(value).toLocaleString("en-US")}×`;
}

export function bytes(value: number): string {
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${value} B`;
}

export function integer(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** "12.3 (11.9–13.0)": the median and the interquartile range. */
export function medianAndQuartiles(summary: Summary, format = ms): string {
  return `${format(summary.median)} (${format(summary.q1)}–${format(summary.q3)})`;
}

/** Formats a Markdown table, escaping the pipes in cells. */
export function table(
  header: string[],
  rows: string[][],
  align: ("l" | "r")[] = header.map((_, index) => (index === 0 ? "l" : "r")),
): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const lines = [
    `| ${header.map(escape).join(" | ")} |`,
    `| ${align.map((side) => (side === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
  ];
  return lines.join("\n");
}

/** Parses a size as scripts/simulate-clients.ts prints it ("398 B", "147.4 kB") into bytes. */
export function parsePrintedBytes(text: string): number {
  const match = /^([\d.]+)\s*(B|kB|MB|GB|TB)$/.exec(text.trim());
  if (match === null) return Number.NaN;
  const scale = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[
    match[2] as "B" | "kB" | "MB" | "GB" | "TB"
  ];
  return Number(match[1]) * scale;
}
