/**
 * The embed snippets of the README and docs/widget.md carry the
 * Subresource Integrity hash of the built script-tag file, so that a site
 * that copies them runs this version's file only. Needs `npm run build`.
 */
import { expect } from "chai";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";

const SCRIPT = "dist/widget/child-alert.iife.js";

/** Returns the integrity values of every `child-alert.iife.js` script tag in `markdown`. */
function snippetIntegrities(markdown: string): string[] {
  const tags = markdown.match(/<script[^>]*child-alert\.iife\.js[^>]*>/g) ?? [];
  return tags.map((tag) => /integrity="([^"]*)"/.exec(tag)?.[1] ?? "");
}

describe("embed snippet integrity", () => {
  for (const document of ["README.md", "docs/widget.md"]) {
    it(`${document} has the built script's hash`, () => {
      expect(existsSync(SCRIPT), "run `npm run build` first").to.equal(true);
      const hash = `sha384-${createHash("sha384")
        .update(readFileSync(SCRIPT))
        .digest("base64")}`;

      const integrities = snippetIntegrities(readFileSync(document, "utf8"));

      expect(integrities, "script tags of the embed snippet").to.have.length(1);
      expect(integrities[0], `set integrity="${hash}" in ${document}`).to.equal(
        hash,
      );
    });
  }
});
