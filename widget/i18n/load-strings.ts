import { EL, EN, type UiStrings } from "./ui-strings.js";

/** Interface strings resolved for one language. */
export interface LoadedStrings {
  /** The language the strings are in: the one requested, or "en" when it could not be loaded. */
  language: string;
  strings: UiStrings;
}

/**
 * Languages carried inside the widget script. English is the fallback and
 * Greek is a first language of the project; the other tables are fetched on
 * demand so the script stays within its size budget.
 */
export const BUNDLED_STRINGS: Readonly<Record<string, UiStrings>> = {
  en: EN,
  el: EL,
};

const pending = new Map<string, Promise<LoadedStrings>>();

/**
 * Returns the interface strings for `language`: a bundled table at once,
 * else `BASE/LANGUAGE.json` fetched from `baseUrl` (the widget's own
 * origin). A key that the file lacks, or gives as a non-string, falls back
 * to English; a failed fetch falls back to English whole.
 */
export function loadUiStrings(
  language: string,
  baseUrl: string | URL,
): Promise<LoadedStrings> {
  const bundled = BUNDLED_STRINGS[language];
  if (bundled) return Promise.resolve({ language, strings: bundled });
  const url = new URL(`${language}.json`, baseUrl).href;
  let result = pending.get(url);
  if (result === undefined) {
    result = fetchStrings(url, language);
    pending.set(url, result);
  }
  return result;
}

async function fetchStrings(
  url: string,
  language: string,
): Promise<LoadedStrings> {
  try {
    const response = await fetch(url, { credentials: "omit" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const table = (await response.json()) as Record<string, unknown>;
    const strings = { ...EN };
    for (const key of Object.keys(EN) as (keyof UiStrings)[]) {
      const value = table[key];
      if (typeof value === "string") strings[key] = value;
    }
    return { language, strings };
  } catch (error) {
    console.warn(
      `child-alert: interface strings for "${language}" failed to load from ${url} (${String(error)}); using English.`,
    );
    pending.delete(url);
    return { language: "en", strings: EN };
  }
}
