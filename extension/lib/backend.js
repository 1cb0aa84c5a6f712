// The backend client. Only the service worker imports this module: it alone talks to the
// backend, so the token never reaches a page.
import { UserError, adviceFor } from "./messages.js";

export const DEFAULT_BACKEND_URL = "http://127.0.0.1:8765";
const REQUEST_TIMEOUT_MS = 15000;

// Host permissions cover only this machine; a backend elsewhere would be blocked by the browser
// anyway, so say so before trying.
export function checkBackendUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(
      "bad_backend_url",
      `"${url}" is not a URL.`,
      "Enter the backend's address, for example http://127.0.0.1:8765.",
    );
  }
  if (parsed.protocol !== "http:" || !["127.0.0.1", "localhost"].includes(parsed.hostname)) {
    throw new UserError(
      "bad_backend_url",
      `The backend must run on this machine; ${url} does not.`,
      "Use http://127.0.0.1:<port> or http://localhost:<port>.",
    );
  }
  return parsed.origin;
}

export function backendDown(baseUrl) {
  return new UserError(
    "backend_down",
    `The Common Ground backend is not running at ${baseUrl}.`,
    "Start it in a terminal with the command below, then try again. If it runs on another port, set its address in Settings.",
    "commonground serve",
  );
}

export function badToken() {
  return new UserError(
    "bad_token",
    "The backend refused the pairing token.",
    "Print the right one with the command below and paste it in Settings.",
    "commonground token",
  );
}

export function noToken() {
  return new UserError(
    "no_token",
    "The extension is not paired with the backend yet.",
    "Print the pairing token with the command below and paste it in Settings.",
    "commonground token",
  );
}

export class Backend {
  constructor({ backendUrl, token }) {
    this.baseUrl = checkBackendUrl(backendUrl || DEFAULT_BACKEND_URL);
    this.token = token || "";
  }

  async request(method, path, body = undefined, { auth = true } = {}) {
    if (auth && !this.token) throw noToken();
    const headers = { Accept: "application/json" };
    if (auth) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        credentials: "omit",
        cache: "no-store",
      });
    } catch (err) {
      if (err?.name === "TimeoutError") {
        throw new UserError(
          "backend_slow",
          `The backend at ${this.baseUrl} did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds.`,
          "Check the terminal where `commonground serve` runs, then try again.",
        );
      }
      throw backendDown(this.baseUrl);
    }
    let data = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (response.status === 401) throw badToken();
    if (!response.ok) {
      const e = data?.error || {};
      const err = new UserError(
        e.code || `http_${response.status}`,
        e.message || `The backend answered ${response.status} to ${method} ${path}.`,
        e.action
          ? adviceFor(e.action)
          : response.status === 503
            ? "Wait a few seconds and try again."
            : "",
      );
      err.status = response.status;
      throw err;
    }
    return data;
  }

  health() {
    return this.request("GET", "/api/health", undefined, { auth: false });
  }
  startAnalysis(url, html) {
    return this.request("POST", "/api/analyses", { url, html });
  }
  getAnalysis(id) {
    return this.request("GET", `/api/analyses/${encodeURIComponent(id)}`);
  }
  getMe() {
    return this.request("GET", "/api/me");
  }
  putMe(profile) {
    return this.request("PUT", "/api/me", profile);
  }
  importMe(url, html) {
    return this.request("POST", "/api/me/import", { url, html });
  }
  checkDraft(text, channel, analysisId) {
    const body = { text, channel };
    if (analysisId) body.analysis_id = analysisId;
    return this.request("POST", "/api/drafts/check", body);
  }
  listContacts(due = false) {
    return this.request("GET", due ? "/api/contacts?due=1" : "/api/contacts");
  }
  createContact(contact) {
    return this.request("POST", "/api/contacts", contact);
  }
  updateContact(id, changes) {
    return this.request("PATCH", `/api/contacts/${encodeURIComponent(id)}`, changes);
  }
  prep(id) {
    return this.request("GET", `/api/contacts/${encodeURIComponent(id)}/prep`);
  }
}
