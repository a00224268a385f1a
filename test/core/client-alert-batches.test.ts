import { expect } from "chai";
import {
  batchAlerts,
  estimatedChars,
} from "../../shared/client/alert-batches.js";
import { generatedAlert } from "../helpers/generated-feed.js";

describe("alert batches for the worker hand-over", () => {
  const alerts = Array.from({ length: 25 }, (_, index) =>
    generatedAlert(index),
  );
  const oneAlert = estimatedChars(alerts[0]);

  it("estimates strings, keys and numbers", () => {
    expect(estimatedChars("abcd")).to.equal(4);
    expect(estimatedChars(12.5)).to.equal(8);
    expect(estimatedChars({ ab: "xyz", c: [1, 2] })).to.equal(2 + 3 + 1 + 16);
  });

  it("closes a batch at the size limit", () => {
    const batches = batchAlerts(alerts, oneAlert * 4);
    expect(batches.map((batch) => batch.length)).to.deep.equal([
      4, 4, 4, 4, 4, 4, 1,
    ]);
  });

  it("keeps the alerts in order", () => {
    const batches = batchAlerts(alerts, oneAlert * 3);
    expect(batches.flat()).to.deep.equal(alerts);
  });

  it("sends an oversized alert alone", () => {
    const batches = batchAlerts(alerts.slice(0, 3), 10);
    expect(batches.map((batch) => batch.length)).to.deep.equal([1, 1, 1]);
  });

  it("returns no batch for no alerts", () => {
    expect(batchAlerts([])).to.deep.equal([]);
  });
});
