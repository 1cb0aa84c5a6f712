// Runs one analysis per tab: capture the DOM, POST it, poll until done, keep the state in
// chrome.storage.session so the popup can be closed and reopened at any point.
import { Backend } from "./backend.js";
import { captureTab } from "./capture.js";
import { DEFAULT_ADVICE, UserError, adviceFor } from "./messages.js";
import * as store from "./store.js";

const POLL_INTERVAL_MS = 500;
const RUNNING = new Set(["capturing", "queued", "running"]);

const TIMEOUT_ADVICE =
  "Try again. A slow or very large blog can take long; the backend's terminal shows where it stopped.";

// Which poll loop owns each tab in this worker's lifetime; a restarted worker has none and
// resumes polling when a popup asks for the state.
const pollers = new Map();

// The backend writes messages as lower-case clauses; the popup shows them as sentences.
export function sentence(text) {
  const s = String(text || "").trim();
  if (!s) return s;
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? "" : ".");
}

export const isRunning = (state) => Boolean(state && RUNNING.has(state.status));

function failureFrom(error) {
  if (error instanceof UserError)
    return {
      ...error.toJSON(),
      message: sentence(error.message),
      action: error.action || "",
    };
  if (error && typeof error === "object" && error.message) {
    // A failure the backend reported: its action code says what the user can do.
    return {
      code: error.code || "analysis_failed",
      message: sentence(error.message),
      action: adviceFor(error.action),
      command: "",
    };
  }
  if (typeof error === "string" && error) {
    return {
      code: "analysis_failed",
      message: sentence(error),
      action: DEFAULT_ADVICE,
      command: "",
    };
  }
  console.error("analysis failed", error);
  return {
    code: "internal",
    message: `Something unexpected went wrong: ${String(error?.message || error)}.`,
    action: "Try again; if it happens again, reload the extension.",
    command: "",
  };
}

async function update(state, changes) {
  Object.assign(state, changes, { updatedAt: Date.now() });
  await store.putAnalysis(state);
  return state;
}

export async function startAnalysis(tabId, { force = false } = {}) {
  await store.rememberPopupTab(tabId);
  const existing = await store.getAnalysis(tabId);
  if (existing && !force && existing.status !== "failed" && !(await tabMovedOn(tabId, existing))) {
    if (isRunning(existing)) resumePolling(existing);
    return existing;
  }
  const state = {
    tabId,
    url: null,
    analysisId: null,
    status: "capturing",
    stage: "capturing",
    done: 0,
    total: 0,
    result: null,
    error: null,
    startedAt: Date.now(),
    updatedAt: Date.now(),
  };
  await store.putAnalysis(state);
  const ticket = Symbol(String(tabId));
  pollers.set(tabId, ticket);
  run(state, ticket); // not awaited: the popup polls the stored state
  return state;
}

export async function getAnalysisState(tabId) {
  const state = await store.getAnalysis(tabId);
  if (isRunning(state)) resumePolling(state);
  return state;
}

// A tab that navigated elsewhere needs a new analysis. tab.url is only visible where the
// extension has access, which it has for the tab the user clicked on.
async function tabMovedOn(tabId, state) {
  try {
    const tab = await chrome.tabs.get(tabId);
    return Boolean(tab.url && state.url && tab.url !== state.url);
  } catch {
    return false;
  }
}

function resumePolling(state) {
  if (pollers.has(state.tabId) || !state.analysisId) return;
  const ticket = Symbol(String(state.tabId));
  pollers.set(state.tabId, ticket);
  store
    .getSettings()
    .then((settings) => poll(state, new Backend(settings), settings, ticket))
    .catch((err) => fail(state, err, ticket));
}

async function run(state, ticket) {
  try {
    const settings = await store.getSettings();
    const backend = new Backend(settings);
    if (!settings.token) {
      // Say "not paired" only once the backend is known to run; otherwise its absence is the news.
      await backend.health();
      await backend.request("GET", "/api/me");
    }
    const page = await captureTab(state.tabId, {
      // A LinkedIn profile whose lazy sections have not loaded is scrolled first (up to 3 s).
      onLoadingSections: () => update(state, { stage: "loading_sections" }),
    });
    await update(state, { url: page.url, status: "queued", stage: "queued" });
    const { id, person_key: personKey } = await backend.startAnalysis(page.url, page.html);
    await update(state, { analysisId: id, personKey: personKey || null });
    await poll(state, backend, settings, ticket);
  } catch (err) {
    await fail(state, err, ticket);
  }
}

async function fail(state, err, ticket) {
  if (pollers.get(state.tabId) !== ticket) return;
  pollers.delete(state.tabId);
  await update(state, { status: "failed", error: failureFrom(err) });
}

async function poll(state, backend, settings, ticket) {
  const deadline = state.startedAt + settings.timeoutSeconds * 1000;
  try {
    while (pollers.get(state.tabId) === ticket) {
      let job;
      try {
        job = await backend.getAnalysis(state.analysisId);
      } catch (err) {
        if (err.status === 404) {
          throw new UserError(
            "analysis_lost",
            "The backend no longer knows this analysis; it was probably restarted.",
            "Click Try again to start a new one.",
          );
        }
        throw err;
      }
      if (pollers.get(state.tabId) !== ticket) return;
      if (job.status === "done") {
        pollers.delete(state.tabId);
        await update(state, {
          status: "done",
          stage: "done",
          done: job.total || job.done || 0,
          total: job.total || 0,
          result: job.result || {},
        });
        return;
      }
      if (job.status === "failed") throw job.error || "The analysis failed.";
      // Checked after asking, so a popup reopened late still shows an analysis that finished.
      if (Date.now() > deadline) {
        const minutes =
          settings.timeoutSeconds >= 120
            ? `${Math.round(settings.timeoutSeconds / 60)} minutes`
            : `${settings.timeoutSeconds} seconds`;
        throw new UserError(
          "timeout",
          `The analysis timed out: it took longer than ${minutes}.`,
          TIMEOUT_ADVICE,
        );
      }
      await update(state, {
        status: job.status === "queued" ? "queued" : "running",
        stage: job.stage || job.status,
        done: job.done || 0,
        total: job.total || 0,
      });
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  } catch (err) {
    await fail(state, err, ticket);
  }
}

export function forgetTab(tabId) {
  pollers.delete(tabId);
  return store.forgetAnalysis(tabId);
}
