/**
 * The feeds part of the options page: a check box for each built-in feed,
 * and the feeds the person added, each with a Remove button. Adding a feed
 * asks the browser for permission to read its origin; the request must be
 * made straight from the click, before anything is awaited, or the browser
 * refuses it.
 */
import browser from "../common/browser.js";
import { KNOWN_FEEDS } from "../common/known-feeds.js";
import { message } from "../common/page-i18n.js";
import { acceptableFeedUrl } from "../common/settings.js";

export class FeedList {
  private custom: string[] = [];

  constructor(
    private readonly knownList: HTMLUListElement,
    private readonly customList: HTMLUListElement,
    private readonly input: HTMLInputElement,
    addButton: HTMLButtonElement,
    private readonly error: HTMLElement,
  ) {
    this.renderKnown();
    addButton.addEventListener("click", () => this.add());
    input.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      this.add();
    });
  }

  /** The feeds chosen now: the checked built-in feeds, then the added ones. */
  get feeds(): string[] {
    const known = KNOWN_FEEDS.filter(
      (_feed, index) => this.checkbox(index).checked,
    ).map((feed) => feed.url);
    return [...known, ...this.custom.filter((url) => !known.includes(url))];
  }

  set feeds(urls: string[]) {
    KNOWN_FEEDS.forEach((feed, index) => {
      this.checkbox(index).checked = urls.includes(feed.url);
    });
    this.custom = urls.filter(
      (url) => !KNOWN_FEEDS.some((feed) => feed.url === url),
    );
    this.renderCustom();
  }

  private checkbox(index: number): HTMLInputElement {
    return this.knownList.querySelector<HTMLInputElement>(
      `#known-feed-${index}`,
    )!;
  }

  private renderKnown(): void {
    const items = KNOWN_FEEDS.map((feed, index) => {
      const item = document.createElement("li");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.id = `known-feed-${index}`;
      box.value = feed.url;
      const label = document.createElement("label");
      label.htmlFor = box.id;
      label.textContent = message(feed.nameKey);
      const detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = message("optionsFeedDetail", [
        feed.format,
        feed.area === "local" ? message("optionsFeedLocal") : feed.area,
        feed.url,
      ]);
      item.append(box, label, detail);
      return item;
    });
    this.knownList.replaceChildren(...items);
  }

  private renderCustom(): void {
    const items = this.custom.map((url) => {
      const item = document.createElement("li");
      const text = document.createElement("span");
      text.className = "detail";
      text.textContent = url;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = message("optionsRemoveFeed");
      remove.setAttribute(
        "aria-label",
        message("optionsRemoveFeedNamed", [url]),
      );
      remove.addEventListener("click", () => void this.remove(url));
      item.append(text, remove);
      return item;
    });
    this.customList.replaceChildren(...items);
  }

  private add(): void {
    this.error.textContent = "";
    const url = acceptableFeedUrl(this.input.value);
    if (url === undefined) {
      this.error.textContent = message("optionsFeedInvalid");
      return;
    }
    const origin = `${new URL(url).origin}/*`;
    // Called synchronously from the click: the browser requires a user
    // gesture. An origin already granted (a built-in feed's host or
    // localhost) resolves true without a prompt.
    browser.permissions.request({ origins: [origin] }).then(
      (granted) => {
        if (!granted) {
          this.error.textContent = message("optionsFeedDenied", [origin]);
          return;
        }
        const known = KNOWN_FEEDS.findIndex((feed) => feed.url === url);
        if (known >= 0) this.checkbox(known).checked = true;
        else if (!this.custom.includes(url)) this.custom.push(url);
        this.input.value = "";
        this.renderCustom();
      },
      (error: unknown) => {
        this.error.textContent = message("optionsFeedDenied", [origin]);
        console.error(
          `Child Alert: the permission request for ${origin} failed: ${String(error)}`,
        );
      },
    );
  }

  /**
   * Removes an added feed, and gives back the permission for its origin
   * when no other added feed uses it. Permissions the manifest grants are
   * kept by the browser whatever is asked.
   */
  private async remove(url: string): Promise<void> {
    this.custom = this.custom.filter((other) => other !== url);
    this.renderCustom();
    const origin = new URL(url).origin;
    const stillUsed = this.custom.some(
      (other) => new URL(other).origin === origin,
    );
    if (stillUsed) return;
    try {
      await browser.permissions.remove({ origins: [`${origin}/*`] });
    } catch (error) {
      console.warn(
        `Child Alert: the permission for ${origin} was not removed: ${String(error)}`,
      );
    }
  }
}
