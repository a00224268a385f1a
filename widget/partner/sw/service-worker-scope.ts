/**
 * The parts of the service worker global scope that the partner service
 * worker uses. The project compiles against the DOM library, which lacks
 * the service worker types, and the WebWorker library cannot be added to
 * the same program, so the few members needed are declared here.
 */

/** An event whose lifetime the worker extends with `waitUntil`. */
export interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}

export interface ServiceWorkerScope {
  readonly location: { readonly href: string };
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(
    type: "install" | "activate",
    listener: (event: ExtendableEvent) => void,
  ): void;
}

/** The worker's global scope; only valid inside a service worker. */
export function serviceWorkerScope(): ServiceWorkerScope {
  return globalThis as unknown as ServiceWorkerScope;
}
