/** The widget's classes and types, without defining any element. */
export { ChildAlert, type ChildAlertChangeDetail } from "./child-alert.js";
export {
  AlertLayoutElement,
  type DismissDetail,
} from "./layouts/alert-layout-element.js";
export { AlertBannerLayout } from "./layouts/alert-banner.js";
export { AlertCardLayout } from "./layouts/alert-card.js";
export { AlertListLayout } from "./layouts/alert-list.js";
export { AlertPosterLayout } from "./layouts/alert-poster.js";
export { AlertTickerLayout } from "./layouts/alert-ticker.js";
export { EN, EL, fillIn, type UiStrings } from "./i18n/ui-strings.js";
export { formatStaleNotice } from "./format/format-stale-notice.js";
export {
  chooseInterfaceLanguage,
  INTERFACE_LANGUAGES,
} from "./i18n/choose-language.js";
