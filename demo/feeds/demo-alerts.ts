/**
 * The demo feed's alerts: invented missing-child alerts in Greek and English
 * around Athens and Thessaloniki. No name, photo or case here is real; the
 * pictures are generated silhouettes and the contact numbers reach no one.
 *
 * Times are relative to the moment the feed is served, so the alerts are
 * always current when the demo runs.
 */
import type { CapAlert, CapArea, CapInfo } from "../../shared/model/cap.js";
import {
  formatCapTime,
  timeZoneOffsetMinutes,
} from "../../shared/time/cap-time.js";

/** Greece's time zone, in which the demo alerts write their times. */
const GREEK_TIME_ZONE = "Europe/Athens";

export const DEMO_SENDER = "hotline@demo.child-alert.example";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What varies between the demo alerts; the rest is filled in the same way for each. */
export interface DemoAlertSpec {
  identifier: string;
  kind: "abduction" | "missing";
  /** The child's age in years. */
  age: number;
  /** Offset of `sent` from now, in milliseconds (negative: in the past). */
  sentOffsetMs: number;
  /** Offset of `expires` from now; undefined for an alert with no end time. */
  expiresOffsetMs?: number;
  msgType?: CapAlert["msgType"];
  references?: CapAlert["references"];
  photo?: string;
  area: CapArea;
  greek: DemoText;
  english: DemoText;
}

interface DemoText {
  headline: string;
  description: string;
  instruction: string;
  appearance: string;
  lastSeenPlace: string;
  areaDesc: string;
}

export const ATHENS_CENTRE: CapArea = {
  areaDesc: "",
  polygon: [
    [
      [37.95, 23.7],
      [38.01, 23.7],
      [38.01, 23.78],
      [37.95, 23.78],
      [37.95, 23.7],
    ],
  ],
  circle: [],
  geocode: [{ valueName: "NUTS3", value: "EL303" }],
};

export const THESSALONIKI_CENTRE: CapArea = {
  areaDesc: "",
  polygon: [
    [
      [40.6, 22.9],
      [40.68, 22.9],
      [40.68, 23.0],
      [40.6, 23.0],
      [40.6, 22.9],
    ],
  ],
  circle: [],
  geocode: [{ valueName: "NUTS3", value: "EL522" }],
};

export const PIRAEUS_PORT: CapArea = {
  areaDesc: "",
  polygon: [],
  circle: [{ lat: 37.942, lon: 23.6465, radius: 4 }],
  geocode: [{ valueName: "NUTS3", value: "EL307" }],
};

/** The alerts that are always in the demo feed. */
export const STANDING_ALERTS: DemoAlertSpec[] = [
  {
    identifier: "DEMO-ATH-0001",
    kind: "missing",
    age: 9,
    sentOffsetMs: -40 * MINUTE,
    expiresOffsetMs: 3 * DAY,
    photo: "demo-ath-0001.png",
    area: ATHENS_CENTRE,
    greek: {
      headline:
        "ΔΟΚΙΜΑΣΤΙΚΗ ειδοποίηση: εξαφάνιση αγοριού 9 ετών στο κέντρο της Αθήνας",
      description:
        "Επινοημένη ειδοποίηση για την επίδειξη της εφαρμογής. Αγόρι 9 ετών χάθηκε κοντά στην πλατεία Συντάγματος.",
      instruction:
        "Αν δείτε το παιδί, μείνετε κοντά του και καλέστε τη γραμμή επικοινωνίας. Μην το πλησιάσετε με βία.",
      appearance:
        "Ύψος περίπου 1,30 μ., κοντά καστανά μαλλιά, κόκκινο μπουφάν, μπλε σακίδιο.",
      lastSeenPlace: "Πλατεία Συντάγματος, Αθήνα",
      areaDesc: "Κέντρο Αθήνας",
    },
    english: {
      headline: "DEMO alert: 9-year-old boy missing in central Athens",
      description:
        "An invented alert that demonstrates the widget. A 9-year-old boy went missing near Syntagma Square.",
      instruction:
        "If you see the child, stay near him and call the hotline. Do not try to hold him by force.",
      appearance:
        "About 1.30 m tall, short brown hair, red jacket, blue backpack.",
      lastSeenPlace: "Syntagma Square, Athens",
      areaDesc: "Central Athens",
    },
  },
  {
    identifier: "DEMO-SKG-0001",
    kind: "abduction",
    age: 6,
    sentOffsetMs: -2 * HOUR,
    expiresOffsetMs: DAY,
    photo: "demo-skg-0001.png",
    area: THESSALONIKI_CENTRE,
    greek: {
      headline:
        "ΔΟΚΙΜΑΣΤΙΚΗ ειδοποίηση: απαγωγή κοριτσιού 6 ετών στη Θεσσαλονίκη",
      description:
        "Επινοημένη ειδοποίηση για την επίδειξη της εφαρμογής. Κορίτσι 6 ετών φέρεται να απήχθη από παιδική χαρά. Οι αρχές αναζητούν ασημί αυτοκίνητο.",
      instruction:
        "Αν δείτε το παιδί ή το όχημα, καλέστε αμέσως τη γραμμή επικοινωνίας. Μην ακολουθήσετε το όχημα.",
      appearance: "Ύψος περίπου 1,10 μ., μακριά ξανθά μαλλιά, κίτρινο φόρεμα.",
      lastSeenPlace: "Παιδική χαρά στην παραλία, Θεσσαλονίκη",
      areaDesc: "Κέντρο Θεσσαλονίκης",
    },
    english: {
      headline: "DEMO alert: 6-year-old girl abducted in Thessaloniki",
      description:
        "An invented alert that demonstrates the widget. A 6-year-old girl is believed to have been taken from a playground. The authorities are looking for a silver car.",
      instruction:
        "If you see the child or the car, call the hotline at once. Do not follow the car.",
      appearance: "About 1.10 m tall, long blond hair, yellow dress.",
      lastSeenPlace: "Seafront playground, Thessaloniki",
      areaDesc: "Central Thessaloniki",
    },
  },
  {
    identifier: "DEMO-PIR-0001",
    kind: "missing",
    age: 14,
    sentOffsetMs: -5 * HOUR,
    photo: "demo-pir-0001.png",
    area: PIRAEUS_PORT,
    greek: {
      headline: "ΔΟΚΙΜΑΣΤΙΚΗ ειδοποίηση: εξαφάνιση εφήβου 14 ετών στον Πειραιά",
      description:
        "Επινοημένη ειδοποίηση για την επίδειξη της εφαρμογής. Ο εκδότης δεν όρισε ώρα λήξης, άρα ισχύει η προεπιλεγμένη διάρκεια.",
      instruction: "Αν έχετε πληροφορίες, καλέστε τη γραμμή επικοινωνίας.",
      appearance:
        "Ύψος περίπου 1,65 μ., μαύρα μαλλιά, γκρι φούτερ με κουκούλα.",
      lastSeenPlace: "Λιμάνι του Πειραιά, πύλη Ε2",
      areaDesc: "Λιμάνι Πειραιά",
    },
    english: {
      headline: "DEMO alert: 14-year-old missing near Piraeus port",
      description:
        "An invented alert that demonstrates the widget. The publisher gave no end time, so the default lifetime applies.",
      instruction: "If you have information, call the hotline.",
      appearance: "About 1.65 m tall, black hair, grey hooded sweatshirt.",
      lastSeenPlace: "Piraeus port, gate E2",
      areaDesc: "Piraeus port",
    },
  },
];

