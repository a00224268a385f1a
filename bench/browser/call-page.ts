/**
 * Calls a method of an object that a benchmark's page script put on
 * `globalThis`. The function given to `page.evaluate` runs in the page, so
 * it may use only its arguments, not this module's scope.
 */
import type { Page } from "puppeteer-core";

type Method = (...args: never[]) => unknown;

export function callPage<Api, Name extends keyof Api & string>(
  page: Page,
  global: string,
  method: Name,
  ...args: Api[Name] extends Method ? Parameters<Api[Name]> : never
): Promise<Api[Name] extends Method ? Awaited<ReturnType<Api[Name]>> : never> {
  return page.evaluate(
    (global, method, args) => {
      const api = (
        globalThis as unknown as Record<string, Record<string, Method>>
      )[global];
      if (api === undefined) throw new Error(`The page has no ${global}`);
      return (api[method] as (...values: unknown[]) => unknown)(...args);
    },
    global,
    method,
    args as unknown[],
  ) as never;
}
