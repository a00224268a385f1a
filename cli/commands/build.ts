import { statSync } from "node:fs";
import { ShardPlan } from "../../shared/shards/shard-plan.js";
import { capTimeToEpochMs, formatCapTime } from "../../shared/time/cap-time.js";
import { layOutFeedSet } from "../build/feed-set.js";
import { readSources } from "../build/read-sources.js";
import { selectMessages } from "../build/select-messages.js";
import { writeFeedSet } from "../build/write-files.js";
import type { Command } from "../command.js";
import { parseCommandArgs } from "../command.js";
import { EXIT_INVALID, EXIT_OK, UsageError } from "../exit-status.js";
import { formatProblem } from "../validate/problem.js";

const HELP = `Usage: child-alert-feed build SRC_DIR --out DIR [--base-url URL] [--now TIME]

Turns a folder of CAP alerts (any format "validate" reads) into a static
feed set in DIR:
  index.json          the shards: region, box, geocodes, files, counts, URLs
  SHARD.json, .atom   one Child Alert JSON feed and one Atom feed per shard
  all.json, all.atom  every alert, for readers with no place or region
There is one shard per country and per first-level subdivision that the
alerts' areas touch (Greece and its 13 peripheries by box; US states and
Canadian provinces by geocode), and 5-degree grid cells elsewhere.
Ended alerts are left out; a Cancel stays until the case it ends is over.
The same input and --now give the same bytes.

Options:
  --out DIR        the folder to write (created if needed)
  --base-url URL   the URL DIR is served from; makes the index's URLs and the
                   Atom ids absolute. Without it they are relative file names.
  --now TIME       the time at which alerts are judged ended, as a CAP
                   dateTime such as 2026-12-04T18:00:00+02:00; also written
                   as "generated". Default: the current time, with
                   "generated" the latest sent time of the input.
  -h, --help       print this help

Exit status: 0 on success, 1 when a file in SRC_DIR is not a feed at all
(nothing is written then), 2 on a usage error.`;

export const buildCommand: Command = {
  name: "build",
  summary: "build a static, sharded feed set from a folder of CAP alerts",
  help: HELP,
  async run(args, output) {
    const { values, positionals } = parseCommandArgs(args, {
      out: { type: "string" },
      "base-url": { type: "string" },
      now: { type: "string" },
    });
    if (values.help) {
      output.out(HELP);
      return EXIT_OK;
    }
    if (positionals.length !== 1) {
      throw new UsageError("build needs exactly one SRC_DIR");
    }
    const source = positionals[0]!;
    if (!isDirectory(source)) {
      throw new UsageError(`${source} is not a directory`);
    }
    if (values.out === undefined) throw new UsageError("build needs --out DIR");
    const baseUrl = readBaseUrl(values["base-url"]);
    const nowMs = readNow(values.now);

    const sources = readSources(source);
    for (const { file, problem } of sources.problems) {
      output.err(formatProblem(file, problem));
    }
    if (sources.unreadable.length > 0) {
      output.err(
        `Nothing was written: ${sources.unreadable.join(", ")} could not be read as a feed. Fix or remove ${sources.unreadable.length === 1 ? "it" : "them"}, then build again.`,
      );
      return EXIT_INVALID;
    }

    const latestSentMs = Math.max(
      ...sources.messages.map(
        ({ alert }) => capTimeToEpochMs(alert.sent) ?? -Infinity,
      ),
    );
    const generatedMs =
      nowMs ?? (Number.isFinite(latestSentMs) ? latestSentMs : 0);
    const plan = new ShardPlan(sources.messages.map(({ alert }) => alert));
    const selection = selectMessages(
      sources.messages,
      nowMs ?? Date.now(),
      plan,
    );
    const { files, index } = layOutFeedSet(selection.messages, plan, {
      generated: formatCapTime(generatedMs, 0),
      ...(baseUrl === undefined ? {} : { baseUrl }),
    });
    const written = writeFeedSet(values.out, files);

    const { leftOut } = selection;
    output.out(
      `Built ${index.shards.length} shards and all.json/all.atom in ${values.out} from ${sources.messages.length} messages in ${sources.files.length} files: ` +
        `${selection.messages.length} published, ${leftOut.ended} ended, ${leftOut.superseded} superseded, ` +
        `${leftOut.duplicate} duplicates, ${leftOut.unpublished} Draft, Ack or Error left out. ` +
        `${written.written.length} files written, ${written.unchanged.length} unchanged, ${written.removed.length} removed.`,
    );
    if (written.written.length > 0 || written.removed.length > 0) {
      output.out(
        `If you publish signatures, sign the feed set again: child-alert-feed sign ${values.out} --key PRIVATE_KEY_FILE`,
      );
    }
    return EXIT_OK;
  },
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readBaseUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url "${text}" is not an absolute URL`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`--base-url "${text}" must be an http: or https: URL`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

function readNow(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = capTimeToEpochMs(text);
  if (ms === null) {
    throw new UsageError(
      `--now "${text}" is not a CAP dateTime with an offset, such as 2026-12-04T18:00:00+02:00`,
    );
  }
  return ms;
}
