import { expect } from "chai";
import {
  alertEnd,
  DEFAULT_LIFETIME_MS,
} from "../../shared/lifecycle/end-time.js";
import { makeAlert, makeInfo } from "../helpers/cap-alert.js";

const HOUR = 3_600_000;

describe("alertEnd", () => {
  it("uses expires", () => {
    const end = alertEnd(makeAlert());
    expect(end?.source).to.equal("expires");
    expect(end?.endMs).to.equal(Date.parse("2024-05-02T19:30:00Z"));
    expect(end?.text).to.equal("2024-05-02T14:30:00-05:00");
  });

  it("prefers eventEndingTime after expires", () => {
    const info = makeInfo({
      expires: "2024-05-01T18:30:00-05:00",
      parameter: [
        { valueName: "eventEndingTime", value: "2024-05-01T23:00:00-05:00" },
      ],
    });
    const end = alertEnd(makeAlert({ info: [info] }));
    expect(end?.source).to.equal("ends");
    expect(end?.endMs).to.equal(Date.parse("2024-05-02T04:00:00Z"));
    expect(end?.text).to.equal("2024-05-01T23:00:00-05:00");
  });

  it("prefers eventEndingTime before expires", () => {
    const info = makeInfo({
      expires: "2024-05-02T14:30:00-05:00",
      parameter: [
        { valueName: "eventEndingTime", value: "2024-05-01T23:00:00-05:00" },
      ],
    });
    expect(alertEnd(makeAlert({ info: [info] }))?.source).to.equal("ends");
  });

  it("skips an unreadable eventEndingTime", () => {
    const info = makeInfo({
      parameter: [{ valueName: "eventEndingTime", value: "soon" }],
    });
    expect(alertEnd(makeAlert({ info: [info] }))?.source).to.equal("expires");
  });

  it("applies the default lifetime from effective", () => {
    const info = makeInfo({
      expires: undefined,
      effective: "2024-05-01T15:00:00-05:00",
    });
    const end = alertEnd(makeAlert({ info: [info] }));
    expect(end?.source).to.equal("default");
    expect(end?.text).to.equal(undefined);
    expect(end?.endMs).to.equal(
      Date.parse("2024-05-01T20:00:00Z") + DEFAULT_LIFETIME_MS,
    );
  });

  it("applies the default lifetime from sent", () => {
    const info = makeInfo({ expires: undefined });
    const end = alertEnd(makeAlert({ info: [info] }));
    expect(end?.source).to.equal("default");
    expect(end?.endMs).to.equal(Date.parse("2024-05-01T19:30:00Z") + 24 * HOUR);
  });

  it("takes a configured default lifetime", () => {
    const info = makeInfo({ expires: undefined });
    const end = alertEnd(makeAlert({ info: [info] }), {
      defaultLifetimeMs: 6 * HOUR,
    });
    expect(end?.endMs).to.equal(Date.parse("2024-05-01T19:30:00Z") + 6 * HOUR);
  });

  it("takes the latest end of several infos", () => {
    const alert = makeAlert({
      info: [
        makeInfo({ language: "en-US", expires: "2024-05-01T20:00:00-05:00" }),
        makeInfo({ language: "es-US", expires: "2024-05-01T22:00:00-05:00" }),
      ],
    });
    const end = alertEnd(alert);
    expect(end?.endMs).to.equal(Date.parse("2024-05-02T03:00:00Z"));
    expect(end?.source).to.equal("expires");
  });

  it("lets a later default beat an earlier expires", () => {
    const alert = makeAlert({
      info: [
        makeInfo({ expires: "2024-05-01T15:00:00-05:00" }),
        makeInfo({ language: "es-US", expires: undefined }),
      ],
    });
    expect(alertEnd(alert)?.source).to.equal("default");
  });

  it("applies the default with no info", () => {
    const end = alertEnd(makeAlert({ info: [] }));
    expect(end?.source).to.equal("default");
    expect(end?.endMs).to.equal(Date.parse("2024-05-02T19:30:00Z"));
  });

  it("returns null when sent is unreadable", () => {
    expect(alertEnd(makeAlert({ info: [], sent: "never" }))).to.equal(null);
  });
});
