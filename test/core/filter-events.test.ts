import { expect } from "chai";
import type {
  CapAlert,
  CapInfo,
  CapStatus,
  CapValuePair,
} from "../../shared/model/cap.js";
import {
  alertMatchesEvents,
  childAlertKind,
  statusShown,
  type EventFilter,
} from "../../shared/filter/events.js";

function info(event: string, eventCode: CapValuePair[] = []): CapInfo {
  return {
    language: "en-US",
    category: ["Rescue"],
    event,
    responseType: [],
    urgency: "Immediate",
    severity: "Severe",
    certainty: "Likely",
    eventCode,
    parameter: [],
    resource: [],
    area: [],
  };
}

function code(valueName: string, value: string): CapValuePair {
  return { valueName, value };
}

function alert(infos: CapInfo[]): CapAlert {
  return {
    identifier: "TEST-EVENTS-0001",
    sender: "alerts@example.org",
    sent: "2024-05-01T10:00:00-04:00",
    status: "Actual",
    msgType: "Alert",
    scope: "Public",
    code: [],
    references: [],
    incidents: [],
    info: infos,
  };
}

describe("childAlertKind event codes", () => {
  it("reads SAME CAE as abduction", () => {
    expect(childAlertKind(info("Alert", [code("SAME", "CAE")]))).to.equal(
      "abduction",
    );
    expect(childAlertKind(info("Alert", [code(" same ", " cae ")]))).to.equal(
      "abduction",
    );
  });

  it("ignores other SAME codes", () => {
    expect(
      childAlertKind(info("Tornado Warning", [code("SAME", "TOR")])),
    ).to.equal(null);
    expect(childAlertKind(info("Alert", [code("SAME", "CAEX")]))).to.equal(
      null,
    );
  });

  it("reads CAP-CP amber as abduction", () => {
    for (const valueName of [
      "profile:CAP-CP:Event:0.4",
      "profile:CAP-CP:Event:1.0",
      "PROFILE:cap-cp:event:0.3",
    ]) {
      expect(
        childAlertKind(info("Alerte", [code(valueName, "amber")])),
        valueName,
      ).to.equal("abduction");
    }
  });

  it("ignores other CAP-CP event codes", () => {
    expect(
      childAlertKind(info("Fire", [code("profile:CAP-CP:Event:0.4", "fire")])),
    ).to.equal(null);
  });

  it("ignores amber outside CAP-CP events", () => {
    expect(
      childAlertKind(
        info("Alert", [code("profile:CAP-CP:Location:0.3", "amber")]),
      ),
    ).to.equal(null);
    expect(childAlertKind(info("Alert", [code("colour", "amber")]))).to.equal(
      null,
    );
  });

  it("reads the project profile", () => {
    expect(
      childAlertKind(info("Alert", [code("child-alert", "abduction")])),
    ).to.equal("abduction");
    expect(
      childAlertKind(info("Alert", [code("child-alert", "missing")])),
    ).to.equal("missing");
    expect(
      childAlertKind(info("Alert", [code("Child-Alert", " MISSING ")])),
    ).to.equal("missing");
  });

  it("ignores other project profile values", () => {
    expect(
      childAlertKind(info("Child found", [code("child-alert", "found")])),
    ).to.equal(null);
  });

  it("puts the project profile first", () => {
    expect(
      childAlertKind(
        info("Alert", [code("SAME", "CAE"), code("child-alert", "missing")]),
      ),
    ).to.equal("missing");
  });

  it("puts codes before the event name", () => {
    expect(
      childAlertKind(info("Missing Child", [code("SAME", "CAE")])),
    ).to.equal("abduction");
    expect(
      childAlertKind(info("AMBER Alert", [code("child-alert", "missing")])),
    ).to.equal("missing");
  });
});

describe("childAlertKind event names", () => {
  const abductions = [
    "Child Abduction Emergency",
    "child abduction emergency",
    "  Child   Abduction\tEmergency ",
    "Child Abduction",
    "AMBER Alert",
    "amber alert",
    "amber",
    "AMBER",
  ];
  for (const event of abductions) {
    it(`reads ${JSON.stringify(event)} as abduction`, () => {
      expect(childAlertKind(info(event))).to.equal("abduction");
    });
  }

  for (const event of ["Missing Child", "MISSING CHILD", " missing child\n"]) {
    it(`reads ${JSON.stringify(event)} as missing`, () => {
      expect(childAlertKind(info(event))).to.equal("missing");
    });
  }

  const others = [
    "",
    "Missing Person",
    "Amber weather warning",
    "Child Abduction Emergency Test",
    "Severe Thunderstorm Warning",
    "STARKREGEN",
  ];
  for (const event of others) {
    it(`ignores ${JSON.stringify(event)}`, () => {
      expect(childAlertKind(info(event))).to.equal(null);
    });
  }

  it("reads the name beside other codes", () => {
    expect(childAlertKind(info("AMBER Alert", [code("SAME", "CDW")]))).to.equal(
      "abduction",
    );
  });
});

describe("alertMatchesEvents", () => {
  const weather = info("Tornado Warning", [code("SAME", "TOR")]);
  const abduction = info("Child Abduction Emergency", [code("SAME", "CAE")]);
  const missing = info("Missing Child");

  const cases: Array<[string, CapInfo[], EventFilter[], boolean]> = [
    ["all passes weather", [weather], ["all"], true],
    ["all passes an alert without infos", [], ["all"], true],
    ["abduction passes abduction", [abduction], ["abduction"], true],
    ["abduction rejects missing", [missing], ["abduction"], false],
    ["missing passes missing", [missing], ["missing"], true],
    ["missing rejects abduction", [abduction], ["missing"], false],
    ["both pass either", [missing], ["abduction", "missing"], true],
    ["a later info passes", [weather, abduction], ["abduction"], true],
    ["weather is rejected", [weather], ["abduction", "missing"], false],
    ["an empty list rejects", [abduction], [], false],
  ];
  for (const [name, infos, events, expected] of cases) {
    it(name, () => {
      expect(alertMatchesEvents(alert(infos), events)).to.equal(expected);
    });
  }
});

describe("statusShown", () => {
  const cases: Array<[CapStatus, boolean, boolean]> = [
    ["Actual", false, true],
    ["Actual", true, true],
    ["Test", false, false],
    ["Test", true, true],
    ["Exercise", false, false],
    ["Exercise", true, true],
    ["System", false, false],
    ["System", true, false],
    ["Draft", false, false],
    ["Draft", true, false],
  ];
  for (const [status, includeTest, expected] of cases) {
    it(`${status} with includeTest ${includeTest}`, () => {
      expect(statusShown(status, includeTest)).to.equal(expected);
    });
  }
});
