/**
 * The only platform APIs the library core may use beyond ECMAScript itself.
 * `tsconfig.core.json` compiles the core against ES2023 plus these, with no
 * DOM types, so a DOM API used by mistake fails the type check: the core must
 * run in a page, a worker, an extension service worker and Node 20.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  toString(): string;
}
