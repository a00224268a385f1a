/**
 * The floor the widget is measured against: the least a Lit element can
 * do to show alerts. It fetches a feed in the project's JSON form once,
 * parses it with `JSON.parse` and lists the headlines of the first info
 * blocks, with no cache, validation, filtering, layouts or strings. Built
 * like the widget's script (Vite library mode, minified), it gives the
 * size floor; run on a page, the first-render floor.
 */
import { html, LitElement } from "lit";

interface JsonFeedShape {
  alerts: { info: { headline?: string }[] }[];
}

export class FloorAlerts extends LitElement {
  static override properties = {
    feed: {},
    headlines: { state: true },
  };

  feed = "";
  headlines: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    const response = await fetch(this.feed);
    const feed = (await response.json()) as JsonFeedShape;
    this.headlines = feed.alerts.map((alert) => alert.info[0]?.headline ?? "");
  }

  override render() {
    return html`<ul>
      ${this.headlines.map((headline) => html`<li part="headline">${headline}</li>`)}
    </ul>`;
  }
}

customElements.define("floor-alerts", FloorAlerts);
