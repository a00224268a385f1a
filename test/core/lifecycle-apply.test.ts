import { expect } from "chai";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { DEFAULT_LIFETIME_MS } from "../../shared/lifecycle/end-time.js";
import { expire } from "../../shared/lifecycle/expire.js";
import {
  emptyLifecycleState,
  type LifecycleState,
} from "../../shared/lifecycle/lifecycle-state.js";
import type { CapAlert } from "../../shared/model/cap.js";
import { makeAlert, makeInfo, referenceTo } from "../helpers/cap-alert.js";

const FEED = "https://feeds.example/a.xml";
const OTHER_FEED = "https://mirror.example/b.xml";
const SENDER = "alerts@state-police.example";
/** 2024-05-01T15:00:00-05:00: half an hour after the first message. */
const NOW = Date.parse("2024-05-01T20:00:00Z");
const DAY = 86_400_000;

function apply(
  state: LifecycleState,
  messages: CapAlert[],
  options: { now?: number; feedUrl?: string } = {},
) {
  return applyMessages(state, messages, {
    now: options.now ?? NOW,
    feedUrl: options.feedUrl ?? FEED,
  });
}

function keys(state: LifecycleState): string[] {
  return [...state.alerts.keys()].sort();
}

const first = makeAlert({ identifier: "TEST-1" });
const firstKey = alertKey(SENDER, "TEST-1");

