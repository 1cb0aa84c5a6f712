// Captures a tab's DOM as the user sees it (LinkedIn included: the backend never fetches
// LinkedIn itself, it reads what the user's own browser shows).
import { UserError } from "./messages.js";

function cannotRead(detail) {
  return new UserError(
    "cannot_read_page",
    `Common Ground cannot read this tab${detail ? ` (${detail})` : ""}.`,
    "Open a person's profile page (LinkedIn, GitHub or a personal site) in a normal tab and click the Common Ground icon there.",
  );
}

export async function captureTab(tabId) {
  let results;
  try {
    results = await chrome.scripting.executeScript({
      target: { tabId },
      // Runs in the page: only reads, never changes it.
      func: () => ({ url: location.href, html: document.documentElement.outerHTML }),
    });
  } catch (err) {
    throw cannotRead(String(err?.message || err).replace(/\.$/, ""));
  }
  const page = results?.[0]?.result;
  if (!page || typeof page.html !== "string") throw cannotRead("it returned nothing");
  if (!/^https?:/.test(page.url)) throw cannotRead("browser pages and files are off-limits");
  return page;
}
