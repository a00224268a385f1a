/**
 * Records the network requests a synchronous function starts: calls to
 * `fetch` and `XMLHttpRequest.open`, where the platform has them. Each call
 * is refused, so nothing leaves the machine even if the code under test
 * tries.
 */
export function requestsDuring(run: () => void): string[] {
  const requested: string[] = [];
  const scope = globalThis as {
    fetch?: typeof fetch;
    XMLHttpRequest?: typeof XMLHttpRequest;
  };
  const originalFetch = scope.fetch;
  const xhrPrototype = scope.XMLHttpRequest?.prototype;
  const originalOpen = xhrPrototype?.open;

  if (originalFetch !== undefined) {
    scope.fetch = ((input: RequestInfo | URL) => {
      requested.push(input instanceof Request ? input.url : String(input));
      return Promise.reject(new Error("The network is off in this test"));
    }) as typeof fetch;
  }
  if (xhrPrototype !== undefined) {
    xhrPrototype.open = function (...args: unknown[]) {
      requested.push(String(args[1]));
      throw new Error("The network is off in this test");
    } as typeof xhrPrototype.open;
  }
  try {
    run();
  } finally {
    if (originalFetch !== undefined) scope.fetch = originalFetch;
    if (xhrPrototype !== undefined && originalOpen !== undefined) {
      xhrPrototype.open = originalOpen;
    }
  }
  return requested;
}

/**
 * Names of the resource-timing entries whose URL contains `fragment`: every
 * request the page or process made, including ones a browser starts on its
 * own (stylesheets, DTDs). Empty where the platform keeps no such entries.
 */
export function resourceRequestsContaining(fragment: string): string[] {
  if (typeof performance === "undefined" || !performance.getEntriesByType) {
    return [];
  }
  return performance
    .getEntriesByType("resource")
    .map((entry) => entry.name)
    .filter((name) => name.includes(fragment));
}
