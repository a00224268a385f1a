import { expect } from "chai";
import type { StoredAlert } from "../../shared/lifecycle/lifecycle-state.js";
import { mergeStoredAlert } from "../../shared/store/merge-stored-alert.js";
import { makeAlert } from "../helpers/cap-alert.js";

function record(
  sentMs: number,
  feeds: string[],
  receivedMs = sentMs,
): StoredAlert {
  const alert = makeAlert({ identifier: "MERGE-1" });
  return {
    key: "k",
    sender: alert.sender,
    identifier: alert.identifier,
    sentMs,
    caseKey: "k",
    replaces: [],
    feeds,
    receivedMs,
    endMs: sentMs + 1000,
    endSource: "expires",
    alert,
  };
}

describe("mergeStoredAlert", () => {
  it("writes a new record as it is", () => {
    const incoming = record(10, ["a"]);
    expect(mergeStoredAlert(incoming, undefined, false)).to.equal(incoming);
  });

  it("keeps the feeds of both clients", () => {
    const merged = mergeStoredAlert(
      record(10, ["b"], 7),
      record(10, ["a"], 5),
      false,
    );
    expect(merged?.feeds).to.deep.equal(["a", "b"]);
    expect(merged?.receivedMs).to.equal(5);
  });

  it("keeps a newer stored version", () => {
    expect(
      mergeStoredAlert(record(10, ["a"]), record(20, ["b"]), false),
    ).to.equal(null);
  });

  it("replaces an older stored version", () => {
    const incoming = record(20, ["a"]);
    expect(mergeStoredAlert(incoming, record(10, ["b"]), false)).to.equal(
      incoming,
    );
  });

  it("never writes over a tombstone", () => {
    expect(mergeStoredAlert(record(20, ["a"]), undefined, true)).to.equal(null);
    expect(
      mergeStoredAlert(record(20, ["a"]), record(10, ["a"]), true),
    ).to.equal(null);
  });
});
