// The opener cards: editable text with a live count against the channel's limit, the swap-test
// verdict, the facts used, Copy, and "Check my draft" with the findings marked in the text.
import { clear, copyText, el, renderError } from "./dom.js";

// Mirrors insights.models.CHANNEL_LIMITS (LinkedIn's connection-note limit, sensible message sizes).
export const CHANNEL_LIMITS = { connection_note: 300, message: 1000, email: 2000 };
const CHANNEL_LABELS = { connection_note: "Connection note", message: "Message", email: "Email" };
const COPIED_FOR_MS = 2000;

let cardCount = 0;

// Tone and "Another version": the result carries every tone of every version
// (result.opener_versions), so switching is instant and needs no request. A version changes the
// shared fact or the post the openers are built on, not only the wording.
export function renderOpenerChoices(result, handlers) {
  const versions = result.opener_versions || [];
  const choices = document.getElementById("opener-choices");
  const tone = document.getElementById("tone");
  const another = document.getElementById("another-version");
  const label = document.getElementById("version-label");
  let index = 0;
  const show = () => {
    const version = versions[index];
    const openers = version?.tones?.[tone.value] || result.openers || [];
    renderOpeners(openers, handlers);
    label.textContent = version ? versionLabel(version, index, versions.length) : "";
    handlers.onShow?.(openers);
  };
  choices.hidden = !versions.length;
  another.disabled = versions.length < 2;
  another.title =
    versions.length < 2 ? "There is only one thing specific enough to build an opener on." : "";
  tone.onchange = show;
  another.onclick = () => {
    index = (index + 1) % versions.length;
    show();
  };
  show();
}

export function versionLabel(version, index, count) {
  const parts = [];
  if (version.anchor) parts.push(`shared: ${version.anchor}`);
  if (version.post_title) parts.push(`post: “${version.post_title}”`);
  return `Version ${index + 1} of ${count}${parts.length ? ` (${parts.join("; ")})` : ""}`;
}

// onUse(opener, text) is called when the user copies or edits a card: Save as contact records
// the message the user actually chose.
export function renderOpeners(openers, { checkDraft, onUse }) {
  const box = clear(document.getElementById("openers"));
  if (!openers.length) {
    box.append(
      el(
        "p",
        { class: "muted" },
        "No openers: the analysis found nothing specific enough to write about.",
      ),
    );
  }
  for (const opener of openers) box.append(openerCard(opener, { checkDraft, onUse }));
}

