/**
 * The feeds part of the options page: a check box for each built-in feed,
 * and the feeds the person added, each with a Remove button. Every feed has
 * an optional field for the publisher's public key; a built-in feed shows
 * it only while the feed is ticked. Adding a feed asks the browser for
 * permission to read its origin; the request must be made straight from
 * the click, before anything is awaited, or the browser refuses it.
 */
import browser from "../common/browser.js";
import { KNOWN_FEEDS } from "../common/known-feeds.js";
import { message } from "../common/page-i18n.js";
import { acceptableFeedUrl } from "../common/settings.js";
import { FeedKeyField } from "./feed-key-field.js";

export class FeedList {
  private custom: string[] = [];
  /** Key fields of the built-in feeds, in the order of KNOWN_FEEDS. */
  private readonly knownKeys: FeedKeyField[] = [];
  /** Key fields of the added feeds by URL, kept while the list is redrawn. */
  private readonly customKeys = new Map<string, FeedKeyField>();
  /** Numbers the added feeds' element ids, which must stay unique. */
  private nextCustomId = 0;

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
      this.setKnownChecked(index, urls.includes(feed.url));
    });
    this.custom = urls.filter(
      (url) => !KNOWN_FEEDS.some((feed) => feed.url === url),
    );
    for (const url of this.customKeys.keys()) {
      if (!this.custom.includes(url)) this.customKeys.delete(url);
    }
    this.renderCustom();
  }

  /** The public keys typed for the chosen feeds, by feed URL. */
  get keys(): Record<string, string> {
    const keys: Record<string, string> = {};
    for (const { url, field } of this.chosenKeyFields()) {
      if (field.value !== "") keys[url] = field.value;
    }
    return keys;
  }

  /** Fills the key fields; call it after setting `feeds`. */
  set keys(keys: Readonly<Record<string, string>>) {
    KNOWN_FEEDS.forEach((feed, index) => {
      this.knownKeys[index]!.value = keys[feed.url] ?? "";
    });
    for (const [url, field] of this.customKeys) field.value = keys[url] ?? "";
  }

  /**
   * Checks the key field of every chosen feed, showing the error on each
   * invalid one, and focuses the first invalid field. Returns whether all
   * are valid or empty.
   */
  validateKeys(): boolean {
    let first: FeedKeyField | undefined;
    for (const { field } of this.chosenKeyFields()) {
      if (!field.validate()) first ??= field;
    }
    first?.focus();
    return first === undefined;
  }

  private chosenKeyFields(): { url: string; field: FeedKeyField }[] {
    const known = KNOWN_FEEDS.flatMap((feed, index) =>
      this.checkbox(index).checked
        ? [{ url: feed.url, field: this.knownKeys[index]! }]
        : [],
    );
    const custom = this.custom.map((url) => ({
      url,
      field: this.customKeyField(url),
    }));
    return [...known, ...custom];
  }

  private customKeyField(url: string): FeedKeyField {
    let field = this.customKeys.get(url);
    if (field === undefined) {
      const id = this.nextCustomId++;
      field = new FeedKeyField(`custom-feed-key-${id}`, `custom-feed-${id}`);
      this.customKeys.set(url, field);
    }
    return field;
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
      label.id = `known-feed-${index}-name`;
      label.textContent = message(feed.nameKey);
      const detail = document.createElement("span");
      detail.className = "detail";
      detail.textContent = message("optionsFeedDetail", [
        feed.format,
        feed.area === "local" ? message("optionsFeedLocal") : feed.area,
        feed.url,
      ]);
      const key = new FeedKeyField(
        `known-feed-key-${index}`,
        label.id,
        feed.publicKey,
      );
      this.knownKeys[index] = key;
      key.element.hidden = true;
      box.addEventListener("change", () => {
        key.element.hidden = !box.checked;
      });
      item.append(box, label, detail, key.element);
      return item;
    });
    this.knownList.replaceChildren(...items);
  }

  private setKnownChecked(index: number, checked: boolean): void {
    this.checkbox(index).checked = checked;
    this.knownKeys[index]!.element.hidden = !checked;
  }

  private renderCustom(): void {
    const items = this.custom.map((url) => {
      const item = document.createElement("li");
      const key = this.customKeyField(url);
      const text = document.createElement("span");
      text.className = "detail";
      text.id = key.feedLabelId;
      text.textContent = url;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = message("optionsRemoveFeed");
      remove.setAttribute(
        "aria-label",
        message("optionsRemoveFeedNamed", [url]),
      );
      remove.addEventListener("click", () => void this.remove(url));
      item.append(text, remove, key.element);
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
        if (known >= 0) this.setKnownChecked(known, true);
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
    this.customKeys.delete(url);
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
