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
