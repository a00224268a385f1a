import type { LifecycleChanges, LifecycleState } from "./lifecycle-state.js";
import { TOMBSTONE_RETENTION_MS, Transition } from "./transition.js";

/**
 * Ends every alert whose end time is not after `now` (reason "expired") and
 * deletes tombstones older than the retention period (default 30 days).
 * `applyMessages` does the same after each batch; a client calls this
 * between polls, when an alert's end time passes.
 */
export function expire(
  state: LifecycleState,
  now: number,
  options: { tombstoneRetentionMs?: number } = {},
): { state: LifecycleState; changes: LifecycleChanges } {
  const transition = new Transition(state, now);
  transition.expireEnded();
  const pruned = transition.pruneTombstones(
    options.tombstoneRetentionMs ?? TOMBSTONE_RETENTION_MS,
  );
  return transition.finish(pruned);
}
