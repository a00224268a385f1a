/**
 * Entry of the ES module build (`dist/widget/child-alert.js`, the package's
 * "./widget" export): defines the elements and exports the classes and
 * types that `widget/index.ts` lists, so the module's runtime exports match
 * its declared types.
 */
import "./define/define-child-alert.js";

export * from "./index.js";
