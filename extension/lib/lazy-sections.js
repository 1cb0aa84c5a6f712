// LinkedIn loads a profile's Experience, Education and Skills cards only when they scroll into
// view, so a page captured as it opened shows the top card and About alone. Before capturing, the
// extension scrolls the profile the user has open in their own tab until those cards are there or
// the page ends (at most SECTION_BUDGET_MS), captures it, and puts the scroll back where it was.
// It never opens or fetches another page.

export const SECTION_BUDGET_MS = 3000;

// Runs inside the page (chrome.scripting.executeScript serialises it), so it is self-contained:
// no imports, no outside variables.
//   action "missing": which of experience, education and skills the open profile does not show
//     yet ([] for a page that is not a LinkedIn profile, or shows them all);
//   action "load": scroll until none is missing or the page ends, within budgetMs; capture the
//     page before scrolling back (LinkedIn may drop cards far from view), then restore every
//     scroll position it changed. Returns {url, html, missing}.
export async function profileSectionsInPage(action, budgetMs) {
  const CARD = "com.linkedin.sdui.profile.card.ref";
  const ENTRIES =
    '[componentkey^="entity-collection-item"], [componentkey^="com.linkedin.sdui.profile.skill("]';
  // 2026 layout: a card is the element whose componentkey ends with its section's name (never
  // its heading, which is in the viewer's language), there once it has entries.
  // Classic layout: the card's anchor (id="experience").
  const SECTIONS = [
    ["experience", /Experience\w*$/],
    ["education", /Education\w*$/],
    ["skills", /Skills?\w*$/],
  ];
  const STEP_PAUSE_MS = 120; // long enough for an IntersectionObserver to fire and a card to render
  // At the bottom, the page may still be fetching the next cards: it is given up to
  // END_CHECKS pauses to grow before a section is called missing.
  const END_PAUSE_MS = 250;
  const END_CHECKS = 6;

  const cards = () => [...document.querySelectorAll(`[componentkey^="${CARD}"]`)];
  const onClassicProfile = () =>
    /(^|\.)linkedin\.com$/.test(location.hostname) &&
    /^\/in\/[^/]+\/?$/.test(location.pathname) &&
    Boolean(document.querySelector("main h1"));
  const missing = () => {
    const all = cards();
    if (!all.length) {
      if (!onClassicProfile()) return [];
      return SECTIONS.map(([name]) => name).filter((name) => !document.getElementById(name));
    }
    return SECTIONS.filter(([, suffix]) => {
      const card = all.find((c) => {
        const key = c.getAttribute("componentkey").slice(CARD.length);
        return suffix.test(key) && !/Volunteer/.test(key);
      });
      return !card || !card.querySelector(ENTRIES);
    }).map(([name]) => name);
  };
  if (action === "missing") return missing();

  const started = performance.now();
  // Never past the budget: a pause is cut to the time that is left.
  const sleep = (ms) =>
    new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Math.min(ms, budgetMs - (performance.now() - started)))),
    );
  // What scrolls the profile: the document, and any ancestor of its top card that scrolls its
  // own content (LinkedIn's 2026 layout scrolls <main id="workspace">, not the window).
  const scrollers = [document.scrollingElement || document.documentElement];
  const anchor = cards()[0] || document.querySelector("main h1");
  for (
    let el = anchor?.parentElement;
    el && el !== document.documentElement;
    el = el.parentElement
  ) {
    const style = getComputedStyle(el);
    if (/(auto|scroll|overlay)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      scrollers.push(el);
    }
  }
  const saved = scrollers.map((el) => [el, el.scrollTop, el.scrollLeft]);
  let endChecks = 0;
  try {
    while (missing().length && performance.now() - started < budgetMs) {
      let moved = false;
      for (const el of scrollers) {
        const before = el.scrollTop;
        const step = Math.max(200, Math.round(el.clientHeight * 0.9));
        el.scrollTo({ top: before + step, behavior: "instant" });
        if (el.scrollTop > before) moved = true;
      }
      if (moved) {
        endChecks = 0;
        await sleep(STEP_PAUSE_MS);
      } else {
        if (++endChecks > END_CHECKS) break; // the page ends here and has stopped growing
        await sleep(END_PAUSE_MS);
      }
    }
    return { url: location.href, html: document.documentElement.outerHTML, missing: missing() };
  } finally {
    for (const [el, top, left] of saved) el.scrollTo({ top, left, behavior: "instant" });
  }
}
