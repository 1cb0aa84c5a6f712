// The service worker: the only code that talks to the backend and to chrome.storage. Pages send
// it one of the MSG messages; it answers {ok, value} or {ok: false, error}.
import { forgetTab, getAnalysisState, startAnalysis } from "./lib/analysis.js";
import { Backend, checkBackendUrl } from "./lib/backend.js";
import { captureTab } from "./lib/capture.js";
import { refreshBadge } from "./lib/badge.js";
import { MSG, UserError } from "./lib/messages.js";
import * as store from "./lib/store.js";

const BADGE_ALARM = "follow-ups-due";
// Follow-ups are due on a date, so checking a few times an hour is plenty.
const BADGE_PERIOD_MINUTES = 30;

// The backend answers {profile: {...}} for the user's own profile.
const profileOf = (answer) =>
  answer && typeof answer === "object" && "profile" in answer ? answer.profile : answer;

async function backend() {
  return new Backend(await store.getSettings());
}

async function handle(message) {
  switch (message.type) {
    case MSG.START_ANALYSIS:
      return startAnalysis(message.tabId, { force: Boolean(message.force) });
    case MSG.GET_ANALYSIS:
      return getAnalysisState(message.tabId);
    case MSG.CHECK_DRAFT:
      return (await backend()).checkDraft(message.text, message.channel, message.analysisId);
    case MSG.SAVE_CONTACT: {
      const contact = await (await backend()).createContact(message.contact);
      refreshBadge();
      return contact;
    }
    case MSG.LIST_CONTACTS:
      return (await backend()).listContacts(Boolean(message.due));
    case MSG.UPDATE_CONTACT: {
      const contact = await (await backend()).updateContact(message.id, message.changes);
      refreshBadge();
      return contact;
    }
    case MSG.GET_PREP:
      return (await backend()).prep(message.id);
    case MSG.GET_SETTINGS:
      return store.getSettings();
    case MSG.SAVE_SETTINGS: {
      const backendUrl = checkBackendUrl(message.backendUrl);
      const settings = await store.saveSettings({
        backendUrl,
        token: String(message.token || "").trim(),
      });
      refreshBadge();
      return settings;
    }
    case MSG.TEST_CONNECTION:
      return testConnection(message.backendUrl, message.token);
    case MSG.GET_ME:
      return getMe();
    case MSG.SAVE_ME:
      return profileOf(await (await backend()).putMe(message.profile));
    case MSG.IMPORT_ME:
      return importMe(message.tabId);
    default:
      throw new Error(`unknown message type: ${message.type}`);
  }
}

async function testConnection(backendUrl, token) {
  const client = new Backend({ backendUrl, token: String(token || "").trim() });
  await client.health();
  await getMeWith(client); // a wrong token fails here
  return { message: `Connected to the backend at ${client.baseUrl}.` };
}

async function getMeWith(client) {
  try {
    return profileOf(await client.getMe());
  } catch (err) {
    if (err.status === 404) return null; // paired, but no profile saved yet
    throw err;
  }
}

async function getMe() {
  return getMeWith(await backend());
}

async function importMe(tabId) {
  const target = Number.isInteger(tabId) ? tabId : await store.lastPopupTab();
  if (target === null) {
    throw new UserError(
      "no_tab",
      "There is no page to import yet.",
      'Open your own profile page, click the Common Ground icon there, then press "This is me".',
    );
  }
  const page = await captureTab(target);
  return profileOf(await (await backend()).importMe(page.url, page.html));
}

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  // Only the extension's own pages may ask; content from web pages never reaches here.
  if (sender.id !== chrome.runtime.id) return false;
  handle(message)
    .then((value) => sendResponse({ ok: true, value: value ?? null }))
    .catch((err) => {
      const error =
        err instanceof UserError
          ? err.toJSON()
          : {
              code: "internal",
              message: String(err?.message || err),
              action: "Reload the extension and try again.",
              command: "",
            };
      if (!(err instanceof UserError)) console.error(err);
      sendResponse({ ok: false, error });
    });
  return true; // answer asynchronously
});

chrome.tabs.onRemoved.addListener((tabId) => {
  forgetTab(tabId);
});

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === BADGE_ALARM) refreshBadge();
});

async function ensureAlarm() {
  if (!(await chrome.alarms.get(BADGE_ALARM))) {
    await chrome.alarms.create(BADGE_ALARM, {
      periodInMinutes: BADGE_PERIOD_MINUTES,
      delayInMinutes: 1,
    });
  }
  refreshBadge();
}

chrome.runtime.onInstalled.addListener(ensureAlarm);
chrome.runtime.onStartup.addListener(ensureAlarm);
