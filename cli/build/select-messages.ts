/**
 * Which messages a feed set carries, and in which shards.
 *
 * - A message (sender, identifier, sent) that appears in several files is
 *   kept once. Of one sender and identifier with different `sent`, the
 *   latest is kept, as clients do.
 * - Draft messages, Acks and Errors are never published.
 * - A message that a later Update or Cancel of the same status references
 *   is superseded and left out: the newer message carries the case.
 * - An Alert or Update is left out once it has ended (`alertEnd`) at `now`.
 * - A Cancel is kept until the end of the case it cancels: the latest end
 *   of the messages it references, directly or through their references,
 *   or its own end when none of them is in the input. Clients that still
 *   show the alert learn from it that the case has ended.
 * - A message goes into the shards of its own areas and of every message it
 *   references, so readers who saw an alert in one shard see its Update or
 *   Cancel even when the area moved. An Update or Cancel with no shard at
 *   all (no area, and nothing it references is in the input) goes into
 *   every shard, because any reader may hold the message it replaces.
 */
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { alertEnd } from "../../shared/lifecycle/end-time.js";
import { referenceMatches } from "../../shared/lifecycle/reference-match.js";
import type { CapAlert } from "../../shared/model/cap.js";
import type { ShardPlan } from "../../shared/shards/shard-plan.js";
import { capTimeToEpochMs } from "../../shared/time/cap-time.js";
import { compareBytes } from "../list-files.js";
import type { SourceMessage } from "./read-sources.js";

/** A message of the feed set and the shards it goes into. */
export interface SelectedMessage {
  alert: CapAlert;
  /** Sorted shard ids; null for a message that goes into every shard. */
  shardIds: string[] | null;
}

/** How many messages were left out, and why. */
export interface LeftOut {
  duplicate: number;
  unpublished: number;
  superseded: number;
  ended: number;
}

export interface Selection {
  /** Newest `sent` first; ties by sender and identifier. */
  messages: SelectedMessage[];
  leftOut: LeftOut;
}

interface Candidate {
  alert: CapAlert;
  key: string;
  sentMs: number;
  /** Candidates this one references (same status). */
  references: Candidate[];
  supersededBy: Candidate[];
}

export function selectMessages(
  sources: readonly SourceMessage[],
  now: number,
  plan: ShardPlan,
): Selection {
  const leftOut: LeftOut = {
    duplicate: 0,
    unpublished: 0,
    superseded: 0,
    ended: 0,
  };
  const latest = new Map<string, Candidate>();
  for (const { alert } of sources) {
    const sentMs = capTimeToEpochMs(alert.sent);
    if (sentMs === null) continue; // parseFeed keeps only readable sent times
    if (
      alert.status === "Draft" ||
      alert.msgType === "Ack" ||
      alert.msgType === "Error"
    ) {
      leftOut.unpublished += 1;
      continue;
    }
    const key = alertKey(alert.sender, alert.identifier);
    const known = latest.get(key);
    if (known !== undefined) {
      if (known.sentMs === sentMs) leftOut.duplicate += 1;
      else leftOut.superseded += 1;
      if (known.sentMs >= sentMs) continue;
    }
    latest.set(key, { alert, key, sentMs, references: [], supersededBy: [] });
  }

  const candidates = [...latest.values()].sort(compareCandidates);
  for (const newer of candidates) {
    if (newer.alert.msgType === "Alert") continue;
    for (const reference of newer.alert.references) {
      for (const older of candidates) {
        if (
          older !== newer &&
          older.alert.status === newer.alert.status &&
          older.sentMs <= newer.sentMs &&
          referenceMatches(reference, older) &&
          !newer.references.includes(older)
        ) {
          newer.references.push(older);
          older.supersededBy.push(newer);
        }
      }
    }
  }

  const messages: SelectedMessage[] = [];
  for (const candidate of candidates) {
    if (candidate.supersededBy.length > 0) {
      leftOut.superseded += 1;
      continue;
    }
    if (endOf(candidate) <= now) {
      leftOut.ended += 1;
      continue;
    }
    const shardIds = shardsOf(candidate, plan, new Set());
    const replaces = candidate.alert.msgType !== "Alert";
    messages.push({
      alert: candidate.alert,
      shardIds: shardIds.size === 0 && replaces ? null : [...shardIds].sort(),
    });
  }
  return { messages, leftOut };
}

/** The end of an Alert or Update, or of the case a Cancel ends. */
function endOf(candidate: Candidate): number {
  const ownEnd = alertEnd(candidate.alert)?.endMs ?? -Infinity;
  if (candidate.alert.msgType !== "Cancel") return ownEnd;
  const ends = [...chain(candidate, new Set())].map(
    (member) => alertEnd(member.alert)?.endMs ?? -Infinity,
  );
  return ends.length === 0 ? ownEnd : Math.max(...ends);
}

/** Every candidate that `candidate` references, directly or through theirs. */
function* chain(
  candidate: Candidate,
  seen: Set<Candidate>,
): Generator<Candidate> {
  for (const older of candidate.references) {
    if (seen.has(older)) continue;
    seen.add(older);
    yield older;
    yield* chain(older, seen);
  }
}

function shardsOf(
  candidate: Candidate,
  plan: ShardPlan,
  ids: Set<string>,
): Set<string> {
  for (const id of plan.shardIdsOf(candidate.alert)) ids.add(id);
  for (const older of chain(candidate, new Set())) {
    for (const id of plan.shardIdsOf(older.alert)) ids.add(id);
  }
  return ids;
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return b.sentMs - a.sentMs || compareBytes(a.key, b.key);
}
