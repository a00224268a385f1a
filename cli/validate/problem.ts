/** One problem that `validate` reports, and its one-line form. */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /**
   * Machine-readable kind: "cap:" and a parser issue code (such as
   * "cap:invalid-time") for CAP and format problems, "profile:" and a rule
   * name (such as "profile:expires") for the project's profile.
   */
  rule: string;
  /** The alert: "alert IDENTIFIER", or the position ("alert 3", "entry 2 (ID)") when the identifier is unknown. Absent for the document. */
  alert?: string;
  /** Path inside the alert, with CAP element names, such as "info[0].resource[0].uri". */
  path?: string;
  /** The fault and the fix, in a sentence or two. */
  message: string;
  /** The offending value, shortened to at most 200 characters. */
  value?: string;
}

/** Formats a problem as `FILE: alert ID: PATH: SEVERITY: MESSAGE (value: VALUE)`, leaving out absent parts. */
export function formatProblem(file: string, problem: Problem): string {
  const parts = [file];
  if (problem.alert !== undefined) parts.push(problem.alert);
  if (problem.path !== undefined && problem.path !== "") {
    parts.push(problem.path);
  }
  parts.push(problem.severity, problem.message);
  const value =
    problem.value === undefined ? "" : ` (value: ${oneLine(problem.value)})`;
  return `${parts.join(": ")}${value}`;
}

/** Collapses line breaks and runs of white space, so each problem stays on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Turns the `entry` of a parser issue into the alert label of a problem.
 * The parser names an alert "alert N (IDENTIFIER)", and an alert inside an
 * Atom entry, RSS item or GeoJSON feature "entry N (ENTRY-ID) (IDENTIFIER)";
 * without a known identifier the position is kept.
 */
export function alertLabel(entry: string): string {
  const match = /^(alert|entry|item|feature) (\d+)(.*)$/.exec(entry);
  if (match === null) return `alert ${entry}`;
  const [, kind, position, rest] = match as unknown as [
    string,
    string,
    string,
    string,
  ];
  const groups = [...rest.matchAll(/ \(([^()]+)\)/g)].map((group) => group[1]!);
  const identifier = kind === "alert" ? groups[0] : groups[1];
  if (identifier !== undefined) return `alert ${identifier}`;
  return groups[0] === undefined
    ? `${kind} ${position}`
    : `${kind} ${position} (${groups[0]})`;
}
