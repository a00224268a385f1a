/**
 * The built classic script under a strict Content Security Policy with
 * Trusted Types enforced (Chromium; Firefox ESR applies the CSP but has no
 * Trusted Types). Needs `npm run build` first: it loads dist/widget/.
 */
import { expect } from "chai";
import { TRANSLATIONS } from "../../widget/i18n/translations.js";
import {
  capAlert,
  capTimeFromNow,
  jsonFeed,
  largeJsonFeed,
  placeholderPngBase64,
  putFeed,
  uniqueFeedName,
  waitFor,
} from "./widget-helpers.js";

/** The policy docs/widget.md gives sites; keep the two the same. */
const POLICY =
  "default-src 'self'; img-src https: data:; require-trusted-types-for 'script'; trusted-types lit-html child-alert-worker";

/** Smallest body the client parses in its worker: 512 KiB. */
const WORKER_PARSE_MIN_BYTES = 512 * 1024;

const LISTENER_SCRIPT = `
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(event.violatedDirective + " " + event.blockedURI);
  });
`;

interface PageWindow extends Window {
  __violations: string[];
  __inline?: number;
  __innerHtmlBlocked?: boolean;
}

/** Tries a string assignment to innerHTML, which enforced Trusted Types reject. */
const TRUSTED_TYPES_PROBE = `
  try {
    document.createElement("div").innerHTML = "<b>probe</b>";
    window.__innerHtmlBlocked = false;
  } catch {
    window.__innerHtmlBlocked = true;
  }
`;

let pageCounter = 0;

/**
 * Serves `body` as an HTML page under POLICY and loads it in an iframe. The
 * page and its listener script have no file extension, so the test
 * server's transforms, which go by extension, leave them alone.
 */
async function loadPage(body: string, probe = ""): Promise<HTMLIFrameElement> {
  pageCounter += 1;
  const stem = `csp-${Date.now()}-${pageCounter}`;
  await putFeed(`${stem}-listen`, {
    body: LISTENER_SCRIPT + probe,
    contentType: "text/javascript",
  });
  await putFeed(`${stem}-page`, {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CSP page</title>
<script src="/feeds/${stem}-listen"></script></head><body>${body}</body></html>`,
    contentType: "text/html; charset=utf-8",
    headers: { "Content-Security-Policy": POLICY },
  });
  const iframe = document.createElement("iframe");
  iframe.style.width = "800px";
  iframe.style.height = "600px";
  const loaded = new Promise((resolve) =>
    iframe.addEventListener("load", resolve, { once: true }),
  );
  iframe.src = `/feeds/${stem}-page`;
  document.body.append(iframe);
  await loaded;
  return iframe;
}

describe("widget under a strict CSP", () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  before(async () => {
    const response = await fetch("/dist/widget/child-alert.iife.js", {
      method: "HEAD",
    });
    if (!response.ok) {
      throw new Error(
        "dist/widget/child-alert.iife.js is missing: run `npm run build` first.",
      );
    }
  });

  it("control: inline script is blocked", async () => {
    const frame = await loadPage(
      "<script>window.__inline = 1</script>",
      TRUSTED_TYPES_PROBE,
    );
    frames.push(frame);
    const page = frame.contentWindow as PageWindow;
    await waitFor(
      () =>
        page.__violations.some((violation) =>
          violation.startsWith("script-src"),
        ),
      "the inline-script violation",
    );
    expect(page.__inline).to.equal(undefined);
    if ("trustedTypes" in page) {
      expect(page.__innerHtmlBlocked, "Trusted Types enforced").to.equal(true);
    }
  });

  it("renders with no violation", async () => {
    const name = uniqueFeedName("csp");
    const code: [string, string] = ["TEST", `csp-${Date.now()}`];
    await putFeed(name, {
      body: jsonFeed([
        capAlert({
          identifier: `CSP-${Date.now()}`,
          sent: capTimeFromNow(-3_600_000),
          description: "An invented description.",
          contact: "Call 112",
          web: "https://police.example.org/CSP",
          geocode: code,
          photo: {
            derefUri: placeholderPngBase64(),
            mimeType: "image/png",
            description: "Invented",
          },
        }),
      ]),
      contentType: "application/json",
    });
    const frame = await loadPage(
      `<script src="/dist/widget/child-alert.iife.js"></script>
       <child-alert eager lang="de" layout="card" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    frames.push(frame);
    const page = frame.contentWindow as PageWindow;
    const element = page.document.querySelector(
      "child-alert",
    ) as HTMLElement & {
      alerts: unknown[];
    };
    await waitFor(
      () => element.alerts?.length === 1,
      "the alert to load under the CSP",
      15000,
    );
    const label = () =>
      element.shadowRoot
        ?.querySelector("[data-layout]")
        ?.shadowRoot?.querySelector("[part~=label]")?.textContent;
    // German strings come from dist/widget/i18n/de.json, beside the script.
    await waitFor(
      () => label() === TRANSLATIONS.de!.abduction,
      "German strings from i18n/de.json",
    );
    const layout =
      element.shadowRoot!.querySelector("[data-layout]")!.shadowRoot!;
    const photo = layout.querySelector<HTMLImageElement>("[part~=photo]")!;
    await waitFor(() => photo.complete, "the photo to load");
    expect(photo.naturalWidth).to.be.above(0);
    expect(
      page.getComputedStyle(layout.querySelector(".card")!).display,
    ).to.equal("flex");
    expect(page.__violations).to.deep.equal([]);
  });

  it("parses a large feed in the worker", async () => {
    const name = uniqueFeedName("csp-large");
    const code: [string, string] = ["TEST", `csp-large-${Date.now()}`];
    const body = largeJsonFeed(
      [
        capAlert({
          identifier: `CSP-LARGE-${Date.now()}`,
          sent: capTimeFromNow(-3_600_000),
          headline: "Invented child in a large feed",
          geocode: code,
        }),
      ],
      WORKER_PARSE_MIN_BYTES + 64 * 1024,
    );
    expect(new TextEncoder().encode(body).length).to.be.above(
      WORKER_PARSE_MIN_BYTES,
    );
    await putFeed(name, { body, contentType: "application/json" });
    const frame = await loadPage(
      `<script src="/dist/widget/child-alert.iife.js"></script>
       <child-alert eager layout="list" feed="/feeds/${name}" region="${code.join(":")}"></child-alert>`,
    );
    frames.push(frame);
    const page = frame.contentWindow as PageWindow;
    const element = page.document.querySelector(
      "child-alert",
    ) as HTMLElement & { alerts: { headline: string }[] };
    await waitFor(
      () => element.alerts?.length === 1,
      "the alert of the large feed",
      30000,
    );
    expect(element.alerts[0]!.headline).to.equal(
      "Invented child in a large feed",
    );
    const workerLoads = page.performance
      .getEntriesByType("resource")
      .filter((entry) => entry.name.endsWith("/child-alert-parse-worker.js"));
    expect(workerLoads, "the parse worker's script was loaded").to.have.length(
      1,
    );
    expect(page.__violations).to.deep.equal([]);
  });
});
