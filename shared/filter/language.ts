/**
 * Choosing which info block of an alert to show, by the reader's languages.
 *
 * CAP gives one `info` per language. Language tags are BCP 47 (RFC 5646) and
 * compare case-insensitively, so `zh-tw` and `zh-TW` are the same tag.
 */
import type { CapAlert, CapInfo } from "../model/cap.js";

/** CAP's default language, which applies to an info whose `language` is empty. */
const CAP_DEFAULT_LANGUAGE = "en-us";

/**
 * Chooses the info block to show for the reader's preferred languages, in
 * their order of preference.
 *
 * For each preferred tag in turn, the first info that matches it wins, tried
 * in this order:
 * 1. the same tag (`el-GR` reader, `el-GR` info);
 * 2. RFC 4647 "lookup": the tag with subtags dropped from the end
 *    (`el-GR` reader, `el` info);
 * 3. the same primary language subtag (`en-GB` reader, `en-US` info).
 * All three steps run for one preferred tag before the next tag is tried,
 * so a reader of `en-GB` then `el` gets an `en-US` info before an `el` one.
 *
 * Fallback when no preferred tag matches: the first info whose primary
 * language is English (`en`), else the first info. Returns undefined only
 * when there is no info. An info with an empty `language` counts as `en-US`,
 * CAP's default. Underscores are read as hyphens (`en_US`).
 */
export function chooseInfo(
  infos: readonly CapInfo[],
  preferred: readonly string[],
): CapInfo | undefined {
  if (infos.length === 0) return undefined;
  const tags = infos.map((info) => normalizeTag(info.language));

  for (const preferredTag of preferred) {
    if (typeof preferredTag !== "string" || preferredTag.trim() === "") {
      continue;
    }
    const requested = normalizeTag(preferredTag);
    if (requested === "*") continue;

    // Steps 1 and 2: the tag itself, then each shorter prefix.
    for (const range of lookupRanges(requested)) {
      const index = tags.indexOf(range);
      if (index >= 0) return infos[index];
    }

    // Step 3: any info of the same primary language.
    const primary = primarySubtag(requested);
    const index = tags.findIndex((tag) => primarySubtag(tag) === primary);
    if (index >= 0) return infos[index];
  }

  const english = tags.findIndex((tag) => primarySubtag(tag) === "en");
  return english >= 0 ? infos[english] : infos[0];
}

/**
 * Chooses the info block of an alert to show, among the infos that pass
 * `predicate` when one is given (for example, only child-alert infos), by the
 * rules of `chooseInfo`. Returns undefined when no info passes.
 */
export function chooseInfoFor(
  alert: CapAlert,
  preferred: readonly string[],
  predicate?: (info: CapInfo) => boolean,
): CapInfo | undefined {
  const infos =
    predicate === undefined ? alert.info : alert.info.filter(predicate);
  return chooseInfo(infos, preferred);
}

/** Lower-cases and trims a tag and reads "_" as "-". An empty tag becomes CAP's default. */
function normalizeTag(tag: string | undefined): string {
  const normalized = (tag ?? "").trim().toLowerCase().replaceAll("_", "-");
  return normalized === "" ? CAP_DEFAULT_LANGUAGE : normalized;
}

function primarySubtag(tag: string): string {
  const hyphen = tag.indexOf("-");
  return hyphen < 0 ? tag : tag.slice(0, hyphen);
}

/**
 * Lists the language ranges RFC 4647 section 3.4 "lookup" tries for a tag:
 * the tag, then the tag with its last subtag removed, and so on. A
 * single-character subtag (an extension or private-use singleton such as
 * "x") left at the end is removed along with the subtag after it.
 */
function lookupRanges(tag: string): string[] {
  const ranges = [tag];
  const subtags = tag.split("-");
  while (subtags.length > 1) {
    subtags.pop();
    if (subtags.length > 1 && subtags[subtags.length - 1]!.length === 1) {
      subtags.pop();
    }
    ranges.push(subtags.join("-"));
  }
  return ranges;
}
