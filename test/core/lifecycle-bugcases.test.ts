/**
 * The bug-case fixtures, read by the real parser and applied by the
 * lifecycle, checked against the expected result each fixture's comment states.
 */
import { expect } from "chai";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import { alertKey } from "../../shared/lifecycle/alert-key.js";
import { applyMessages } from "../../shared/lifecycle/apply-messages.js";
import { expire } from "../../shared/lifecycle/expire.js";
import {
  emptyLifecycleState,
  type LifecycleState,
} from "../../shared/lifecycle/lifecycle-state.js";
import type { CapAlert } from "../../shared/model/cap.js";
import { loadFixture } from "../helpers/fixtures.js";

const SENDER = "alerts@state-police.example";
const FEED = "https://feeds.example/bugcases";

async function messagesOf(path: string): Promise<CapAlert[]> {
  const result = parseFeed(await loadFixture(`bugcases/${path}`));
  expect(result.fatal, `${path} fatal`).to.equal(false);
  return result.alerts;
}

function apply(state: LifecycleState, messages: CapAlert[], now: string) {
  return applyMessages(state, messages, {
    now: Date.parse(now),
    feedUrl: FEED,
  });
}

describe("lifecycle on bug-case fixtures", () => {
  it("B08: a Cancel in Z leaves nothing", async () => {
    const messages = await messagesOf("B08-cancel-references.xml");
    expect(messages).to.have.length(2);
    const [alert, cancel] = messages as [CapAlert, CapAlert];
    const now = "2024-05-01T23:10:00Z";

    const together = apply(emptyLifecycleState(), messages, now);
    expect(together.state.alerts.size).to.equal(0);

    const seen = apply(emptyLifecycleState(), [alert], now);
    expect(seen.state.alerts.size).to.equal(1);
    const cancelled = apply(seen.state, [cancel], now);
    expect(cancelled.state.alerts.size).to.equal(0);
    expect(cancelled.changes.removed).to.deep.equal([
      { key: alertKey(SENDER, "TEST-B08-0001"), reason: "cancelled" },
    ]);
  });

  it("B09: an Update is one change", async () => {
    const [first, update] = (await messagesOf(
      "B09-update-new-identifier.xml",
    )) as [CapAlert, CapAlert];
    const pollN = apply(emptyLifecycleState(), [first], "2024-05-01T20:00:00Z");
    const pollN1 = apply(pollN.state, [update], "2024-05-01T21:05:00Z");
    expect([...pollN1.state.alerts.keys()]).to.deep.equal([
      alertKey(SENDER, "TEST-B09-0002"),
    ]);
    expect(pollN1.changes.added).to.deep.equal([]);
    expect(pollN1.changes.removed).to.deep.equal([]);
    expect(pollN1.changes.updated.map((u) => u.previousKey)).to.deep.equal([
      alertKey(SENDER, "TEST-B09-0001"),
    ]);
    const current = pollN1.state.alerts.get(alertKey(SENDER, "TEST-B09-0002"))!;
    expect(current.caseKey).to.equal(alertKey(SENDER, "TEST-B09-0001"));
    expect(
      pollN1.state.tombstones.get(alertKey(SENDER, "TEST-B09-0001"))?.reason,
    ).to.equal("superseded");
  });

  it("B11: one alert from a duplicated entry", async () => {
    const text = new TextDecoder().decode(
      await loadFixture("bugcases/B11-duplicate-entries.atom"),
    );
    // The parser may already drop the duplicate; the lifecycle must give
    // one alert either way, so both copies are applied here.
    const copies = [text, text].flatMap(
      (document) => parseFeed(document).alerts,
    );
    expect(copies.length).to.be.at.least(2);
    const { state, changes } = apply(
      emptyLifecycleState(),
      copies,
      "2024-05-01T20:00:00Z",
    );
    expect(state.alerts.size).to.equal(1);
    expect(changes.added).to.have.length(1);
  });

  it("B12: two senders stay two alerts", async () => {
    const messages = await messagesOf("B12-same-incident-two-senders.xml");
    const { state } = apply(
      emptyLifecycleState(),
      messages,
      "2024-05-01T20:30:00Z",
    );
    expect(state.alerts.size).to.equal(2);
    for (const stored of state.alerts.values()) {
      expect(stored.alert.incidents).to.deep.equal(["CASE-EXAMPLE-2024-0501"]);
    }
  });

  it("B14: in force between expires and ends", async () => {
    const messages = await messagesOf("B14-expires-before-ends.json");
    const evening = apply(
      emptyLifecycleState(),
      messages,
      "2024-05-02T01:00:00Z",
    );
    expect(evening.state.alerts.size).to.equal(1);
    const stored = [...evening.state.alerts.values()][0]!;
    expect(stored.endSource).to.equal("ends");
    expect(stored.endMs).to.equal(Date.parse("2024-05-02T04:00:00Z"));
    const after = expire(evening.state, Date.parse("2024-05-02T04:00:00Z"));
    expect(after.state.alerts.size).to.equal(0);
  });

  it("B15: no end time gets the default", async () => {
    const messages = await messagesOf("B15-no-expires.xml");
    const { state } = apply(
      emptyLifecycleState(),
      messages,
      "2024-05-01T20:00:00Z",
    );
    expect(state.alerts.size).to.equal(1);
    const stored = [...state.alerts.values()][0]!;
    expect(stored.endSource).to.equal("default");
    expect(stored.endMs).to.equal(Date.parse("2024-05-02T19:30:00Z"));
  });
});
