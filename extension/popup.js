// The popup renders the state the service worker keeps; it holds none of its own beyond what is
// on screen. One click: opening it starts the analysis of the tab (unless one already runs or is
// done), and closing and reopening it shows the same analysis.
import { clear, el, renderError, show } from "./lib/dom.js";
import { ask, MSG } from "./lib/messages.js";
import { renderOpenerChoices } from "./lib/openers-view.js";
import {
  renderAdvice,
  renderNotices,
  renderPerson,
  renderPosts,
  renderReading,
  renderTalkingPoints,
  renderTopics,
} from "./lib/result-view.js";
import { stageLabel, stagePercent } from "./lib/stages.js";

const POLL_MS = 300;
// About two months: long enough not to pester, short enough to be remembered.
const FOLLOW_UP_DAYS = 60;

const $ = (id) => document.getElementById(id);
let tabId = null;
let current = null; // the last state shown
let renderedFor = null; // analysisId whose result is on screen (keeps the user's edits)
let chosen = null; // {opener, text}: the message the user last copied or edited
let pollTimer = null;

async function targetTab() {
  const param = new URLSearchParams(location.search).get("tab");
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function render(state) {
  current = state;
  $("stage").textContent = stageLabel(state);
  $("progress").value = stagePercent(state);
  const failed = state?.status === "failed";
  show($("progress"), !failed); // a half-full bar would suggest it is still going
  if (failed) renderError($("error"), state.error || {});
  else show($("error"), false);
  show($("error-actions"), failed);
  show(
    $("error-settings"),
    failed &&
      ["backend_down", "bad_token", "no_token", "bad_backend_url"].includes(state.error?.code),
  );
  show($("status"), state?.status !== "done");
  if (state?.status === "done") renderResult(state);
  else show($("result"), false);
}

function renderResult(state) {
  show($("result"), true);
  const key = `${state.analysisId}`;
  if (renderedFor === key) return;
  renderedFor = key;
  const result = state.result || {};
  const points = result.talking_points || [];
  renderNotices(result);
  renderPerson(result.profile || {});
  renderTalkingPoints(points);
  renderTopics(result.topics || [], points);
  renderPosts(result.posts || [], points);
  renderReading(result.reading, result.profile || {});
  renderOpenerChoices(result, {
    checkDraft: (text, channel) =>
      ask(MSG.CHECK_DRAFT, { text, channel, analysisId: state.analysisId }),
    onUse: (opener, text) => (chosen = { opener, text }),
    // A new tone or version replaces the cards: the first one is what Save as contact records.
    onShow: (openers) => (chosen = openers[0] ? { opener: openers[0], text: openers[0].text } : null),
  });
  renderAdvice(result.advice || []);
}

async function refresh() {
  clearTimeout(pollTimer);
  try {
    const state = await ask(MSG.GET_ANALYSIS, { tabId });
    if (state) render(state);
    if (!state || ["capturing", "queued", "running"].includes(state.status))
      pollTimer = setTimeout(refresh, POLL_MS);
  } catch (err) {
    render({ status: "failed", error: err });
  }
}

async function start(force = false) {
  try {
    render(await ask(MSG.START_ANALYSIS, { tabId, force }));
  } catch (err) {
    render({ status: "failed", error: err });
    return;
  }
  refresh();
}

// The local date (toISOString would give the UTC one, a day off near midnight).
function addDays(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

async function saveContact() {
  const result = current?.result || {};
  const profile = result.profile || {};
  const status = $("save-status");
  const button = $("save-contact");
  button.disabled = true;
  try {
    const contact = await ask(MSG.SAVE_CONTACT, {
      contact: {
        name: profile.name || "Unknown",
        url: profile.source_url || current.url,
        person_key: current.personKey || undefined,
        analysis_id: current.analysisId || undefined,
        status: "drafted",
        message: chosen?.text || "",
        follow_up_date: addDays(FOLLOW_UP_DAYS),
        notes: chosen ? `Channel: ${chosen.opener.channel}` : "",
      },
    });
    clear(status).append(
      `Saved ${contact?.name || profile.name || "this person"} as a contact. `,
      el("a", { href: "contacts.html", target: "_blank" }, "See contacts"),
    );
    status.className = "ok";
  } catch (err) {
    clear(status).append(`${err.message} ${err.action || ""}`.trim());
    status.className = "bad";
  } finally {
    button.disabled = false;
  }
}

async function thisIsMe() {
  const status = $("save-status");
  try {
    const me = await ask(MSG.IMPORT_ME, { tabId });
    status.textContent = `Saved as your own profile${me?.name ? `: ${me.name}` : ""}. Edit it in Settings.`;
    status.className = "ok";
  } catch (err) {
    status.textContent = `${err.message} ${err.action || ""}`.trim();
    status.className = "bad";
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  $("retry").addEventListener("click", () => {
    renderedFor = null;
    start(true);
  });
  $("error-settings").addEventListener("click", () => chrome.runtime.openOptionsPage());
  $("save-contact").addEventListener("click", saveContact);
  $("this-is-me").addEventListener("click", thisIsMe);
  tabId = await targetTab();
  if (tabId === null) {
    render({
      status: "failed",
      error: {
        message: "There is no tab to analyse.",
        action: "Open a profile page and click the Common Ground icon there.",
      },
    });
    return;
  }
  // Settings' "This is me" imports the tab this popup was opened on.
  $("open-options").href = `options.html?tab=${tabId}`;
  start(false);
});
