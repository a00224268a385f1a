import type { QuietHours } from "./settings.js";

/**
 * Tells whether a local time falls within quiet hours. A span whose end is
 * before its start runs over midnight ("22:00" to "07:00"); equal start and
 * end mean no quiet time.
 */
export function inQuietHours(quiet: QuietHours | null, date: Date): boolean {
  if (quiet === null) return false;
  const minute = date.getHours() * 60 + date.getMinutes();
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return false;
  return start < end
    ? minute >= start && minute < end
    : minute >= start || minute < end;
}

function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