/** Builds the CAP alert for a spec, with times relative to `now` and links on `origin`. */
export function buildDemoAlert(
  spec: DemoAlertSpec,
  now: number,
  origin: string,
): CapAlert {
  const at = (offsetMs: number) =>
    formatCapTime(
      now + offsetMs,
      timeZoneOffsetMinutes(GREEK_TIME_ZONE, now + offsetMs),
    );
  const sent = at(spec.sentOffsetMs);
  const info = (language: string, text: DemoText, event: string): CapInfo => {
    const built: CapInfo = {
      language,
      category: ["Rescue"],
      event,
      responseType: ["Monitor"],
      urgency: "Immediate",
      severity: "Severe",
      certainty: "Likely",
      eventCode: [{ valueName: "child-alert", value: spec.kind }],
      effective: sent,
      senderName: language.startsWith("el")
        ? "Γραμμή επίδειξης Child Alert (επινοημένη)"
        : "Child Alert demo hotline (invented)",
      headline: text.headline,
      description: text.description,
      instruction: text.instruction,
      web: `${origin}/#about-demo-alerts`,
      contact: language.startsWith("el")
        ? "Γραμμή επίδειξης (δεν είναι πραγματικός αριθμός): 0000 000 000"
        : "Demo hotline (not a real number): 0000 000 000",
      parameter: [
        { valueName: "child-alert:age", value: String(spec.age) },
        { valueName: "child-alert:appearance", value: text.appearance },
        { valueName: "child-alert:last-seen-place", value: text.lastSeenPlace },
        {
          valueName: "child-alert:last-seen-time",
          value: at(spec.sentOffsetMs - 30 * MINUTE),
        },
      ],
      resource: spec.photo
        ? [
            {
              resourceDesc: language.startsWith("el")
                ? "Φωτογραφία του παιδιού (επινοημένη)"
                : "Photo of the child (placeholder)",
              mimeType: "image/png",
              uri: `${origin}/feeds/photos/${spec.photo}`,
            },
          ]
        : [],
      area: [{ ...spec.area, areaDesc: text.areaDesc }],
    };
    if (spec.expiresOffsetMs !== undefined)
      built.expires = at(spec.expiresOffsetMs);
    return built;
  };
  const abduction = spec.kind === "abduction";
  return {
    identifier: spec.identifier,
    sender: DEMO_SENDER,
    sent,
    status: "Actual",
    msgType: spec.msgType ?? "Alert",
    scope: "Public",
    code: ["child-alert:profile:1.0"],
    references: spec.references ?? [],
    incidents: [],
    info: [
      info(
        "el-GR",
        spec.greek,
        abduction ? "Απαγωγή παιδιού" : "Εξαφάνιση παιδιού",
      ),
      info(
        "en-GB",
        spec.english,
        abduction ? "Child abduction" : "Missing child",
      ),
    ],
  };
}
