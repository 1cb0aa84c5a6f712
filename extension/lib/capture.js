// Captures a tab's DOM as the user sees it (LinkedIn included: the backend never fetches
// LinkedIn itself, it reads what the user's own browser shows). A LinkedIn profile whose lazy
// sections have not loaded yet is scrolled first (see lazy-sections.js).
import { profileSectionsInPage, SECTION_BUDGET_MS } from "./lazy-sections.js";
import { UserError } from "./messages.js";

function cannotRead(detail) {
  return new UserError(
    "cannot_read_page",
    `Common Ground cannot read this tab${detail ? ` (${detail})` : ""}.`,
    "Open a person's profile page (LinkedIn, GitHub or a personal site) in a normal tab and click the Common Ground icon there.",
  );
}

async function inPage(tabId, func, args = []) {
  let results;
  try {
    results = await chrome.scripting.executeScript({ target: { tabId }, func, args });
  } catch (err) {
    throw cannotRead(String(err?.message || err).replace(/\.$/, ""));
  }
  return results?.[0]?.result;
}

// onLoadingSections(missing) is called before the profile is scrolled, so the popup can say so.
export async function captureTab(tabId, { onLoadingSections } = {}) {
  const missing = await inPage(tabId, profileSectionsInPage, ["missing", 0]);
  let page;
  if (Array.isArray(missing) && missing.length) {
    await onLoadingSections?.(missing);
    page = await inPage(tabId, profileSectionsInPage, ["load", SECTION_BUDGET_MS]);
  } else {
    // Only reads, never changes the page.
    page = await inPage(tabId, () => ({
      url: location.href,
      html: document.documentElement.outerHTML,
    }));
  }
  if (!page || typeof page.html !== "string") throw cannotRead("it returned nothing");
  if (!/^https?:/.test(page.url)) throw cannotRead("browser pages and files are off-limits");
  return { url: page.url, html: page.html };
}
