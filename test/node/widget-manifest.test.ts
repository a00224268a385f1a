/**
 * Checks the Custom Elements Manifest that the build writes from the
 * widget's JSDoc. Needs `npm run build` first.
 */
import { expect } from "chai";
import { existsSync, readFileSync } from "node:fs";

interface Declaration {
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

function childAlertDeclaration(): Declaration {
  const { customElements } = JSON.parse(
    readFileSync("package.json", "utf8"),
  ) as {
    customElements?: string;
  };
  expect(customElements, 'package.json "customElements"').to.equal(
    "custom-elements.json",
  );
  expect(
    existsSync("custom-elements.json"),
    "run `npm run build` first",
  ).to.equal(true);
  const manifest = JSON.parse(readFileSync("custom-elements.json", "utf8")) as {
    modules: { declarations?: Declaration[] }[];
  };
  const declarations = manifest.modules.flatMap(
    (module) => module.declarations ?? [],
  );
  const element = declarations.find(
    (declaration) => declaration.tagName === "child-alert",
  );
  expect(element, "child-alert in the manifest").to.not.equal(undefined);
  return element!;
}

describe("widget custom elements manifest", () => {
  it("lists the public attributes only", () => {
    const names = childAlertDeclaration().attributes!.map(
      (attribute) => attribute.name,
    );
    expect(names.sort()).to.deep.equal(
      [
        "eager",
        "events",
        "feed",
        "include-test",
        "interval",
        "key",
        "label",
        "lang",
        "lat",
        "layout",
        "lon",
        "max",
        "preview",
        "radius",
        "region",
        "reserve",
        "theme",
      ].sort(),
    );
  });

  it("lists the change event", () => {
    const events = childAlertDeclaration().events!.map((event) => event.name);
    expect(events).to.deep.equal(["child-alert-change"]);
  });

  it("lists parts and custom properties", () => {
    const element = childAlertDeclaration();
    const parts = element.cssParts!.map((part) => part.name);
    for (const part of [
      "banner",
      "card",
      "photo",
      "headline",
      "share-button",
      "dismiss-button",
      "call-link",
      "web-link",
      "toggle",
      "stale-notice",
    ]) {
      expect(parts, part).to.include(part);
    }
    const properties = element.cssProperties!.map((property) => property.name);
    expect(properties).to.include("--child-alert-background");
    expect(properties).to.include("--child-alert-font-size");
  });
});
