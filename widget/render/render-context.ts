import type { AlertView } from "../../shared/view/alert-view.js";
import type { UiStrings } from "../i18n/ui-strings.js";

/** Values and callbacks that the part templates take from their layout element. */
export interface RenderContext {
  strings: UiStrings;
  /** Language of the interface strings, also the locale dates are formatted in. */
  language: string;
  /** IANA time zone for dates; undefined means the reader's own. */
  timeZone: string | undefined;
  /**
   * The share confirmation to show beside one alert's share button: "link
   * copied", or the link itself when the clipboard refused it.
   */
  copyStatus: { version: string; text: string } | null;
  share(alert: AlertView): void;
  dismiss(alert: AlertView): void;
}
