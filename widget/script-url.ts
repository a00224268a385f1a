/**
 * URL of the script that defined the widget, captured while it runs:
 * `document.currentScript` for the classic-script build, `import.meta.url`
 * for the module build, else the page's base URL. Files the script loads on
 * demand (interface strings, the alert engine) are resolved against it.
 */
export const SCRIPT_URL: string =
  (document.currentScript as HTMLScriptElement | null)?.src ||
  import.meta.url ||
  document.baseURI;
