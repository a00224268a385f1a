/**
 * Splits the parse worker's alerts into batches for the hand-over to the
 * page. The page deserializes each message it receives in one task, so a
 * result of 1,000 alerts sent as one message blocked it for 117-153 ms
 * (headless Chromium 156, 2-core virtual machine, the host-page benchmark
 * of docs/benchmarks.md). Batches of about HANDOVER_BATCH_CHARS make each
 * of those tasks short. scripts/bench-worker-handover.ts measures the
 * batch sizes and the alternatives.
 */
import type { CapAlert } from "../model/cap.js";

/**
 * Target size of one batch, as the characters of its strings plus 8 per
 * number: 512 Ki. The alerts of the benchmark feed (about 13 KB of CAP XML
 * each) then travel 46 to 51 to a message. In scripts/bench-worker-handover.ts
 * (headless Chromium 156, 2-core virtual machine) the page took a median
 * of 2.2 ms per such message (22 ms for the slowest, a garbage collection
 * included), against 45 ms for all 1,000 alerts in one message. The same
 * batches as JSON text in a transferred ArrayBuffer took 5.2 ms per
 * message, because `JSON.parse` of the text costs more than the
 * structured clone's deserialization.
 */
export const HANDOVER_BATCH_CHARS = 512 * 1024;

/**
 * Splits `alerts` into batches, in order, each closed once its estimated
 * size reaches `maxChars`. An alert larger than `maxChars` (one with an
 * embedded photo, say) travels alone. Returns no batch for no alerts.
 */
export function batchAlerts(
  alerts: readonly CapAlert[],
  maxChars = HANDOVER_BATCH_CHARS,
): CapAlert[][] {
  const batches: CapAlert[][] = [];
  let batch: CapAlert[] = [];
  let chars = 0;
  for (const alert of alerts) {
    batch.push(alert);
    chars += estimatedChars(alert);
    if (chars >= maxChars) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Estimates the serialized size of a parsed value: the length of every
 * string (keys included) plus 8 per number or boolean. It tracks what the
 * structured clone copies closely enough to size batches, at a fraction of
 * the cost of serializing.
 */
export function estimatedChars(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (typeof value !== "object" || value === null) return 8;
  let chars = 0;
  if (Array.isArray(value)) {
    for (const item of value) chars += estimatedChars(item);
    return chars;
  }
  for (const [key, item] of Object.entries(value)) {
    chars += key.length + estimatedChars(item);
  }
  return chars;
}
