/**
 * Turns a draft into a `CapAlert`, or rejects it. An alert is rejected only
 * when it cannot be shown or followed safely: no identifier, sender or valid
 * `sent`, or a `status` or `msgType` that CAP does not define (showing an
 * exercise as real would be worse than showing nothing). Other faults drop
 * the faulty part, with an error, or are read with a fix, with a warning.
 */
import type {
  CapAlert,
  CapMsgType,
  CapReference,
  CapScope,
  CapStatus,
} from "../model/cap.js";
import type { Draft } from "./alert-draft.js";
import {
  isDraft,
  readDrafts,
  readEnum,
  readFreeText,
  readString,
  readStringList,
  readTime,
  readToken,
} from "./read-values.js";
import { validateInfo } from "./validate-info.js";
import type { ValidationContext } from "./validation-context.js";

const STATUSES: readonly CapStatus[] = [
  "Actual",
  "Exercise",
  "System",
  "Test",
  "Draft",
];
const MSG_TYPES: readonly CapMsgType[] = [
  "Alert",
  "Update",
  "Cancel",
  "Ack",
  "Error",
];
const SCOPES: readonly CapScope[] = ["Public", "Restricted", "Private"];

export function validateAlert(
  draft: Draft,
  context: ValidationContext,
): CapAlert | null {
  const identifier = readToken(draft, "identifier");
  if (identifier !== undefined) {
    context = { ...context, entry: `${context.entry} (${identifier})` };
  }
  const { issues } = context;
  const where = { entry: context.entry };

  const sender = readToken(draft, "sender");
  const missing = [
    identifier === undefined ? "identifier" : null,
    sender === undefined ? "sender" : null,
    readToken(draft, "sent") === undefined ? "sent" : null,
  ].filter((name) => name !== null);
  if (missing.length > 0) {
    issues.error(
      "missing-element",
      `The alert has no ${missing.join(", ")}, which CAP requires; it was skipped`,
      where,
    );
    return null;
  }
  const sent = readTime(draft, "sent", "", context);
  if (sent === undefined) {
    issues.error(
      "invalid-time",
      "The alert's sent time cannot be read, so it cannot be ordered against updates; it was skipped",
      where,
    );
    return null;
  }

  const status = readRequiredEnum(draft, "status", STATUSES, context);
  const msgType = readRequiredEnum(draft, "msgType", MSG_TYPES, context);
  if (status === undefined || msgType === undefined) return null;

  const alert: CapAlert = {
    identifier: identifier!,
    sender: sender!,
    sent,
    status,
    msgType,
    scope: readScope(draft, context),
    code: readStringList(draft["code"]),
    references: readReferences(draft["references"], context),
    incidents: readIncidents(draft["incidents"]),
    info: [],
  };
  for (const name of ["source", "restriction", "addresses"] as const) {
    const value = readToken(draft, name);
    if (value !== undefined) alert[name] = value;
  }
  const note = readFreeText(draft, "note", context);
  if (note !== undefined) alert.note = note;

  if (
    (msgType === "Update" || msgType === "Cancel") &&
    alert.references.length === 0
  ) {
    issues.warning(
      "missing-element",
      `The ${msgType} has no references, so it cannot say which earlier alert it replaces`,
      where,
    );
  }

  readDrafts(draft["info"], "info", context).forEach((infoDraft, index) => {
    const info = validateInfo(infoDraft, `info[${index}].`, context);
    if (info !== null) alert.info.push(info);
  });
  return alert;
}

function readRequiredEnum<T extends string>(
  draft: Draft,
  name: string,
  allowed: readonly T[],
  context: ValidationContext,
): T | undefined {
  const where = { entry: context.entry, path: name };
  const result = readEnum(draft, name, allowed);
  if (result === undefined) {
    context.issues.error(
      "missing-element",
      `The alert has no ${name}, which CAP requires; it was skipped`,
      where,
    );
    return undefined;
  }
  if ("raw" in result) {
    context.issues.error(
      "invalid-value",
      `${name} must be one of ${allowed.join(", ")}; the alert was skipped`,
      where,
      result.raw,
    );
    return undefined;
  }
  if (!result.exact) {
    context.issues.warning(
      "invalid-value",
      `${name} is written in the wrong case; it was read as ${result.value}`,
      where,
      readToken(draft, name),
    );
  }
  return result.value;
}

/** `scope`, which CAP requires; a feed published openly is read as Public when it is absent. */
function readScope(draft: Draft, context: ValidationContext): CapScope {
  const result = readEnum(draft, "scope", SCOPES);
  if (result !== undefined && "value" in result) return result.value;
  context.issues.warning(
    result === undefined ? "missing-element" : "invalid-value",
    `scope is ${result === undefined ? "missing" : "not one of Public, Restricted, Private"}; the alert was read as Public`,
    { entry: context.entry, path: "scope" },
    result === undefined ? undefined : result.raw,
  );
  return "Public";
}

/**
 * CAP `references`: whitespace-separated "sender,identifier,sent" triples
 * (values may be spread over lines), or, in JSON feeds, objects with those
 * three fields. A triple that is not three non-empty parts is dropped with
 * a warning. `sent` is kept as written: lifecycle code compares it as an
 * instant and falls back to sender and identifier when it cannot be read.
 */
export function readReferences(
  value: unknown,
  context: ValidationContext,
): CapReference[] {
  const references: CapReference[] = [];
  const items: unknown[] = Array.isArray(value)
    ? value
    : (readString(value) ?? "").split(/\s+/).filter(Boolean);

  items.forEach((item, index) => {
    let parts: unknown[];
    if (typeof item === "string") parts = item.split(",");
    else if (isDraft(item))
      parts = [item["sender"], item["identifier"], item["sent"]];
    else parts = [];
    const [sender, identifier, sent] = parts.map(
      (part) => readString(part) ?? "",
    );
    if (parts.length !== 3 || !sender || !identifier || !sent) {
      context.issues.warning(
        "invalid-value",
        'A reference is not a "sender,identifier,sent" triple and was dropped',
        { entry: context.entry, path: `references[${index}]` },
        item,
      );
      return;
    }
    references.push({ sender, identifier, sent });
  });
  return references;
}

/**
 * CAP `incidents`: whitespace-separated names, where a name that contains
 * spaces is written in double quotes. JSON feeds give an array.
 */
function readIncidents(value: unknown): string[] {
  if (Array.isArray(value)) return readStringList(value);
  const text = readString(value) ?? "";
  const incidents: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const name = (match[1] ?? match[2] ?? "").trim();
    if (name) incidents.push(name);
  }
  return incidents;
}
