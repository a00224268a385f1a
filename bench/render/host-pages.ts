/**
 * The host pages of the browser benchmarks: a plain article page that
 * loads either the widget's script, the floor element's script, or
 * nothing, and helpers that run inside such a page.
 */

/** The script the host page loads. */
export type PageScript = "widget" | "floor" | "none";

const SCRIPT_SOURCES: Record<PageScript, string> = {
  widget: "/widget/child-alert.iife.js",
  floor: "/pages/floor.js",
  none: "",
};

/**
 * Returns an article page of about one screen of text. `element` is
 * markup placed at the start of `<body>` (the embed under test), or empty.
 * `pageStyle` is CSS added to the page's own stylesheet. The script is
 * loaded `async`, the embed that docs/widget.md documents.
 */
export function hostPage(
  script: PageScript,
  element = "",
  pageStyle = "",
): string {
  const source = SCRIPT_SOURCES[script];
  const paragraphs = Array.from(
    { length: 12 },
    (_, index) =>
      `<p>Paragraph ${index + 1} of an invented article. It is long enough to wrap over several lines, so that anything inserted above it would move it down the page and count as a layout shift.</p>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page</title>
${source === "" ? "" : `<script src="${source}" async></script>`}
<style>body { font: 16px/1.5 sans-serif; margin: 0 auto; max-width: 40em; padding: 1em; }${pageStyle}</style>
</head>
<body>
${element}
<h1>An invented article</h1>
${paragraphs}
</body>
</html>
`;
}

/**
 * Inserts `<TAG ATTRIBUTES>` at the start of `<body>` and resolves with the
 * milliseconds from the insertion (the element is connected) to the start
 * of the first animation frame whose DOM contains an element with
 * `part~="headline"` in the element's shadow tree, that is, the first frame
 * that paints an alert. Runs inside the page: it must use only its
 * arguments.
 */
export function insertAndTimeFirstAlert(
  tag: string,
  attributes: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  const findDeep = (root: ParentNode): boolean => {
    if (root.querySelector('[part~="headline"]') !== null) return true;
    for (const element of Array.from(root.querySelectorAll("*"))) {
      if (element.shadowRoot !== null && findDeep(element.shadowRoot)) {
        return true;
      }
    }
    return false;
  };
  return new Promise((resolve, reject) => {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      element.setAttribute(name, value);
    }
    const start = performance.now();
    document.body.prepend(element);
    const check = () => {
      const now = performance.now();
      if (element.shadowRoot !== null && findDeep(element.shadowRoot)) {
        resolve(now - start);
      } else if (now - start > timeoutMs) {
        reject(new Error(`No alert on screen after ${timeoutMs} ms`));
      } else {
        requestAnimationFrame(check);
      }
    };
    requestAnimationFrame(check);
  });
}
