/** Starts the system Chromium, headless, with the flags every benchmark uses. */
import puppeteer, { type Browser, type Page } from "puppeteer-core";

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

/**
 * Flags that keep Chromium from doing background work (updates, sync,
 * network probes) that would add noise to the timings, and let it run as
 * root in a container.
 */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--no-default-browser-check",
  "--disable-quic",
];

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    // The 10,000-alert parse takes longer than puppeteer's default 180 s
    // protocol timeout allows for one call on a busy machine.
    protocolTimeout: 600_000,
    // Puppeteer enables DevTools' Network domain by default. The renderer
    // then keeps a copy of each response for the inspector and decodes
    // text responses on the page's main thread, which took 76 ms in one
    // task for the 12.9 MiB feed of the host-page run (Chromium 156). A
    // reader's browser does not do that, and no benchmark uses puppeteer's
    // request or response events.
    networkEnabled: false,
  });
}

/**
 * Defines `__name` in every document of the page. tsx compiles the
 * benchmark with esbuild's keepNames, which wraps named inner functions in
 * `__name(...)` calls; a function passed to `page.evaluate` carries those
 * calls into the page, where the helper does not otherwise exist.
 */
export async function allowCompiledFunctions(page: Page): Promise<void> {
  await page.evaluateOnNewDocument("globalThis.__name = (target) => target;");
}
