import { expect } from "chai";
import { alertKey, parseAlertKey } from "../../shared/lifecycle/alert-key.js";
import { referenceMatches } from "../../shared/lifecycle/reference-match.js";

describe("alertKey", () => {
  it("joins sender and identifier", () => {
    expect(alertKey("a@example.org", "X-1")).to.equal("a@example.org,X-1");
  });

  it("keeps two senders apart", () => {
    expect(alertKey("a.example", "1")).not.to.equal(alertKey("b.example", "1"));
  });

  it("splits a key back", () => {
    expect(parseAlertKey("a@example.org,X-1")).to.deep.equal({
      sender: "a@example.org",
      identifier: "X-1",
    });
  });

  it("rejects a key without a comma", () => {
    expect(() => parseAlertKey("nokey")).to.throw(/no comma/);
  });
});

describe("referenceMatches", () => {
  const held = {
    key: alertKey("police.example", "ID-1"),
    sentMs: Date.parse("2024-05-01T19:30:00Z"),
  };

  it("matches the same instant in another offset", () => {
    const reference = {
      sender: "police.example",
      identifier: "ID-1",
      sent: "2024-05-01T14:30:00-05:00",
    };
    expect(referenceMatches(reference, held)).to.equal(true);
  });

  it("matches a Z time", () => {
    const reference = {
      sender: "police.example",
      identifier: "ID-1",
      sent: "2024-05-01T19:30:00Z",
    };
    expect(referenceMatches(reference, held)).to.equal(true);
  });

  it("rejects another instant", () => {
    const reference = {
      sender: "police.example",
      identifier: "ID-1",
      sent: "2024-05-01T19:31:00Z",
    };
    expect(referenceMatches(reference, held)).to.equal(false);
  });

  it("rejects another sender", () => {
    const reference = {
      sender: "other.example",
      identifier: "ID-1",
      sent: "2024-05-01T19:30:00Z",
    };
    expect(referenceMatches(reference, held)).to.equal(false);
  });

  it("matches on the key when sent is unreadable", () => {
    for (const sent of ["", "yesterday", "2024-05-01T19:30:00"]) {
      const reference = { sender: "police.example", identifier: "ID-1", sent };
      expect(referenceMatches(reference, held), sent).to.equal(true);
    }
  });
});
