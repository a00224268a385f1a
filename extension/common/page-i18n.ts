/**
 * Fills an extension page's text from `_locales` through
 * `browser.i18n.getMessage`, in the browser's interface language:
 *
 * - `data-i18n="key"` sets the element's text;
 * - `data-i18n-ATTRIBUTE="key"` sets that attribute (`data-i18n-aria-label`).
 *
 * The page's `lang` is the language the messages came from, which the
 * `pageLocale` message of each locale names.
 */
import browser from "./browser.js";

export function message(key: string, substitutions?: string[]): string {
  const text = browser.i18n.getMessage(key, substitutions);
  if (text === "")
    console.warn(`Child Alert: no message "${key}" in _locales.`);
  return text;
}

export function localizePage(root: Document): void {
  root.documentElement.lang = message("pageLocale") || "en";
  for (const element of root.querySelectorAll<HTMLElement>("*")) {
    for (const attribute of [...element.attributes]) {
      if (attribute.name === "data-i18n") {
        element.textContent = message(attribute.value);
      } else if (attribute.name.startsWith("data-i18n-")) {
        element.setAttribute(
          attribute.name.slice("data-i18n-".length),
          message(attribute.value),
        );
      }
    }
  }
}
