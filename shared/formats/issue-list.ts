import type { FeedIssue, FeedIssueCode } from "../model/feed.js";

const MAX_VALUE_LENGTH = 200;

/** Where a problem sits: the alert or entry, and the path inside it. */
export interface IssueContext {
  entry?: string;
  path?: string;
}

/** Collects the errors and warnings of one parse. */
export class IssueList {
  readonly errors: FeedIssue[] = [];
  readonly warnings: FeedIssue[] = [];

  error(
    code: FeedIssueCode,
    message: string,
    context: IssueContext = {},
    value?: unknown,
  ): void {
    this.errors.push(makeIssue(code, message, context, value));
  }

  warning(
    code: FeedIssueCode,
    message: string,
    context: IssueContext = {},
    value?: unknown,
  ): void {
    this.warnings.push(makeIssue(code, message, context, value));
  }
}

function makeIssue(
  code: FeedIssueCode,
  message: string,
  context: IssueContext,
  value: unknown,
): FeedIssue {
  const issue: FeedIssue = { code, message };
  if (context.entry !== undefined) issue.entry = context.entry;
  if (context.path !== undefined) issue.path = context.path;
  if (value !== undefined) issue.value = shorten(value);
  return issue;
}

function shorten(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      // A value too deep or cyclic for JSON.stringify would make String()
      // of an array recurse as deep, so it is only named.
      text = Array.isArray(value)
        ? "[…]"
        : typeof value === "object" && value !== null
          ? "{…}"
          : String(value);
    }
  }
  return text.length > MAX_VALUE_LENGTH
    ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`
    : text;
}
