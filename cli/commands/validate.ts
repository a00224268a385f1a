import { EXIT_INVALID, EXIT_OK, UsageError } from "../exit-status.js";
import { listFiles } from "../list-files.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../command.js";
import { formatProblem } from "../validate/problem.js";
import { validateFile, type FileReport } from "../validate/validate-file.js";

const HELP = `Usage: child-alert-feed validate [--strict] [--json] FILE...

Checks CAP alerts against CAP 1.2 and the Child Alert profile
(docs/feed-profile.md). A FILE may be a CAP document, an Atom or RSS feed
that contains CAP alerts, an EDXL-DE envelope, a Child Alert JSON feed, an
NWS GeoJSON response, or the index.json of a feed set; a directory is
checked file by file, except .sig files.

Each problem is printed on one line:
  FILE: alert IDENTIFIER: ELEMENT-PATH: error|warning: MESSAGE (value: VALUE)
An error means clients skip the alert or a part of it, or show it wrongly;
a warning means clients work around the fault.

Options:
  --strict     exit with status 1 on warnings too
  --json       print one JSON object with every file's problems instead
  -h, --help   print this help

Exit status: 0 when valid, 1 on errors (or warnings with --strict),
2 on a usage error or a file that does not exist.`;

export const validateCommand: Command = {
  name: "validate",
  summary: "check CAP alerts against CAP 1.2 and the Child Alert profile",
  help: HELP,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, {
      strict: { type: "boolean" },
      json: { type: "boolean" },
    });
    if (values.help) {
      output.out(HELP);
      return EXIT_OK;
    }
    if (positionals.length === 0) {
      throw new UsageError("validate needs at least one FILE");
    }
    const reports = listFiles(positionals).map(validateFile);
    const errors = count(reports, "error");
    const warnings = count(reports, "warning");
    const failed = errors > 0 || (values.strict === true && warnings > 0);

    if (values.json) {
      output.out(
        JSON.stringify(
          { valid: !failed, errors, warnings, files: reports },
          null,
          2,
        ),
      );
    } else {
      for (const report of reports) {
        for (const problem of report.problems) {
          output.out(formatProblem(report.file, problem));
        }
      }
      const alerts = reports.reduce((sum, report) => sum + report.alerts, 0);
      output.out(
        `${plural(reports.length, "file")}, ${plural(alerts, "alert")}: ${plural(errors, "error")}, ${plural(warnings, "warning")}`,
      );
    }
    return failed ? EXIT_INVALID : EXIT_OK;
  },
};

function count(reports: FileReport[], severity: "error" | "warning"): number {
  return reports.reduce(
    (sum, report) =>
      sum +
      report.problems.filter((problem) => problem.severity === severity).length,
    0,
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
