/**
 * Helpers for the feed-parser tests: parse a fixture file as the client
 * would (its raw bytes), check the shape of every result, and pick out
 * issues by code.
 */
import { expect } from "chai";
import { parseFeed, type FeedInput } from "../../shared/formats/parse-feed.js";
import type { CapAlert, CapArea, CapInfo } from "../../shared/model/cap.js";
import type {
  FeedIssue,
  FeedIssueCode,
  ParseOptions,
  ParseResult,
} from "../../shared/model/feed.js";
import { loadFixture } from "./fixtures.js";

/** Parses the bytes of a file under test/fixtures; fails the test if parseFeed throws. */
export async function parseFixture(
  path: string,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const bytes = await loadFixture(path);
  let result: ParseResult;
  try {
    result = parseFeed(bytes, options);
  } catch (error) {
    expect.fail(`parseFeed threw on ${path}: ${String(error)}`);
  }
  expectResultShape(result);
  return result;
}

/** Parses text or bytes and checks the shape of the result. */
export function parse(
  input: FeedInput,
  options: ParseOptions = {},
): ParseResult {
  const result = parseFeed(input, options);
  expectResultShape(result);
  return result;
}

/** Checks that a value is a complete ParseResult with arrays where arrays belong. */
export function expectResultShape(result: ParseResult): void {
  expect(result).to.be.an("object");
  expect(result).to.have.all.keys(
    "format",
    "alerts",
    "links",
    "errors",
    "warnings",
    "fatal",
  );
  expect(result.alerts).to.be.an("array");
  expect(result.links).to.be.an("array");
  expect(result.errors).to.be.an("array");
  expect(result.warnings).to.be.an("array");
  expect(result.fatal).to.be.a("boolean");
  // One assertion for all issues: a hostile input can give 100,000 of them.
  const malformed = [...result.errors, ...result.warnings].find(
    (issue) =>
      typeof issue.code !== "string" ||
      typeof issue.message !== "string" ||
      issue.message === "",
  );
  expect(malformed, "issue without code or message").to.equal(undefined);
}

/** The issues with the given code. */
export function issuesWith(
  issues: FeedIssue[],
  code: FeedIssueCode,
): FeedIssue[] {
  return issues.filter((issue) => issue.code === code);
}

/** The codes of the issues, in order. */
export function codesOf(issues: FeedIssue[]): FeedIssueCode[] {
  return issues.map((issue) => issue.code);
}

/** Returns the only alert of a result, failing when there is not exactly one. */
export function onlyAlert(result: ParseResult): CapAlert {
  expect(result.alerts, "alerts").to.have.length(1);
  return result.alerts[0]!;
}

/** Returns info block `index` of an alert, failing when it is missing. */
export function infoAt(alert: CapAlert, index: number): CapInfo {
  const info = alert.info[index];
  expect(info, `info[${index}]`).to.not.equal(undefined);
  return info!;
}

/** Returns area `index` of an info block, failing when it is missing. */
export function areaAt(info: CapInfo, index: number): CapArea {
  const area = info.area[index];
  expect(area, `area[${index}]`).to.not.equal(undefined);
  return area!;
}

/** The value of the first pair with the given valueName, if any. */
export function pairValue(
  pairs: { valueName: string; value: string }[],
  valueName: string,
): string | undefined {
  return pairs.find((pair) => pair.valueName === valueName)?.value;
}

/** The values of every pair with the given valueName, in order. */
export function pairValues(
  pairs: { valueName: string; value: string }[],
  valueName: string,
): string[] {
  return pairs
    .filter((pair) => pair.valueName === valueName)
    .map((pair) => pair.value);
}

/** Returns every string inside a value: object keys' values and array items, at any depth. */
export function stringsIn(value: unknown): string[] {
  const found: string[] = [];
  const visit = (item: unknown): void => {
    if (typeof item === "string") found.push(item);
    else if (Array.isArray(item)) item.forEach(visit);
    else if (typeof item === "object" && item !== null) {
      Object.values(item).forEach(visit);
    }
  };
  visit(value);
  return found;
}

/** Returns the length of the longest string in the alerts and links of a result. */
export function longestDataString(result: ParseResult): number {
  return stringsIn([result.alerts, result.links]).reduce(
    (longest, text) => Math.max(longest, text.length),
    0,
  );
}
