/**
 * The time of `parseFeed` on CAP XML, stage by stage, in Node. The stages
 * are the XML tree (`parseXml`), the drafts (`readCapXml`) and validation into
 * the model (`validateAlert`), each timed alone on the output of the one
 * before. `JSON.parse` of the JSON form of the same alerts is the floor.
 */
import { findCapAlerts } from "../../shared/formats/find-cap-alerts.js";
import { IssueList } from "../../shared/formats/issue-list.js";
import { readCapXml } from "../../shared/formats/read-cap-xml.js";
import { validateAlert } from "../../shared/formats/validate-alert.js";
import { parseXml } from "../../shared/xml/parse-xml.js";
import { formatCapTime } from "../../shared/time/cap-time.js";
import {
  capContainerDocument,
  jsonFeedDocument,
} from "../feed/feed-documents.js";
import { realisticAlerts } from "../feed/realistic-alerts.js";
import {
  collectNodeGarbage,
  measureRoutes,
  type RouteResult,
  type RouteSampler,
} from "../measure-routes.js";
import { timeRepeated } from "../timing.js";

export type ParseStage = "json-parse" | "xml-tree" | "drafts" | "validation";

export interface ParseStageResults {
  alertCount: number;
  stages: RouteResult<ParseStage>[];
}

export async function benchParseStages(
  alertCount: number,
  now: number,
  options: { warmups: number; runs: number; minSampleMs: number },
): Promise<ParseStageResults> {
  const alerts = realisticAlerts(alertCount, now);
  const xml = capContainerDocument(alerts);
  const json = jsonFeedDocument(alerts, formatCapTime(now, 0));
  const tree = parseXml(xml, { maxDepth: 64 });
  const elements = findCapAlerts(tree);
  const drafts = elements.map(readCapXml);

  const stages: Record<ParseStage, () => number> = {
    "json-parse": () =>
      (JSON.parse(json) as { alerts: unknown[] }).alerts.length,
    "xml-tree": () => findCapAlerts(parseXml(xml, { maxDepth: 64 })).length,
    drafts: () => elements.map(readCapXml).length,
    validation: () => {
      const issues = new IssueList();
      let valid = 0;
      drafts.forEach((draft, index) => {
        if (validateAlert(draft, { issues, entry: `alert ${index + 1}` })) {
          valid++;
        }
      });
      return valid;
    },
  };
  const sampler: RouteSampler<ParseStage> = {
    count: async (stage) => stages[stage](),
    sample: async (stage, repeats) => timeRepeated(stages[stage], repeats),
    collectGarbage: async () => collectNodeGarbage(),
  };
  return {
    alertCount,
    stages: await measureRoutes(
      sampler,
      ["json-parse", "xml-tree", "drafts", "validation"],
      { ...options, expectedCount: alertCount },
    ),
  };
}