function openerCard(opener, { checkDraft, onUse }) {
  const n = ++cardCount;
  const limit = CHANNEL_LIMITS[opener.channel] || 1000;
  const label = CHANNEL_LABELS[opener.channel] || opener.channel;
  const textId = `opener-text-${n}`;
  const countId = `opener-count-${n}`;
  const subject =
    opener.subject != null
      ? el("input", {
          class: "opener-subject",
          type: "text",
          id: `opener-subject-${n}`,
          "aria-label": `${label} subject`,
        })
      : null;
  if (subject) subject.value = opener.subject;
  const text = el("textarea", {
    class: "opener-text",
    id: textId,
    rows: opener.channel === "connection_note" ? 5 : 8,
    "aria-describedby": countId,
  });
  text.value = opener.text || "";
  const count = el("span", { class: "count", id: countId, "aria-live": "polite" });
  const marked = el("div", {
    class: "marked",
    hidden: true,
    "aria-label": "Your draft with the findings marked",
  });
  const findings = el("ul", { class: "findings", "aria-live": "polite" });
  const copy = el("button", { type: "button", class: "copy" }, "Copy");
  const check = el("button", { type: "button", class: "check-draft secondary" }, "Check my draft");
  const error = el("div", { class: "card-error", role: "alert", hidden: true });
  const swap = opener.swap_test || {};
  const verdict = swap.passed
    ? `Passes the swap test: ${Math.round((swap.score || 0) * 100)}% of it is about this person.`
    : "Fails the swap test: it would still make sense sent to someone else. Add something only they would recognise.";

  const updateCount = () => {
    const length = text.value.length;
    count.textContent = `${length} / ${limit}`;
    count.classList.toggle("over", length > limit);
    count.title =
      length > limit ? `${length - limit} characters over the ${label.toLowerCase()} limit` : "";
  };
  updateCount();
  const verdictNode = el(
    "p",
    { class: swap.passed ? "swap-verdict passed" : "swap-verdict failed" },
    verdict,
  );
  text.addEventListener("input", () => {
    updateCount();
    marked.hidden = true; // the marks refer to the text as it was checked
    // The verdict was for the suggested text; say so rather than vouch for the edit.
    verdictNode.textContent =
      "You edited the text: press Check my draft to run the swap test on your version.";
    verdictNode.className = "swap-verdict stale";
    onUse(opener, text.value);
  });
  text.addEventListener("focus", () => onUse(opener, text.value));

  copy.addEventListener("click", async () => {
    const full = subject ? `Subject: ${subject.value}\n\n${text.value}` : text.value;
    const ok = await copyText(full);
    copy.textContent = ok ? "Copied" : "Copy failed: select the text and press Ctrl+C";
    onUse(opener, text.value);
    setTimeout(() => (copy.textContent = "Copy"), COPIED_FOR_MS);
  });

  check.addEventListener("click", async () => {
    check.disabled = true;
    error.hidden = true;
    const checked = text.value;
    try {
      const answer = await checkDraft(checked, opener.channel);
      const found = answer?.findings || [];
      showFindings(found, checked, { findings, marked, text });
      const failedSwap = found.find((f) => f.code === "swap_test_failed");
      verdictNode.textContent = failedSwap
        ? "Your draft fails the swap test: it would still make sense sent to someone else."
        : "Your draft passes the swap test.";
      verdictNode.className = failedSwap ? "swap-verdict failed" : "swap-verdict passed";
    } catch (err) {
      renderError(error, err);
    } finally {
      check.disabled = false;
    }
  });

  return el(
    "article",
    { class: "opener", "data-channel": opener.channel, "aria-labelledby": `opener-h-${n}` },
    el("h4", { class: "channel", id: `opener-h-${n}` }, label),
    subject ? el("label", { for: subject.id, class: "small" }, "Subject") : null,
    subject,
    el("label", { for: textId, class: "visually-hidden" }, `${label} text`),
    text,
    el("div", { class: "row" }, count, el("span", { class: "spacer" }), check, copy),
    verdictNode,
    el(
      "div",
      { class: "facts-box", hidden: !(opener.facts || []).length },
      el("span", { class: "small muted" }, "Facts used:"),
      el(
        "ul",
        { class: "facts" },
        (opener.facts || []).map((f) => el("li", {}, f)),
      ),
    ),
    error,
    marked,
    findings,
  );
}

function showFindings(items, checked, { findings, marked, text }) {
  clear(findings);
  if (!items.length) {
    findings.append(el("li", { class: "ok" }, "No problems found."));
    marked.hidden = true;
    return;
  }
  for (const f of items) {
    const hasRange = Number.isInteger(f.start) && Number.isInteger(f.end) && f.end > f.start;
    const item = el(
      "li",
      { class: "finding", "data-code": f.code || "" },
      el("span", { class: "finding-message" }, f.message || f.code),
      f.suggestion ? el("span", { class: "finding-suggestion" }, ` ${f.suggestion}`) : null,
    );
    if (hasRange) {
      // Select the flagged words in the box, so the user can retype them right there.
      const select = el("button", { type: "button", class: "link show-in-text" }, "Show");
      select.addEventListener("click", () => {
        text.focus();
        text.setSelectionRange(f.start, f.end);
      });
      item.append(" ", select);
    }
    findings.append(item);
  }
  renderMarked(marked, checked, items);
}

// The checked text with each flagged range wrapped in <mark>, built from text nodes.
function renderMarked(box, textValue, items) {
  const ranges = items
    .filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.end > f.start)
    .sort((a, b) => a.start - b.start);
  clear(box);
  if (!ranges.length) {
    box.hidden = true;
    return;
  }
  let at = 0;
  for (const f of ranges) {
    if (f.start < at) continue; // overlapping ranges: the first one wins
    box.append(textValue.slice(at, f.start));
    box.append(el("mark", { title: f.message || "" }, textValue.slice(f.start, f.end)));
    at = f.end;
  }
  box.append(textValue.slice(at));
  box.hidden = false;
}
