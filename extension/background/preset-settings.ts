/**
 * Settings shipped inside the extension. A build can carry a file
 * `preset-settings.json` beside the manifest, in the format of the
 * `settings` key, for instance to name the feeds of one country. On
 * install, when storage.local has no settings yet, the background copies
 * it there; after that the person's own choices win. The standard builds
 * carry no such file.
 */
import browser from "../common/browser.js";
import {
  normalizeSettings,
  SETTINGS_KEY,
  writeSettings,
} from "../common/settings.js";

export const PRESET_FILE = "preset-settings.json";

/** Copies the preset into storage.local if there is one and no settings yet, and returns whether it did. */
export async function applyPresetSettings(): Promise<boolean> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  if (stored[SETTINGS_KEY] !== undefined) return false;
  let preset: unknown;
  try {
    const response = await fetch(browser.runtime.getURL(PRESET_FILE));
    if (!response.ok) return false;
    preset = await response.json();
  } catch {
    // No preset file in this build, which is the usual case.
    return false;
  }
  await writeSettings(normalizeSettings(preset));
  console.info(`Child Alert: settings taken from ${PRESET_FILE}.`);
  return true;
}
