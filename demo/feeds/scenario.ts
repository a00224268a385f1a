/**
 * The scripted case that the demo's control panel plays on the demo feed,
 * so a visitor can watch every surface react: a child goes missing, the
 * alert is updated with a new photo and a wider area, and the child is found.
 */
import type { CapAlert, CapArea } from "../../shared/model/cap.js";
import {
  buildDemoAlert,
  DEMO_SENDER,
  type DemoAlertSpec,
} from "./demo-alerts.js";

/** Steps of the scripted case, in order; step 0 is "nothing has happened yet". */
export const SCENARIO_STEPS = ["idle", "new", "updated", "ended"] as const;
export type ScenarioStep = (typeof SCENARIO_STEPS)[number];

const KIFISIA_SMALL: CapArea = {
  areaDesc: "",
  polygon: [],
  circle: [{ lat: 38.074, lon: 23.811, radius: 3 }],
  geocode: [],
};

const KIFISIA_WIDE: CapArea = {
  areaDesc: "",
  polygon: [],
  circle: [{ lat: 38.074, lon: 23.811, radius: 15 }],
  geocode: [],
};

/** Identifier of message `number` of run `run`: DEMO-SEQ-1-0001 is the first alert of the first run. */
export function runIdentifier(run: number, number: number): string {
  return `DEMO-SEQ-${run}-${String(number).padStart(4, "0")}`;
}

const FIRST: DemoAlertSpec = {
  identifier: runIdentifier(1, 1),
  kind: "missing",
  age: 11,
  sentOffsetMs: 0,
  expiresOffsetMs: 2 * 86_400_000,
  photo: "demo-seq-1.png",
  area: KIFISIA_SMALL,
  greek: {
    headline:
      "ΔΟΚΙΜΑΣΤΙΚΗ ειδοποίηση: εξαφάνιση κοριτσιού 11 ετών στην Κηφισιά",
    description:
      "Επινοημένη ειδοποίηση του σεναρίου επίδειξης. Κορίτσι 11 ετών δεν επέστρεψε από το σχολείο.",
    instruction: "Αν δείτε το παιδί, καλέστε τη γραμμή επικοινωνίας.",
    appearance: "Ύψος περίπου 1,45 μ., κοτσίδα, πράσινο μπουφάν.",
    lastSeenPlace: "Σχολείο στην Κηφισιά",
    areaDesc: "Κηφισιά, 3 χλμ. γύρω από το σχολείο",
  },
  english: {
    headline: "DEMO alert: 11-year-old girl missing in Kifisia",
    description:
      "An invented alert from the demo's scripted case. An 11-year-old girl did not come home from school.",
    instruction: "If you see the child, call the hotline.",
    appearance: "About 1.45 m tall, braided hair, green jacket.",
    lastSeenPlace: "A school in Kifisia",
    areaDesc: "Kifisia, 3 km around the school",
  },
};

/**
 * Returns the messages the demo feed lists at a step of run `run`, with times
 * counted from the time each step was taken. Each run (the control panel's
 * Reset starts a new one) has its own identifiers, because a client never
 * shows an ended identifier again.
 */
export function scenarioMessages(
  step: ScenarioStep,
  stepTimes: Partial<Record<ScenarioStep, number>>,
  origin: string,
  run = 1,
): CapAlert[] {
  const newAt = stepTimes.new;
  if (step === "idle" || newAt === undefined) return [];
  const first = buildDemoAlert(
    { ...FIRST, identifier: runIdentifier(run, 1) },
    newAt,
    origin,
  );
  if (step === "new") return [first];

  const updatedAt = stepTimes.updated ?? newAt;
  const update = buildDemoAlert(
    {
      ...FIRST,
      identifier: runIdentifier(run, 2),
      msgType: "Update",
      references: [
        { sender: DEMO_SENDER, identifier: first.identifier, sent: first.sent },
      ],
      photo: "demo-seq-2.png",
      area: KIFISIA_WIDE,
      greek: {
        ...FIRST.greek,
        description: `${FIRST.greek.description} Νέα φωτογραφία· η περιοχή αναζήτησης διευρύνθηκε στα 15 χλμ.`,
        areaDesc: "Κηφισιά και βόρεια προάστια, 15 χλμ.",
      },
      english: {
        ...FIRST.english,
        description: `${FIRST.english.description} New photo; the search area now reaches 15 km.`,
        areaDesc: "Kifisia and the northern suburbs, 15 km",
      },
    },
    updatedAt,
    origin,
  );
  if (step === "updated") return [update];

  const endedAt = stepTimes.ended ?? updatedAt;
  const cancel = buildDemoAlert(
    {
      ...FIRST,
      identifier: runIdentifier(run, 3),
      msgType: "Cancel",
      references: [
        { sender: DEMO_SENDER, identifier: first.identifier, sent: first.sent },
        {
          sender: DEMO_SENDER,
          identifier: update.identifier,
          sent: update.sent,
        },
      ],
      area: KIFISIA_WIDE,
      greek: {
        ...FIRST.greek,
        headline: "Το παιδί βρέθηκε (επινοημένη ειδοποίηση)",
        description: "Το παιδί βρέθηκε ασφαλές.",
      },
      english: {
        ...FIRST.english,
        headline: "The child was found (invented alert)",
        description: "The child was found safe.",
      },
    },
    endedAt,
    origin,
  );
  // A Cancel carries no photo: the child's picture must not outlive the case.
  for (const info of cancel.info) info.resource = [];
  return [cancel];
}
