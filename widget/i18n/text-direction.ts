import { primarySubtag } from "./choose-language.js";

/** Primary subtags of languages written right to left by default. */
const RTL_LANGUAGES = new Set([
  "ar",
  "arc",
  "ckb",
  "dv",
  "fa",
  "he",
  "iw",
  "ks",
  "nqo",
  "ps",
  "sd",
  "syr",
  "ug",
  "ur",
  "yi",
]);

/** Script subtags (ISO 15924) of scripts written right to left. */
const RTL_SCRIPTS = new Set(["arab", "hebr", "thaa", "syrc", "nkoo", "adlm"]);

/**
 * Returns the writing direction of a BCP 47 tag. An explicit script subtag
 * decides ("pa-Arab" is rtl, "ku-Latn" ltr); otherwise the language does.
 */
export function textDirection(tag: string | null | undefined): "ltr" | "rtl" {
  const subtags = (tag ?? "").toLowerCase().split(/[-_]/);
  const script = subtags.find(
    (subtag, index) => index > 0 && subtag.length === 4,
  );
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
  return RTL_LANGUAGES.has(primarySubtag(tag)) ? "rtl" : "ltr";
}
