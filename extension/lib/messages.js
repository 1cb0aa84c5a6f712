// Message IDs between the extension pages and the service worker. The service worker is the only
// part that talks to the backend and to chrome.storage; pages send one of these and render the
// answer. Every answer is {ok: true, value} or {ok: false, error: {code, message, action}}.
export const MSG = Object.freeze({
  START_ANALYSIS: "analysis/start", // {tabId, force?} -> analysis state
  GET_ANALYSIS: "analysis/get", // {tabId} -> analysis state | null
  CHECK_DRAFT: "drafts/check", // {text, channel, analysisId} -> {findings}
  SAVE_CONTACT: "contacts/save", // {contact} -> contact
  LIST_CONTACTS: "contacts/list", // {due?} -> [contact]
  UPDATE_CONTACT: "contacts/update", // {id, changes} -> contact
  GET_PREP: "contacts/prep", // {id} -> {markdown, follow_up}
  GET_SETTINGS: "settings/get", // {} -> {backendUrl, token}
  SAVE_SETTINGS: "settings/save", // {backendUrl, token} -> settings
  TEST_CONNECTION: "settings/test", // {backendUrl, token} -> {message}
  GET_ME: "me/get", // {} -> profile | null
  SAVE_ME: "me/save", // {profile} -> profile
  IMPORT_ME: "me/import", // {tabId?} -> profile
});

// Open a page of the extension: sends the message and unwraps the answer, throwing the
// user-readable error so that callers can show it.
export async function ask(type, payload = {}) {
  const answer = await chrome.runtime.sendMessage({ type, ...payload });
  if (!answer)
    throw new UserError(
      "no_answer",
      "The extension did not answer.",
      "Reload the extension on chrome://extensions and try again.",
    );
  if (!answer.ok) throw UserError.from(answer.error);
  return answer.value;
}

// What the user can do, by the action code the backend sends with every error and note
// (server/errors.py ACTIONS; tests/server/test_errors.py keeps the two lists in step). "none":
// the message says it all.
export const ADVICE = {
  none: "",
  open_profile:
    "Open a person's profile page (LinkedIn, GitHub or a personal site with their name) and click the Common Ground icon there.",
  check_address: "Check that the page opens in your browser, then try again.",
  public_pages_only:
    "Common Ground only reads public web pages; open the person's public profile instead.",
  retry: "Try again in a moment.",
  see_server_log:
    "Try again; if it fails again, the terminal running `commonground serve` shows what went wrong.",
  reinstall: "Reinstall Common Ground's model package (see the README, Setup).",
  pair: "Copy the token from `commonground token` into the extension's options.",
  set_own_profile: "Add your own profile in the extension's options.",
  fix_request: "Reload the extension; if it happens again, please report it.",
};
export const DEFAULT_ADVICE =
  "Try again; if it keeps failing, the terminal running `commonground serve` shows why.";

// The advice for an action code; an unknown code (a newer backend) gets the general advice.
export function adviceFor(action) {
  return Object.hasOwn(ADVICE, action) ? ADVICE[action] : DEFAULT_ADVICE;
}

// An error a user can act on: what happened (message) and what to do (action).
export class UserError extends Error {
  constructor(code, message, action = "", command = "") {
    super(message);
    this.code = code;
    this.action = action;
    this.command = command;
  }

  static from(obj) {
    return new UserError(
      obj?.code || "error",
      obj?.message || "Something went wrong.",
      obj?.action || "",
      obj?.command || "",
    );
  }

  toJSON() {
    return { code: this.code, message: this.message, action: this.action, command: this.command };
  }
}
