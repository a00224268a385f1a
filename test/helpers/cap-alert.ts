/**
 * Builds invented CAP messages for tests: a complete, valid child-alert
 * message with one English info block, with any field overridden.
 */
import type {
  CapAlert,
  CapInfo,
  CapReference,
} from "../../shared/model/cap.js";

export const TEST_SENDER = "alerts@state-police.example";

/** Returns an invented info block, with the given fields overridden. */
export function makeInfo(overrides: Partial<CapInfo> = {}): CapInfo {
  return {
    language: "en-US",
    category: ["Rescue"],
    event: "Child Abduction Emergency",
    responseType: ["Monitor"],
    urgency: "Immediate",
    severity: "Severe",
    certainty: "Likely",
    eventCode: [{ valueName: "SAME", value: "CAE" }],
    expires: "2024-05-02T14:30:00-05:00",
    headline: "TEST AMBER Alert - invented data",
    parameter: [],
    resource: [],
    area: [
      {
        areaDesc: "Example County",
        polygon: [],
        circle: [],
        geocode: [{ valueName: "SAME", value: "099001" }],
      },
    ],
    ...overrides,
  };
}

/**
 * Returns an invented CAP Alert message sent at 2024-05-01T14:30:00-05:00,
 * with the given fields overridden. `info` defaults to one `makeInfo()`.
 */
export function makeAlert(overrides: Partial<CapAlert> = {}): CapAlert {
  return {
    identifier: "TEST-1",
    sender: TEST_SENDER,
    sent: "2024-05-01T14:30:00-05:00",
    status: "Actual",
    msgType: "Alert",
    scope: "Public",
    code: [],
    references: [],
    incidents: [],
    info: [makeInfo()],
    ...overrides,
  };
}

/** Returns a reference to `alert`, with its `sent` optionally rewritten. */
export function referenceTo(alert: CapAlert, sent = alert.sent): CapReference {
  return { sender: alert.sender, identifier: alert.identifier, sent };
}
