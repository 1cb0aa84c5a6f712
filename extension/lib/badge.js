// The number on the extension icon: how many follow-ups are due today or earlier.
import { Backend } from "./backend.js";
import * as store from "./store.js";

const BADGE_COLOR = "#b45309";

export async function refreshBadge() {
  let count = 0;
  try {
    const settings = await store.getSettings();
    if (settings.token) {
      const due = await new Backend(settings).listContacts(true);
      count = Array.isArray(due)
        ? due.length
        : Array.isArray(due?.contacts)
          ? due.contacts.length
          : 0;
    }
  } catch (err) {
    // No backend or no token: the badge just stays empty; the popup explains the problem.
    console.info("follow-up badge not refreshed:", err?.message || err);
  }
  await chrome.action.setBadgeBackgroundColor({ color: BADGE_COLOR });
  await chrome.action.setBadgeText({ text: count > 0 ? String(count) : "" });
  await chrome.action.setTitle({
    title:
      count > 0
        ? `Common Ground: ${count} follow-up${count === 1 ? "" : "s"} due`
        : "Common Ground: find common ground with this person",
  });
  return count;
}