describe("applyMessages", () => {
  it("adds an Alert", () => {
    const { state, changes } = apply(emptyLifecycleState(), [first]);
    expect(keys(state)).to.deep.equal([firstKey]);
    expect(changes.added.map((a) => a.key)).to.deep.equal([firstKey]);
    expect(changes.updated).to.deep.equal([]);
    const stored = state.alerts.get(firstKey)!;
    expect(stored.caseKey).to.equal(firstKey);
    expect(stored.feeds).to.deep.equal([FEED]);
    expect(stored.endSource).to.equal("expires");
  });

  it("cancels across offsets", () => {
    const cancel = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T18:05:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first, "2024-05-01T19:30:00Z")],
    });
    const now = Date.parse("2024-05-01T23:10:00Z");
    const { state, changes } = apply(emptyLifecycleState(), [first, cancel], {
      now,
    });
    expect(keys(state)).to.deep.equal([]);
    expect(changes.added).to.deep.equal([]);
    expect(changes.removed).to.deep.equal([]);
    expect(state.tombstones.get(firstKey)?.reason).to.equal("cancelled");
    expect(state.tombstones.get(alertKey(SENDER, "TEST-2"))?.reason).to.equal(
      "cancelled",
    );

    const held = apply(emptyLifecycleState(), [first]).state;
    const later = apply(held, [cancel, first], { now });
    expect(keys(later.state)).to.deep.equal([]);
    expect(later.changes.removed).to.deep.equal([
      { key: firstKey, reason: "cancelled" },
    ]);
  });

  it("keeps a tombstone free of content", () => {
    const cancel = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T18:05:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first)],
    });
    const held = apply(emptyLifecycleState(), [first]).state;
    const { state, changes } = apply(held, [cancel]);
    const tombstone = state.tombstones.get(firstKey)!;
    expect(Object.keys(tombstone).sort()).to.deep.equal([
      "endedMs",
      "identifier",
      "key",
      "reason",
      "sender",
      "sent",
    ]);
    expect(tombstone.sent).to.equal(first.sent);
    expect(changes.tombstones.map((t) => t.key).sort()).to.deep.equal([
      firstKey,
      alertKey(SENDER, "TEST-2"),
    ]);
  });

  it("replaces an alert with an Update", () => {
    const update = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
      info: [makeInfo({ headline: "TEST update" })],
    });
    const pollN = apply(emptyLifecycleState(), [first]);
    const pollN1 = apply(pollN.state, [update], {
      now: Date.parse("2024-05-01T21:05:00Z"),
    });
    const updateKey = alertKey(SENDER, "TEST-2");
    expect(keys(pollN1.state)).to.deep.equal([updateKey]);
    expect(pollN1.changes.added).to.deep.equal([]);
    expect(pollN1.changes.removed).to.deep.equal([]);
    expect(pollN1.changes.updated).to.have.length(1);
    expect(pollN1.changes.updated[0]!.previousKey).to.equal(firstKey);
    expect(pollN1.changes.updated[0]!.alert.key).to.equal(updateKey);
    const stored = pollN1.state.alerts.get(updateKey)!;
    expect(stored.caseKey).to.equal(firstKey);
    expect(stored.replaces).to.deep.equal([firstKey]);
    expect(pollN1.state.tombstones.get(firstKey)?.reason).to.equal(
      "superseded",
    );
  });

  it("keeps an alert that leaves the feed", () => {
    const pollN = apply(emptyLifecycleState(), [first]);
    const pollN1 = apply(pollN.state, []);
    expect(keys(pollN1.state)).to.deep.equal([firstKey]);
    expect(pollN1.changes.removed).to.deep.equal([]);
  });

  it("shows an Update naming nothing known", () => {
    const update = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const { state, changes } = apply(emptyLifecycleState(), [update]);
    const updateKey = alertKey(SENDER, "TEST-2");
    expect(keys(state)).to.deep.equal([updateKey]);
    expect(changes.added.map((a) => a.key)).to.deep.equal([updateKey]);
    expect(state.alerts.get(updateKey)!.caseKey).to.equal(firstKey);
  });

  it("ignores an old version after its Update", () => {
    const update = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const afterUpdate = apply(emptyLifecycleState(), [update]);
    const late = apply(afterUpdate.state, [first]);
    expect(keys(late.state)).to.deep.equal([alertKey(SENDER, "TEST-2")]);
    expect(late.changes.added).to.deep.equal([]);
    expect(late.changes.updated).to.deep.equal([]);

    const seenBoth = apply(apply(emptyLifecycleState(), [first]).state, [
      update,
    ]);
    const again = apply(seenBoth.state, [first, update]);
    expect(keys(again.state)).to.deep.equal([alertKey(SENDER, "TEST-2")]);
    expect(again.changes.added).to.deep.equal([]);
  });

  it("reports one add for a chain in one batch", () => {
    const update = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const { state, changes } = apply(emptyLifecycleState(), [update, first]);
    expect(keys(state)).to.deep.equal([alertKey(SENDER, "TEST-2")]);
    expect(changes.added.map((a) => a.key)).to.deep.equal([
      alertKey(SENDER, "TEST-2"),
    ]);
    expect(changes.updated).to.deep.equal([]);
    expect(changes.removed).to.deep.equal([]);
  });

  it("merges one message seen twice", () => {
    const { state, changes } = apply(emptyLifecycleState(), [
      first,
      structuredClone(first),
    ]);
    expect(keys(state)).to.deep.equal([firstKey]);
    expect(changes.added).to.have.length(1);
    expect(state.alerts.get(firstKey)!.feeds).to.deep.equal([FEED]);
  });

  it("records both feeds of one message", () => {
    const fromA = apply(emptyLifecycleState(), [first]);
    const fromB = apply(fromA.state, [structuredClone(first)], {
      feedUrl: OTHER_FEED,
    });
    expect(keys(fromB.state)).to.deep.equal([firstKey]);
    expect(fromB.state.alerts.get(firstKey)!.feeds).to.deep.equal([
      FEED,
      OTHER_FEED,
    ]);
    expect(fromB.changes.added).to.deep.equal([]);
    expect(fromB.changes.updated).to.deep.equal([]);
    expect(fromB.changes.touched.map((a) => a.key)).to.deep.equal([firstKey]);
  });

  it("keeps two senders about one incident", () => {
    const a = makeAlert({
      identifier: "TEST-A-1",
      sender: "alerts@state-a-police.example",
      incidents: ["CASE-EXAMPLE-1"],
    });
    const b = makeAlert({
      identifier: "TEST-B-1",
      sender: "alerts@state-b-police.example",
      sent: "2024-05-01T15:10:00-05:00",
      incidents: ["CASE-EXAMPLE-1"],
    });
    const sameId = makeAlert({
      identifier: "TEST-A-1",
      sender: "alerts@state-b-police.example",
    });
    const { state, changes } = apply(emptyLifecycleState(), [a, b, sameId]);
    expect(keys(state)).to.have.length(3);
    expect(changes.added).to.have.length(3);
    const incidents = [...state.alerts.values()].map((s) => s.alert.incidents);
    expect(incidents[0]).to.deep.equal(["CASE-EXAMPLE-1"]);
  });

  it("cancels a whole chain with unseen versions", () => {
    const v2 = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const v3 = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T17:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first), referenceTo(v2)],
    });
    const cancel = makeAlert({
      identifier: "TEST-4",
      sent: "2024-05-01T18:00:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first), referenceTo(v2), referenceTo(v3)],
    });
    const now = Date.parse("2024-05-01T23:30:00Z");

    const seen = apply(apply(emptyLifecycleState(), [first]).state, [v2], {
      now,
    });
    const cancelled = apply(seen.state, [cancel], { now });
    expect(keys(cancelled.state)).to.deep.equal([]);
    expect(cancelled.changes.removed).to.deep.equal([
      { key: alertKey(SENDER, "TEST-2"), reason: "cancelled" },
    ]);
    for (const id of ["TEST-1", "TEST-2", "TEST-3", "TEST-4"]) {
      expect(cancelled.state.tombstones.has(alertKey(SENDER, id)), id).to.equal(
        true,
      );
    }

    const lateV3 = apply(cancelled.state, [v3, first], { now });
    expect(keys(lateV3.state)).to.deep.equal([]);
    expect(lateV3.changes.added).to.deep.equal([]);
  });

  it("cancels the current version through its chain", () => {
    const v2 = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const cancel = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T18:00:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first)],
    });
    const seen = apply(apply(emptyLifecycleState(), [first]).state, [v2]);
    const cancelled = apply(seen.state, [cancel]);
    expect(keys(cancelled.state)).to.deep.equal([]);
    expect(cancelled.changes.removed).to.deep.equal([
      { key: alertKey(SENDER, "TEST-2"), reason: "cancelled" },
    ]);
  });

  it("replaces the current version through its chain", () => {
    const v2 = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const v3 = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T17:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const seen = apply(apply(emptyLifecycleState(), [first]).state, [v2]);
    const { state, changes } = apply(seen.state, [v3]);
    expect(keys(state)).to.deep.equal([alertKey(SENDER, "TEST-3")]);
    expect(changes.updated.map((u) => u.previousKey)).to.deep.equal([
      alertKey(SENDER, "TEST-2"),
    ]);
    expect(state.alerts.get(alertKey(SENDER, "TEST-3"))!.caseKey).to.equal(
      firstKey,
    );
  });

  it("ignores an Update older than the chain", () => {
    const v2 = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const v3 = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T17:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const seen = apply(apply(emptyLifecycleState(), [first]).state, [v3]);
    const { state, changes } = apply(seen.state, [v2]);
    expect(keys(state)).to.deep.equal([alertKey(SENDER, "TEST-3")]);
    expect(changes.updated).to.deep.equal([]);
    expect(state.tombstones.get(alertKey(SENDER, "TEST-2"))?.reason).to.equal(
      "superseded",
    );
  });

  it("lets the later sent win", () => {
    const resent = makeAlert({
      identifier: "TEST-1",
      sent: "2024-05-01T15:30:00-05:00",
      info: [makeInfo({ headline: "TEST re-sent" })],
    });
    const held = apply(emptyLifecycleState(), [first]);
    const later = apply(held.state, [resent]);
    expect(later.state.alerts.get(firstKey)!.alert.info[0]!.headline).to.equal(
      "TEST re-sent",
    );
    expect(later.changes.updated).to.deep.equal([
      { alert: later.state.alerts.get(firstKey)!, previousKey: firstKey },
    ]);

    const older = apply(later.state, [first]);
    expect(older.state.alerts.get(firstKey)!.alert.info[0]!.headline).to.equal(
      "TEST re-sent",
    );
    expect(older.changes.updated).to.deep.equal([]);

    const oneBatch = apply(emptyLifecycleState(), [resent, first]);
    expect(
      oneBatch.state.alerts.get(firstKey)!.alert.info[0]!.headline,
    ).to.equal("TEST re-sent");
  });

  it("compares sent as instants", () => {
    const sameInstant = makeAlert({
      identifier: "TEST-1",
      sent: "2024-05-01T19:30:00Z",
      info: [makeInfo({ headline: "TEST same instant" })],
    });
    const held = apply(emptyLifecycleState(), [first]);
    const again = apply(held.state, [sameInstant]);
    expect(again.state.alerts.get(firstKey)!.alert.info[0]!.headline).to.equal(
      first.info[0]!.headline,
    );
    expect(again.changes.updated).to.deep.equal([]);
  });

  it("applies the default lifetime", () => {
    const noEnd = makeAlert({ info: [makeInfo({ expires: undefined })] });
    const { state } = apply(emptyLifecycleState(), [noEnd]);
    const stored = state.alerts.get(firstKey)!;
    expect(stored.endSource).to.equal("default");
    expect(stored.endMs).to.equal(
      Date.parse("2024-05-01T19:30:00Z") + DEFAULT_LIFETIME_MS,
    );
    expect(stored.endMs).to.be.greaterThan(NOW);
    expect(Number.isFinite(stored.endMs)).to.equal(true);

    const nextDay = expire(state, stored.endMs);
    expect(keys(nextDay.state)).to.deep.equal([]);
    expect(nextDay.changes.removed).to.deep.equal([
      { key: firstKey, reason: "expired" },
    ]);
  });

  it("takes a configured default lifetime", () => {
    const noEnd = makeAlert({ info: [makeInfo({ expires: undefined })] });
    const { state } = applyMessages(emptyLifecycleState(), [noEnd], {
      now: NOW,
      feedUrl: FEED,
      defaultLifetimeMs: 60_000,
    });
    expect(keys(state)).to.deep.equal([]);
  });

  it("keeps an alert between expires and ends", () => {
    const info = makeInfo({
      expires: "2024-05-01T18:30:00-05:00",
      parameter: [
        { valueName: "eventEndingTime", value: "2024-05-01T23:00:00-05:00" },
      ],
    });
    const alert = makeAlert({ info: [info] });
    const evening = Date.parse("2024-05-02T01:00:00Z");
    const { state } = apply(emptyLifecycleState(), [alert], { now: evening });
    expect(keys(state)).to.deep.equal([firstKey]);
    expect(state.alerts.get(firstKey)!.endSource).to.equal("ends");
    const atEnd = expire(state, Date.parse("2024-05-02T04:00:00Z"));
    expect(keys(atEnd.state)).to.deep.equal([]);
  });

  it("expires on apply", () => {
    const held = apply(emptyLifecycleState(), [first]);
    const { state, changes } = apply(held.state, [], {
      now: Date.parse("2024-05-02T19:30:00Z"),
    });
    expect(keys(state)).to.deep.equal([]);
    expect(changes.removed).to.deep.equal([
      { key: firstKey, reason: "expired" },
    ]);
    expect(state.tombstones.get(firstKey)?.reason).to.equal("expired");
  });

  it("never adds an ended message", () => {
    const { state, changes } = apply(emptyLifecycleState(), [first], {
      now: Date.parse("2024-05-03T00:00:00Z"),
    });
    expect(keys(state)).to.deep.equal([]);
    expect(changes.added).to.deep.equal([]);
    expect(state.tombstones.get(firstKey)?.reason).to.equal("expired");
  });

  it("prunes tombstones after retention", () => {
    const cancel = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T18:00:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first)],
    });
    const { state } = apply(emptyLifecycleState(), [first, cancel]);
    expect(state.tombstones.size).to.equal(2);
    const early = expire(state, NOW + 29 * DAY);
    expect(early.state.tombstones.size).to.equal(2);
    const late = expire(state, NOW + 30 * DAY);
    expect(late.state.tombstones.size).to.equal(0);
    expect(late.changes.prunedTombstones.sort()).to.deep.equal([
      firstKey,
      alertKey(SENDER, "TEST-2"),
    ]);
    const short = expire(state, NOW + DAY, { tombstoneRetentionMs: DAY });
    expect(short.state.tombstones.size).to.equal(0);
  });

  it("ignores Ack and Error", () => {
    const ack = makeAlert({
      identifier: "TEST-2",
      msgType: "Ack",
      references: [referenceTo(first)],
    });
    const error = makeAlert({
      identifier: "TEST-3",
      msgType: "Error",
      references: [referenceTo(first)],
    });
    const held = apply(emptyLifecycleState(), [first]);
    const { state, changes } = apply(held.state, [ack, error]);
    expect(keys(state)).to.deep.equal([firstKey]);
    expect(changes.tombstones).to.deep.equal([]);
  });

  it("keeps Actual alerts from Test cancels", () => {
    const testCancel = makeAlert({
      identifier: "TEST-2",
      status: "Test",
      sent: "2024-05-01T18:00:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first)],
    });
    const held = apply(emptyLifecycleState(), [first]);
    const { state } = apply(held.state, [testCancel]);
    expect(keys(state)).to.deep.equal([firstKey]);

    const unseen = apply(emptyLifecycleState(), [testCancel]);
    const arrives = apply(unseen.state, [first]);
    expect(keys(arrives.state)).to.deep.equal([firstKey]);
  });

  it("ignores an Update to a cancelled chain", () => {
    const cancel = makeAlert({
      identifier: "TEST-2",
      sent: "2024-05-01T16:00:00-05:00",
      msgType: "Cancel",
      references: [referenceTo(first)],
    });
    const update = makeAlert({
      identifier: "TEST-3",
      sent: "2024-05-01T17:00:00-05:00",
      msgType: "Update",
      references: [referenceTo(first)],
    });
    const { state } = apply(emptyLifecycleState(), [first, cancel, update]);
    expect(keys(state)).to.deep.equal([]);
  });

  it("ignores a message with unreadable sent", () => {
    const broken = makeAlert({ sent: "not a time" });
    const { state } = apply(emptyLifecycleState(), [broken]);
    expect(keys(state)).to.deep.equal([]);
  });

  it("leaves the input state unchanged", () => {
    const held = apply(emptyLifecycleState(), [first]);
    const before = keys(held.state);
    apply(held.state, [], { now: Date.parse("2024-05-03T00:00:00Z") });
    expect(keys(held.state)).to.deep.equal(before);
  });
});
