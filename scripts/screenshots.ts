/**
 * Takes PNG screenshots of every widget layout, of the preview sample and
 * of the stale-data notice (banner, card and ticker, with the feed failing), at
 * 320 px and 1280 px wide, in the light and the dark colour scheme, into
 * screenshots/ (git-ignored).
 *
 * Usage: npm run screenshots
 *
 * It serves dist/widget/ and two invented alerts from a localhost server
 * and drives /usr/bin/chromium (CHROME_PATH overrides) with puppeteer-core.
 * The photo is a silhouette drawn on a canvas in the browser, never a real
 * picture. Builds first when dist/widget/ is missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import puppeteer from "puppeteer-core";
import { FeedServer } from "../test/harness/feed-server.js";

/**
 * Each layout with two invented alerts, the card layout's preview sample,
 * and the banner, card and ticker with the stale-data notice.
 */
const PAGES = [
  ...["banner", "card", "list", "ticker", "poster"].map((layout) => ({
    name: layout,
    path: `/page/${layout}`,
    stale: false,
  })),
  { name: "preview-card", path: "/page/card?preview", stale: false },
  ...["banner", "card", "ticker"].map((layout) => ({
    name: `stale-${layout}`,
    path: `/page/${layout}?stale`,
    stale: true,
  })),
];
/** The feed of the stale pages, polled every second, which fails once the alerts are shown. */
const STALE_FEED = "screens-stale.json";
const WIDTHS = [320, 1280];
const SCHEMES = ["light", "dark"] as const;
const OUTPUT = "screenshots";
const WIDGET_DIR = "dist/widget";
const HOUR_MS = 3_600_000;

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".json": "application/json",
};

function capTime(offsetMs: number): string {
  return new Date(Date.now() + offsetMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, "-00:00");
}

/** Two invented alerts in the project's JSON feed format. */
function feedBody(photoBase64: string): string {
  const info = (fields: Record<string, unknown>) => ({
    language: "en",
    category: ["Rescue"],
    responseType: [],
    urgency: "Immediate",
    severity: "Severe",
    certainty: "Likely",
    senderName: "Example Police",
    resource: [],
    area: [
      {
        areaDesc: "Example City, North District",
        polygon: [],
        circle: [],
        geocode: [],
      },
    ],
    ...fields,
  });
  const alert = (
    identifier: string,
    sentOffset: number,
    infoFields: Record<string, unknown>,
  ) => ({
    identifier,
    sender: "police@example.invalid",
    sent: capTime(sentOffset),
    status: "Actual",
    msgType: "Alert",
    scope: "Public",
    code: [],
    references: [],
    incidents: [],
    info: [info(infoFields)],
  });
  return JSON.stringify({
    format: "child-alert-feed",
    version: 1,
    generated: capTime(0),
    alerts: [
      alert("SCREEN-1", -HOUR_MS, {
        event: "Child Abduction",
        eventCode: [{ valueName: "child-alert", value: "abduction" }],
        expires: capTime(20 * HOUR_MS),
        headline: "Invented girl, 9, taken from Example Park",
        description:
          "An invented girl was seen getting into a grey hatchback near the fountain at 09:30. The car left towards the ring road.",
        instruction:
          "Call the police if you see her or the car. Do not approach.",
        contact: "Example Police: +30 210 000 0000",
        web: "https://police.example.org/alerts/SCREEN-1",
        parameter: [
          { valueName: "child-alert:age", value: "9" },
          {
            valueName: "child-alert:appearance",
            value: "Red coat, blue backpack, brown hair in a ponytail",
          },
          {
            valueName: "child-alert:last-seen-place",
            value: "Example Park, by the fountain",
          },
        ],
        resource: [
          {
            resourceDesc: "Photo of the invented girl",
            mimeType: "image/png",
            derefUri: photoBase64,
          },
        ],
      }),
      alert("SCREEN-2", -3 * HOUR_MS, {
        event: "Missing Child",
        eventCode: [{ valueName: "child-alert", value: "missing" }],
        headline: "Invented boy, 14, missing since yesterday evening",
        description: "An invented boy did not come home from school.",
        contact: "Any police station",
        web: "https://police.example.org/alerts/SCREEN-2",
      }),
    ],
  });
}

