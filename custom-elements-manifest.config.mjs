/**
 * Custom Elements Manifest analyzer settings: the build writes
 * custom-elements.json from the widget's JSDoc (@attr, @fires, @csspart,
 * @cssprop). package.json points at it by hand, so the analyzer does not
 * rewrite package.json on every build.
 */
export default {
  globs: ["widget/**/*.ts"],
  exclude: ["widget/i18n/translations.ts"],
  outdir: ".",
  litelement: true,
  packagejson: false,
};
