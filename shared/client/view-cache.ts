import type { StoredAlert } from "../lifecycle/lifecycle-state.js";
import type { AlertView } from "../view/alert-view.js";
import { shownView, type ReaderSettings } from "./reader-settings.js";

/**
 * The views of stored alerts, each built once per stored record and
 * reader's settings. A poll replaces the records it changes with new
 * objects, so only those are built again. Without the cache, every change
 * event built the view of every alert in force. The change events share
 * the views, so a surface must not modify them.
 */
export class ViewCache {
  private views = new WeakMap<StoredAlert, AlertView | null>();
  private settingsKey = "";

  /**
   * Returns a function that returns the view `shownView` builds for a
   * stored alert under `settings`, from the cache where it was built
   * before. A change of settings empties the cache.
   */
  lookup(settings: ReaderSettings): (stored: StoredAlert) => AlertView | null {
    const key = JSON.stringify(settings);
    if (key !== this.settingsKey) {
      this.views = new WeakMap();
      this.settingsKey = key;
    }
    const views = this.views;
    return (stored) => {
      let view = views.get(stored);
      if (view === undefined) {
        view = shownView(stored, settings);
        views.set(stored, view);
      }
      return view;
    };
  }
}
