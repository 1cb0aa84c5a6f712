// Settings: where the backend is, the pairing token, and the user's own profile.
import { ask, MSG } from "./lib/messages.js";

const $ = (id) => document.getElementById(id);
const EMPTY_PROFILE = {
  name: "",
  headline: "",
  location: "",
  about: "",
  experience: [],
  education: [],
  skills: [],
  interests: [],
  websites: [],
  source_url: null,
  goal: null,
  ask: null,
};
let profile = { ...EMPTY_PROFILE };

function say(id, text, ok) {
  const node = $(id);
  node.textContent = text;
  node.className = ok ? "ok" : "bad";
}

const sayError = (id, err) =>
  say(
    id,
    [err.message, err.action, err.command ? `Command: ${err.command}` : ""]
      .filter(Boolean)
      .join(" "),
    false,
  );

const list = (text) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function showProfile(p) {
  profile = { ...EMPTY_PROFILE, ...(p || {}) };
  $("me-name").value = profile.name || "";
  $("me-headline").value = profile.headline || "";
  $("me-location").value = profile.location || "";
  $("me-skills").value = (profile.skills || []).join(", ");
  $("me-interests").value = (profile.interests || []).join(", ");
  $("me-goal").value = profile.goal || "";
  $("me-ask").value = profile.ask || "";
  $("me-json").value = JSON.stringify(profile, null, 2);
}

async function saveProfile(next, successText) {
  try {
    const saved = await ask(MSG.SAVE_ME, { profile: next });
    showProfile(saved || next);
    say("me-status", successText, true);
  } catch (err) {
    sayError("me-status", err);
  }
}

async function loadProfile() {
  try {
    const me = await ask(MSG.GET_ME);
    showProfile(me);
    if (!me)
      say(
        "me-status",
        'No profile saved yet: import yours with "This is me" or fill in the fields.',
        true,
      );
  } catch (err) {
    showProfile(null);
    sayError("me-status", err);
  }
}

async function testConnection(event) {
  event.preventDefault();
  say("connection-status", "Testing...", true);
  const backendUrl = $("backend-url").value.trim();
  const token = $("token").value.trim();
  try {
    const { message } = await ask(MSG.TEST_CONNECTION, { backendUrl, token });
    await ask(MSG.SAVE_SETTINGS, { backendUrl, token });
    say("connection-status", `${message} Settings saved.`, true);
    loadProfile();
  } catch (err) {
    sayError("connection-status", err);
  }
}

function tabParam() {
  const param = new URLSearchParams(location.search).get("tab");
  return param !== null && /^\d+$/.test(param) ? Number(param) : undefined;
}

async function importMe() {
  say("me-status", "Importing...", true);
  try {
    const me = await ask(MSG.IMPORT_ME, { tabId: tabParam() });
    showProfile(me);
    say(
      "me-status",
      `Imported your profile${me?.name ? ` (${me.name})` : ""}. Check the fields and add your interests.`,
      true,
    );
  } catch (err) {
    sayError("me-status", err);
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  $("connection-form").addEventListener("submit", testConnection);
  $("import-me").addEventListener("click", importMe);
  $("fields-form").addEventListener("submit", (event) => {
    event.preventDefault();
    saveProfile(
      {
        ...profile,
        name: $("me-name").value.trim(),
        headline: $("me-headline").value.trim(),
        location: $("me-location").value.trim(),
        skills: list($("me-skills").value),
        interests: list($("me-interests").value),
        goal: $("me-goal").value.trim() || null,
        ask: $("me-ask").value.trim() || null,
      },
      "Profile saved.",
    );
  });
  $("json-form").addEventListener("submit", (event) => {
    event.preventDefault();
    let parsed;
    try {
      parsed = JSON.parse($("me-json").value);
    } catch (err) {
      say("me-status", `That is not valid JSON (${err.message}). Fix it and save again.`, false);
      return;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      say(
        "me-status",
        'The profile must be a JSON object, like {"name": "...", "skills": [...]}.',
        false,
      );
      return;
    }
    saveProfile(parsed, "Profile saved.");
  });
  const settings = await ask(MSG.GET_SETTINGS);
  $("backend-url").value = settings.backendUrl;
  $("token").value = settings.token;
  if (tabParam() === undefined)
    $("import-target").textContent = "imports the tab you last opened the Common Ground popup on";
  if (settings.token) loadProfile();
  else
    say("me-status", "Pair with the backend first (above), then your profile loads here.", false);
});
