import type { AlertView } from "../../shared/view/alert-view.js";
import type { UiStrings } from "../i18n/ui-strings.js";

/** What the part templates need from the layout element that renders them. */
export interface RenderContext {
  strings: UiStrings;
  /** Language of the interface strings, also the locale dates are formatted in. */
  language: string;
  /** IANA time zone for dates; undefined means the reader's own. */
  timeZone: string | undefined;
  /** Version of the alert whose link was just copied, to show the confirmation beside it. */
  copiedVersion: string | null;
  share(alert: AlertView): void;
  dismiss(alert: AlertView): void;
}
