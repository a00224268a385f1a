/**
 * Validates one file: the problems the feed parser reports (CAP 1.2 and the
 * format it is written in) and the project's profile checks, per alert.
 */
import { readFileSync } from "node:fs";
import { decodeInput } from "../../shared/formats/decode-input.js";
import { IssueList } from "../../shared/formats/issue-list.js";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import type { FeedFormat, FeedIssue } from "../../shared/model/feed.js";
import {
  FEED_INDEX_FORMAT,
  isFeedIndexJson,
  readFeedIndex,
} from "../../shared/shards/feed-index.js";
import { alertLabel, type Problem } from "./problem.js";
import { checkProfile } from "./profile-checks.js";
import { readRawAlerts } from "./raw-alerts.js";

/** The result for one file. */
export interface FileReport {
  file: string;
  /** The format detected, or null when the file is not a feed or a feed index. */
  format: FeedFormat | typeof FEED_INDEX_FORMAT | null;
  /** Alerts read from the file. */
  alerts: number;
  problems: Problem[];
}

/** Reads and validates one file. Throws only when the file cannot be read from disk. */
export function validateFile(file: string): FileReport {
  const bytes = readFileSync(file);
  const index = validateIndex(file, bytes);
  if (index !== null) return index;
  const parsed = parseFeed(bytes);
  const problems: Problem[] = [];

  for (const issue of parsed.errors) problems.push(fromIssue(issue, "error"));
  for (const issue of parsed.warnings) {
    // The profile check reports an Update or Cancel without references as
    // an error, with advice; the parser's warning would repeat it.
    if (
      issue.code === "missing-element" &&
      /has no references/.test(issue.message)
    ) {
      continue;
    }
    problems.push(fromIssue(issue, "warning"));
  }
  if (parsed.links.length > 0) {
    problems.push({
      severity: "warning",
      rule: "profile:linked-documents",
      message: `The feed links to ${parsed.links.length} CAP document${parsed.links.length === 1 ? "" : "s"} instead of containing the alerts; validate does not fetch them. Validate those files too.`,
    });
  }

  const raw = parsed.fatal
    ? new Map()
    : readRawAlerts(decodeInput(bytes, new IssueList()));
  for (const alert of parsed.alerts) {
    for (const check of checkProfile(alert, raw.get(alert.identifier))) {
      problems.push({ ...check, alert: `alert ${alert.identifier}` });
    }
  }
  return {
    file,
    format: parsed.format,
    alerts: parsed.alerts.length,
    problems,
  };
}

/**
 * Checks a feed index (`index.json` of the feed tool) with the reader that
 * clients use. Returns null for anything that is not one.
 */
function validateIndex(file: string, bytes: Uint8Array): FileReport | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (!isFeedIndexJson(json)) return null;
  const report: FileReport = {
    file,
    format: FEED_INDEX_FORMAT,
    alerts: 0,
    problems: [],
  };
  try {
    readFeedIndex(json);
  } catch (error) {
    report.problems.push({
      severity: "error",
      rule: "index:invalid",
      message: `${(error as Error).message} Clients reject the index and poll none of its shards; build the feed set again.`,
    });
  }
  return report;
}

function fromIssue(issue: FeedIssue, severity: Problem["severity"]): Problem {
  const problem: Problem = {
    severity,
    rule: `cap:${issue.code}`,
    message: sentence(issue.message),
  };
  if (issue.entry !== undefined) problem.alert = alertLabel(issue.entry);
  if (issue.path !== undefined) problem.path = issue.path;
  if (issue.value !== undefined) problem.value = issue.value;
  return problem;
}

/** Ends a parser message with a full stop, as the profile's messages end. */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}
