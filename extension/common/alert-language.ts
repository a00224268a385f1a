/**
 * The language the extension shows alerts in: the `lang` setting, or the
 * browser's interface language when it is empty. The layouts' interface
 * strings come from the widget's tables, so the popup and the notifications
 * speak every language the widget does.
 */
import { chooseInterfaceLanguage } from "../../widget/i18n/choose-language.js";
import { TRANSLATIONS } from "../../widget/i18n/translations.js";
import { EL, EN, type UiStrings } from "../../widget/i18n/ui-strings.js";
import browser from "./browser.js";
import type { ExtensionSettings } from "./settings.js";

/** The reader's languages, most preferred first: the setting, then the browser's. */
export function readerLanguages(settings: ExtensionSettings): string[] {
  const browserLanguage = browser.i18n.getUILanguage();
  return settings.lang === ""
    ? [browserLanguage]
    : [settings.lang, browserLanguage];
}

/** The widget's interface strings in the reader's language, with that language's code. */
export function interfaceStrings(settings: ExtensionSettings): {
  language: string;
  strings: UiStrings;
} {
  const language = chooseInterfaceLanguage(readerLanguages(settings));
  const strings =
    language === "en"
      ? EN
      : language === "el"
        ? EL
        : (TRANSLATIONS[language] ?? EN);
  return { language, strings };
}
