/** Reads the alerts of every file in the source folder of `build`. */
import { readFileSync } from "node:fs";
import { parseFeed } from "../../shared/formats/parse-feed.js";
import type { CapAlert } from "../../shared/model/cap.js";
import { listFiles } from "../list-files.js";
import { alertLabel, type Problem } from "../validate/problem.js";

/** One alert and the file it came from. */
export interface SourceMessage {
  alert: CapAlert;
  file: string;
}

/** What the source folder contained. */
export interface Sources {
  files: string[];
  messages: SourceMessage[];
  /** Problems per file: parser errors and warnings, and files that are no feed at all. */
  problems: { file: string; problem: Problem }[];
  /** Files that could not be read as a feed at all. */
  unreadable: string[];
}

export function readSources(directory: string): Sources {
  const sources: Sources = {
    files: listFiles([directory]),
    messages: [],
    problems: [],
    unreadable: [],
  };
  for (const file of sources.files) {
    const parsed = parseFeed(readFileSync(file));
    if (parsed.fatal) sources.unreadable.push(file);
    for (const [severity, issues] of [
      ["error", parsed.errors],
      ["warning", parsed.warnings],
    ] as const) {
      for (const issue of issues) {
        const problem: Problem = {
          severity,
          rule: `cap:${issue.code}`,
          message: issue.message,
        };
        if (issue.entry !== undefined) problem.alert = alertLabel(issue.entry);
        if (issue.path !== undefined) problem.path = issue.path;
        if (issue.value !== undefined) problem.value = issue.value;
        sources.problems.push({ file, problem });
      }
    }
    if (parsed.links.length > 0) {
      sources.problems.push({
        file,
        problem: {
          severity: "warning",
          rule: "build:linked-documents",
          message: `The file links to ${parsed.links.length} CAP documents instead of containing them; build does not fetch them. Put the CAP documents themselves in the folder.`,
        },
      });
    }
    for (const alert of parsed.alerts) sources.messages.push({ alert, file });
  }
  return sources;
}
