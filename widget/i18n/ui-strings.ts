/**
 * The interface strings of the widget: one flat table per language. Alert
 * text is not here: it comes from the feed, in the info block the client
 * chose for the reader.
 *
 * `{time}`, `{number}` and `{headline}` are placeholders that `fillIn`
 * replaces with text. Every value is rendered as text, never as HTML.
 */
export interface UiStrings {
  /** Accessible name of the region that holds the alerts. */
  alerts: string;
  abduction: string;
  missing: string;
  /** Label for an alert whose kind the profile does not name. */
  alert: string;
  sample: string;
  sampleHeadline: string;
  sampleDescription: string;
  test: string;
  /** Label for a CAP Update message. */
  update: string;
  from: string;
  until: string;
  noEnd: string;
  area: string;
  age: string;
  appearance: string;
  lastSeen: string;
  instruction: string;
  contact: string;
  call: string;
  web: string;
  share: string;
  copied: string;
  dismiss: string;
  details: string;
  show: string;
  hide: string;
  pause: string;
  play: string;
  next: string;
  previous: string;
  /** Polite live announcement of an alert that has just appeared. */
  announce: string;
  /** Notice that the alerts shown may be out of date; `{time}` is the last good fetch. */
  staleSince: string;
  /** The same notice when no feed time is known (a feed never answered). */
  stale: string;
}

export type UiStringKey = keyof UiStrings;

export const EN: UiStrings = {
  alerts: "Child alerts",
  abduction: "Child abduction alert",
  missing: "Missing child",
  alert: "Child alert",
  sample: "SAMPLE",
  sampleHeadline: "Sample alert: not a real child",
  sampleDescription:
    "This preview shows how an alert will look on this site. No child is missing.",
  test: "TEST",
  update: "Update",
  from: "From {time}",
  until: "until {time}",
  noEnd: "no end time given",
  area: "Area",
  age: "Age",
  appearance: "Appearance",
  lastSeen: "Last seen",
  instruction: "What to do",
  contact: "Contact",
  call: "Call {number}",
  web: "Official page",
  share: "Share",
  copied: "Link copied",
  dismiss: "Dismiss",
  details: "Details",
  show: "Show alerts",
  hide: "Hide alerts",
  pause: "Pause",
  play: "Play",
  next: "Next alert",
  previous: "Previous alert",
  announce: "New child alert: {headline}",
  staleSince: "Data from {time}, may be out of date",
  stale: "Data may be out of date",
};

export const EL: UiStrings = {
  alerts: "Ειδοποιήσεις για παιδιά",
  abduction: "Ειδοποίηση απαγωγής παιδιού",
  missing: "Αγνοούμενο παιδί",
  alert: "Ειδοποίηση για παιδί",
  sample: "ΔΕΙΓΜΑ",
  sampleHeadline: "Δείγμα ειδοποίησης: δεν αφορά πραγματικό παιδί",
  sampleDescription:
    "Αυτή η προεπισκόπηση δείχνει πώς θα εμφανίζεται μια ειδοποίηση σε αυτόν τον ιστότοπο. Κανένα παιδί δεν αγνοείται.",
  test: "ΔΟΚΙΜΗ",
  update: "Ενημέρωση",
  from: "Από {time}",
  until: "έως {time}",
  noEnd: "χωρίς ώρα λήξης",
  area: "Περιοχή",
  age: "Ηλικία",
  appearance: "Εμφάνιση",
  lastSeen: "Εθεάθη τελευταία",
  instruction: "Τι να κάνετε",
  contact: "Επικοινωνία",
  call: "Καλέστε στο {number}",
  web: "Επίσημη σελίδα",
  share: "Κοινοποίηση",
  copied: "Ο σύνδεσμος αντιγράφηκε",
  dismiss: "Παράβλεψη",
  details: "Λεπτομέρειες",
  show: "Εμφάνιση ειδοποιήσεων",
  hide: "Απόκρυψη ειδοποιήσεων",
  pause: "Παύση",
  play: "Συνέχιση",
  next: "Επόμενη ειδοποίηση",
  previous: "Προηγούμενη ειδοποίηση",
  announce: "Νέα ειδοποίηση για παιδί: {headline}",
  staleSince: "Δεδομένα από {time}, ίσως δεν είναι ενημερωμένα",
  stale: "Τα δεδομένα ίσως δεν είναι ενημερωμένα",
};

/** Replaces each `{name}` placeholder with its value, as plain text. */
export function fillIn(
  template: string,
  values: Record<string, string>,
): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : match,
  );
}
