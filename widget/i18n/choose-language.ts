/** Languages with interface strings: the official languages of the EU. */
export const INTERFACE_LANGUAGES: readonly string[] = [
  "bg",
  "cs",
  "da",
  "de",
  "el",
  "en",
  "es",
  "et",
  "fi",
  "fr",
  "ga",
  "hr",
  "hu",
  "it",
  "lt",
  "lv",
  "mt",
  "nl",
  "pl",
  "pt",
  "ro",
  "sk",
  "sl",
  "sv",
];

/**
 * Returns the first interface language that matches a preference, compared
 * by primary language subtag ("de-AT" matches "de"), or "en" when none does.
 */
export function chooseInterfaceLanguage(
  preferences: readonly (string | null | undefined)[],
): string {
  for (const tag of preferences) {
    const primary = primarySubtag(tag);
    if (primary && INTERFACE_LANGUAGES.includes(primary)) return primary;
  }
  return "en";
}

/** Returns the lower-case primary subtag of a BCP 47 tag ("pt" for "pt-BR"). */
export function primarySubtag(tag: string | null | undefined): string {
  return (tag ?? "").trim().split(/[-_]/)[0]!.toLowerCase();
}