function page(layout: string, preview = false, stale = false): string {
  const source = stale
    ? `interval="1" feed="/feeds/${STALE_FEED}"`
    : `feed="/feeds/screens.json"`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${layout}</title>
<style>
  body { margin: 0; font: 16px/1.5 Georgia, serif; background: Canvas; color: CanvasText; color-scheme: light dark; }
  main { padding: 16px; max-width: 900px; margin: 0 auto; }
  .filler { height: 200px; border: 1px dashed GrayText; margin-top: 16px; padding: 8px; }
</style>
<script src="/widget/child-alert.iife.js"></script></head>
<body><main><h1>Example host page</h1>
<child-alert eager ${preview ? "preview " : ""}layout="${layout}" ${source}></child-alert>
<p class="filler">Page content after the widget.</p></main></body></html>`;
}

function serveFile(path: string): { body: Buffer; type: string } | null {
  const relative = normalize(path.replace(/^\/widget\//, "")).replace(
    /^(\.\.[/\\])+/,
    "",
  );
  const file = join(WIDGET_DIR, relative);
  if (!existsSync(file)) return null;
  return {
    body: readFileSync(file),
    type: CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
  };
}

async function main(): Promise<void> {
  if (!existsSync(join(WIDGET_DIR, "child-alert.iife.js"))) {
    console.log(`screenshots: ${WIDGET_DIR} is missing, building first`);
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (build.status !== 0)
      throw new Error(`npm run build failed with exit status ${build.status}`);
  }
  mkdirSync(OUTPUT, { recursive: true });

  const feeds = new FeedServer();
  const server = createServer((request, response) => {
    if (feeds.handle(request, response)) return;
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname.startsWith("/page/")) {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(
        page(
          url.pathname.slice(6),
          url.searchParams.has("preview"),
          url.searchParams.has("stale"),
        ),
      );
      return;
    }
    const file = url.pathname.startsWith("/widget/")
      ? serveFile(url.pathname)
      : null;
    if (file === null) {
      response
        .writeHead(404, { "Content-Type": "text/plain" })
        .end("Not found");
      return;
    }
    response.writeHead(200, { "Content-Type": file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/page/blank`);
    const photo = await tab.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = 240;
      canvas.height = 300;
      const context = canvas.getContext("2d")!;
      context.fillStyle = "#d9dce3";
      context.fillRect(0, 0, 240, 300);
      context.fillStyle = "#8a8f9c";
      context.beginPath();
      context.arc(120, 114, 48, 0, Math.PI * 2);
      context.fill();
      context.beginPath();
      context.ellipse(120, 300, 100, 108, 0, Math.PI, 0);
      context.fill();
      return canvas.toDataURL("image/png").split(",")[1]!;
    });
    const feed = { body: feedBody(photo), contentType: "application/json" };
    feeds.setFeed("screens.json", feed);

    for (const { name, path: pagePath, stale } of PAGES) {
      for (const width of WIDTHS) {
        for (const scheme of SCHEMES) {
          await tab.setViewport({ width, height: 900 });
          await tab.emulateMediaFeatures([
            { name: "prefers-color-scheme", value: scheme },
          ]);
          if (stale) feeds.setFeed(STALE_FEED, feed);
          await tab.goto(`${origin}${pagePath}`);
          await tab.evaluate(async () => {
            const element = document.querySelector(
              "child-alert",
            ) as HTMLElement & {
              refresh(): Promise<void>;
              alerts: unknown[];
            };
            await customElements.whenDefined("child-alert");
            await element.refresh();
            if (element.alerts.length === 0)
              throw new Error("no alert was shown");
            await new Promise((resolve) => setTimeout(resolve, 300));
          });
          if (stale) {
            // Three intervals without a good fetch make the data stale.
            feeds.setFeed(STALE_FEED, { status: 503, body: "Unavailable" });
            await tab.waitForFunction(
              () =>
                document
                  .querySelector("child-alert")
                  ?.shadowRoot?.querySelector("[data-layout]")
                  ?.shadowRoot?.querySelector("[part~=stale-notice]") != null,
              { timeout: 30_000 },
            );
            await new Promise((resolve) => setTimeout(resolve, 300));
          }
          const path = join(OUTPUT, `${name}-${width}-${scheme}.png`);
          await tab.screenshot({ path, fullPage: true });
          console.log(`screenshots: wrote ${path}`);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
