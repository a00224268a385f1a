/**
 * Replays a real, published CAP file as if it had just been sent: every
 * CAP dateTime in the text is moved by the same amount, keeping its written
 * offset, so `sent` falls at `sentAt`. Nothing else in the file changes.
 */
import {
  capTimeToEpochMs,
  formatCapTime,
  readCapTimeFields,
} from "../../shared/time/cap-time.js";

const CAP_DATE_TIME =
  /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[+-]\d{2}:\d{2}|Z)/g;

export function replayCapText(text: string, sentAt: number): string {
  const sentMatch = /<(?:\w+:)?sent>\s*([^<\s]+)\s*</.exec(text);
  const originalSent =
    sentMatch?.[1] === undefined ? null : capTimeToEpochMs(sentMatch[1]);
  if (originalSent === null) return text;
  const shift = sentAt - originalSent;
  return text.replace(CAP_DATE_TIME, (value) => {
    const instant = capTimeToEpochMs(value);
    const offset = readCapTimeFields(value)?.offsetMinutes ?? 0;
    return instant === null ? value : formatCapTime(instant + shift, offset);
  });
}
