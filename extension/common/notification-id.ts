/**
 * Notification ids: one per case, from a hash of the case key, so an
 * Update replaces the notification of the alert it updates and the id
 * names no child.
 */
import { sha256Hex } from "./hash.js";

const PREFIX = "alert-";

/** The hash that stands for a case in notifications, records and popup links. */
export async function caseId(caseKey: string): Promise<string> {
  return (await sha256Hex(caseKey)).slice(0, 32);
}

export function notificationIdFor(id: string): string {
  return PREFIX + id;
}

/** The case id of a notification id, or null for a notification that is not an alert's. */
export function caseIdOfNotification(notificationId: string): string | null {
  return notificationId.startsWith(PREFIX)
    ? notificationId.slice(PREFIX.length)
    : null;
}
