/**
 * The embed snippet builder: turns the form into the exact snippet a site
 * owner pastes (the script tag with its integrity hash, and the element),
 * and shows the same element live below it. The element is built with DOM
 * calls, never from HTML text, so no form value becomes markup.
 */
const form = document.getElementById("snippet-form") as HTMLFormElement;
const snippetOutput = document.getElementById("snippet") as HTMLElement;
const preview = document.getElementById("preview") as HTMLElement;
const copyButton = document.getElementById("copy") as HTMLButtonElement;
const copyStatus = document.getElementById("copy-status") as HTMLElement;
const feedInput = document.getElementById("feed") as HTMLInputElement;

feedInput.value = new URL("/feeds/demo.atom", location.href).href;

function value(name: string): string {
  const field = form.elements.namedItem(name);
  if (field instanceof RadioNodeList) return field.value;
  if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) {
    return field.value.trim();
  }
  return "";
}

/** Returns the element's attributes from the form, in the order the snippet lists them. */
function widgetAttributes(): [string, string][] {
  const attributes: [string, string][] = [["feed", value("feed")]];
  if (value("area") === "region") {
    attributes.push(["region", value("region")]);
  } else {
    attributes.push(
      ["lat", value("lat")],
      ["lon", value("lon")],
      ["radius", value("radius")],
    );
  }
  attributes.push(["layout", value("layout")]);
  if (value("lang") !== "") attributes.push(["lang", value("lang")]);
  if (value("theme") !== "auto") attributes.push(["theme", value("theme")]);
  return attributes.filter(([, text]) => text !== "");
}

function escapeAttribute(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

function scriptUrl(): string {
  const base = value("base") || "/child-alert/";
  return `${base.endsWith("/") ? base : `${base}/`}child-alert.iife.js`;
}

function snippetText(attributes: [string, string][]): string {
  const lines = attributes.map(
    ([name, text]) => `  ${name}="${escapeAttribute(text)}"`,
  );
  return [
    `<script src="${escapeAttribute(scriptUrl())}"`,
    `  integrity="${__WIDGET_INTEGRITY__}"`,
    `  crossorigin="anonymous" async></script>`,
    "",
    "<child-alert",
    ...lines,
    "></child-alert>",
  ].join("\n");
}

function update(): void {
  const attributes = widgetAttributes();
  snippetOutput.textContent = snippetText(attributes);

  const element = document.createElement("child-alert");
  for (const [name, text] of attributes) element.setAttribute(name, text);
  if (value("source") === "sample") element.setAttribute("preview", "");
  // The preview's banner sits in the page instead of covering it.
  if (value("layout") === "banner") {
    element.setAttribute("reserve", "");
    element.style.setProperty("--child-alert-reserve-height", "0px");
  }
  element.setAttribute("eager", "");
  preview.replaceChildren(element);
}

copyButton.addEventListener("click", () => {
  navigator.clipboard.writeText(snippetOutput.textContent ?? "").then(
    () => {
      copyStatus.textContent = "Copied.";
    },
    () => {
      copyStatus.textContent =
        "Copying failed: select the snippet and copy it by hand.";
    },
  );
});
form.addEventListener("input", update);
form.addEventListener("change", update);
form.addEventListener("submit", (event) => event.preventDefault());
update();
