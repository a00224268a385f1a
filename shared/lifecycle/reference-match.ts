import type { CapReference } from "../model/cap.js";
import { capTimeToEpochMs } from "../time/cap-time.js";
import { alertKey } from "./alert-key.js";

/**
 * Tells whether a CAP reference names a message the client stores.
 *
 * The sender and identifier must be equal, and `sent` must be the same
 * instant however it is written: "2024-05-01T19:30:00Z" matches
 * "2024-05-01T14:30:00-05:00". When the reference's `sent` cannot be read
 * (missing, malformed, no offset), sender and identifier alone decide.
 */
export function referenceMatches(
  reference: CapReference,
  message: { key: string; sentMs: number },
): boolean {
  if (alertKey(reference.sender, reference.identifier) !== message.key) {
    return false;
  }
  const referenceSentMs = capTimeToEpochMs(reference.sent);
  return referenceSentMs === null || referenceSentMs === message.sentMs;
}
