import browser from "../common/browser.js";

/** Alert red, with white text, which meets WCAG contrast for the badge's digits. */
const BADGE_COLOUR = "#b3261e";

/** Shows the number of alerts that concern the person on the toolbar button; none shows nothing. */
export async function showAlertCount(count: number): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOUR });
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : "" });
}
