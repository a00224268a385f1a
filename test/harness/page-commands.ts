/**
 * Server commands that browser tests call with `executeServerCommand`, for
 * what a page cannot do to itself. They drive the browser through
 * puppeteer, which web-test-runner's Chrome launcher uses for Chromium and
 * for Firefox alike.
 *
 * - "child-alert-hide-page": opens another tab and brings it to the front,
 *   so the test page's `document.visibilityState` becomes "hidden" (headless
 *   Chromium and Firefox both report it).
 * - "child-alert-show-page": brings the test page back to the front and
 *   closes that tab.
 */
import type { Page } from "puppeteer-core";

interface CommandContext {
  command: string;
  payload: unknown;
  session: {
    id: string;
    browser: { type?: string; getPage?: (sessionId: string) => Page };
  };
}

/** Tabs opened over a session's test page, by session id. */
const coverPages = new Map<string, Page>();

function testPage(context: CommandContext): Page {
  const page = context.session.browser.getPage?.(context.session.id);
  if (page === undefined) {
    throw new Error(
      `The command ${context.command} needs a puppeteer-driven browser.`,
    );
  }
  return page;
}

export function pageCommandsPlugin() {
  return {
    name: "child-alert-page-commands",
    async executeCommand(context: CommandContext): Promise<unknown> {
      switch (context.command) {
        case "child-alert-hide-page": {
          const page = testPage(context);
          const cover = await page.browser().newPage();
          coverPages.set(context.session.id, cover);
          await cover.bringToFront();
          return true;
        }
        case "child-alert-show-page": {
          const page = testPage(context);
          await page.bringToFront();
          await coverPages.get(context.session.id)?.close();
          coverPages.delete(context.session.id);
          return true;
        }
        default:
          return undefined;
      }
    },
  };
}
