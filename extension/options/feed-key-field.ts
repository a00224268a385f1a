/**
 * The "Publisher's public key" field of one feed in the options page. The
 * key is optional. A key that the client cannot read gets an error on the
 * field, linked with `aria-describedby`, and the form is not saved.
 */
import { isPublicKeyText } from "../common/feed-key-settings.js";
import { message } from "../common/page-i18n.js";

/** Id of the paragraph that explains the key fields, shared by all of them. */
export const FEED_KEY_HELP_ID = "feed-key-help";

export class FeedKeyField {
  /** The label, input and error, to insert in the feed's list item. */
  readonly element: HTMLDivElement;
  /** Id of the element that names the feed, which names this field's group. */
  readonly feedLabelId: string;
  private readonly input: HTMLInputElement;
  private readonly error: HTMLParagraphElement;
  /** True when the key is built into the extension and cannot be edited. */
  private readonly builtIn: boolean;

  /**
   * Creates the field with input id `id` for the feed named by the element
   * `feedLabelId`. The field is a group labelled by the feed's name, so a
   * screen reader tells the key fields of several feeds apart. With
   * `builtInKey`, the field shows that key read-only, with a note that it
   * comes with the extension.
   */
  constructor(id: string, feedLabelId: string, builtInKey?: string) {
    this.builtIn = builtInKey !== undefined;
    this.feedLabelId = feedLabelId;
    this.element = document.createElement("div");
    this.element.className = "feed-key";
    this.element.setAttribute("role", "group");
    this.element.setAttribute("aria-labelledby", feedLabelId);

    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = message("optionsFeedKey");

    this.input = document.createElement("input");
    this.input.id = id;
    this.input.type = "text";
    this.input.autocomplete = "off";
    this.input.spellcheck = false;
    this.input.dir = "ltr";

    this.error = document.createElement("p");
    this.error.id = `${id}-error`;
    this.error.className = "error";
    this.error.setAttribute("role", "alert");
    this.input.setAttribute(
      "aria-describedby",
      `${FEED_KEY_HELP_ID} ${this.error.id}`,
    );
    this.element.append(label, this.input);

    if (builtInKey !== undefined) {
      this.input.value = builtInKey;
      this.input.readOnly = true;
      const note = document.createElement("p");
      note.id = `${id}-built-in`;
      note.className = "help";
      note.textContent = message("optionsFeedKeyBuiltIn");
      this.input.setAttribute(
        "aria-describedby",
        `${note.id} ${this.error.id}`,
      );
      this.element.append(note);
    } else {
      this.input.addEventListener("change", () => this.validate());
    }
    this.element.append(this.error);
  }

  /** The key typed, trimmed, or "" when empty or built in, because a built-in key is not a setting. */
  get value(): string {
    return this.builtIn ? "" : this.input.value.trim();
  }

  set value(key: string) {
    if (this.builtIn) return;
    this.input.value = key;
    this.setInvalid(false);
  }

  /** Shows or clears the error for the typed key, and returns whether the key is valid or empty. */
  validate(): boolean {
    const key = this.value;
    const valid = key === "" || isPublicKeyText(key);
    this.setInvalid(!valid);
    return valid;
  }

  focus(): void {
    this.input.focus();
  }

  private setInvalid(invalid: boolean): void {
    this.error.textContent = invalid ? message("optionsFeedKeyInvalid") : "";
    if (invalid) this.input.setAttribute("aria-invalid", "true");
    else this.input.removeAttribute("aria-invalid");
  }
}
