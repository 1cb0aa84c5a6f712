// chrome.storage access, used only by the service worker. Settings live in storage.local (they
// survive restarts); analyses live in storage.session keyed by tab, so a popup can be closed and
// reopened without losing one, and nothing about the people analysed outlives the browser session.
import { DEFAULT_BACKEND_URL } from "./backend.js";

const SETTINGS_KEY = "settings";
const analysisKey = (tabId) => `analysis:${tabId}`;

export async function getSettings() {
  const { [SETTINGS_KEY]: saved } = await chrome.storage.local.get(SETTINGS_KEY);
  return {
    backendUrl: saved?.backendUrl || DEFAULT_BACKEND_URL,
    token: saved?.token || "",
    // How long an analysis may take before the popup gives up on it.
    timeoutSeconds: Number(saved?.timeoutSeconds) > 0 ? Number(saved.timeoutSeconds) : 180,
  };
}

export async function saveSettings(changes) {
  const current = await getSettings();
  const next = { ...current, ...changes };
  await chrome.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

export async function getAnalysis(tabId) {
  const key = analysisKey(tabId);
  const { [key]: state } = await chrome.storage.session.get(key);
  return state || null;
}

export async function putAnalysis(state) {
  await chrome.storage.session.set({ [analysisKey(state.tabId)]: state });
  return state;
}

export async function forgetAnalysis(tabId) {
  await chrome.storage.session.remove(analysisKey(tabId));
}

// The tab the user last opened the popup on: the one "This is me" in Settings imports, since
// clicking the icon is what grants the extension access to that tab (activeTab).
export async function rememberPopupTab(tabId) {
  await chrome.storage.session.set({ lastPopupTab: tabId });
}

export async function lastPopupTab() {
  const { lastPopupTab: tabId } = await chrome.storage.session.get("lastPopupTab");
  return Number.isInteger(tabId) ? tabId : null;
}
