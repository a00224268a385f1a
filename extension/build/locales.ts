/**
 * Writes `_locales/CODE/messages.json` for the extension. English and
 * Greek carry every message. The other languages of the widget get the
 * extension's name and button title from the widget's own translation of
 * "Child alerts", so stores and toolbars name it in the reader's language;
 * every other message falls back to English, the default locale.
 */
import { TRANSLATIONS } from "../../widget/i18n/translations.js";
import { EL_MESSAGES } from "../locales/el.js";
import { EN_MESSAGES } from "../locales/en.js";

interface ChromeMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** Returns file path to JSON text for every locale. */
export function localeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set("_locales/en/messages.json", messagesJson(EN_MESSAGES));
  files.set("_locales/el/messages.json", messagesJson(EL_MESSAGES));
  for (const [language, strings] of Object.entries(TRANSLATIONS)) {
    files.set(
      `_locales/${language}/messages.json`,
      messagesJson({ extName: strings.alerts, actionTitle: strings.alerts }),
    );
  }
  return files;
}

/**
 * Turns `$name$` substitutions into the placeholders the browsers read,
 * numbered $1, $2... in order of first appearance.
 */
function messagesJson(messages: Readonly<Record<string, string>>): string {
  const out: Record<string, ChromeMessage> = {};
  for (const [key, text] of Object.entries(messages)) {
    const names = [
      ...new Set([...text.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!)),
    ];
    const entry: ChromeMessage = { message: text };
    if (names.length > 0) {
      entry.placeholders = Object.fromEntries(
        names.map((name, index) => [name, { content: `$${index + 1}` }]),
      );
    }
    out[key] = entry;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
