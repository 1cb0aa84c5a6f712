// The outreach tracker: every contact with status, dates and notes; the prep sheet and the
// follow-up draft one click away. The backend stores it all (/api/contacts).
import { clear, copyText, el, renderError, show } from "./lib/dom.js";
import { ask, MSG } from "./lib/messages.js";

const STATUSES = ["drafted", "sent", "replied", "met"];
const $ = (id) => document.getElementById(id);
// About two months: the backend's default too, shown here so the user sees the date.
const FOLLOW_UP_DAYS = 60;
const isoDate = (d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const today = () => isoDate(new Date());
function inDays(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return isoDate(d);
}

// Empty date boxes are left out, so the backend keeps (or defaults) them.
function dated(changes, dates) {
  for (const [name, value] of Object.entries(dates)) if (value) changes[name] = value;
  return changes;
}

function field(label, control) {
  control.id ||= `f-${Math.random().toString(36).slice(2)}`;
  return el("div", { class: "field" }, el("label", { for: control.id }, label), control);
}

function contactItem(contact) {
  const status = el(
    "select",
    { class: "status" },
    STATUSES.map((s) => el("option", { value: s }, s)),
  );
  status.value = STATUSES.includes(contact.status) ? contact.status : "drafted";
  const sent = el("input", { type: "date", class: "sent-date" });
  sent.value = contact.sent_date || "";
  const followUp = el("input", { type: "date", class: "follow-up-date" });
  followUp.value = contact.follow_up_date || "";
  const notes = el("textarea", { class: "notes", rows: 2 });
  notes.value = contact.notes || "";
  const saved = el("span", { class: "saved", role: "status" });
  const save = el("button", { type: "button", class: "save" }, "Save");
  const prepButton = el(
    "button",
    { type: "button", class: "prep secondary" },
    "Prep sheet and follow-up",
  );
  const prepBox = el("div", { class: "prep-box", hidden: true });
  // The backend's rule: a sent message whose follow-up date has come.
  const due =
    contact.status === "sent" && contact.follow_up_date && contact.follow_up_date <= today();

  // Marking a message sent without a date means it went out today; follow up two months on.
  status.addEventListener("change", () => {
    if (status.value === "sent" && !sent.value) sent.value = today();
    if (status.value === "sent" && !followUp.value) followUp.value = inDays(FOLLOW_UP_DAYS);
  });
  save.addEventListener("click", async () => {
    save.disabled = true;
    try {
      await ask(MSG.UPDATE_CONTACT, {
        id: contact.id,
        changes: dated(
          { status: status.value, notes: notes.value },
          { sent_date: sent.value, follow_up_date: followUp.value },
        ),
      });
      saved.textContent = "Saved";
      saved.className = "saved ok";
    } catch (err) {
      saved.textContent = `${err.message} ${err.action || ""}`.trim();
      saved.className = "saved bad";
    } finally {
      save.disabled = false;
    }
  });
  prepButton.addEventListener("click", () => showPrep(contact, prepBox));

  return el(
    "li",
    { class: due ? "contact due" : "contact", "data-id": contact.id },
    el(
      "h2",
      { class: "contact-name" },
      contact.url
        ? el(
            "a",
            { href: contact.url, target: "_blank", rel: "noopener noreferrer" },
            contact.name || contact.url,
          )
        : contact.name || "Unnamed",
      due ? el("span", { class: "due-label" }, " follow-up due") : null,
    ),
    contact.message
      ? el(
          "details",
          {},
          el("summary", {}, "Message used"),
          el("p", { class: "message" }, contact.message),
        )
      : null,
    el(
      "div",
      { class: "grid" },
      field("Status", status),
      field("Sent", sent),
      field("Follow up on", followUp),
    ),
    field("Notes", notes),
    el("div", { class: "row" }, save, prepButton, saved),
    prepBox,
  );
}

async function showPrep(contact, box) {
  clear(box);
  show(box, true);
  box.append(el("p", { class: "muted" }, "Preparing..."));
  try {
    const prep = await ask(MSG.GET_PREP, { id: contact.id });
    clear(box);
    const area = el("textarea", {
      class: "follow-up-text",
      rows: 6,
      id: `follow-up-${contact.id}`,
    });
    // follow_up is an opener ({text, subject?}) or plain text.
    const followUp =
      typeof prep.follow_up === "string" ? { text: prep.follow_up } : prep.follow_up || {};
    area.value = followUp.subject
      ? `Subject: ${followUp.subject}\n\n${followUp.text || ""}`
      : followUp.text || "";
    const copy = el("button", { type: "button", class: "copy" }, "Copy follow-up");
    copy.addEventListener("click", async () => {
      copy.textContent = (await copyText(area.value))
        ? "Copied"
        : "Copy failed: select the text and press Ctrl+C";
    });
    box.append(
      el("h3", {}, "Prep sheet"),
      el("pre", { class: "prep-sheet" }, prep.markdown || ""),
      el("label", { for: area.id }, "Follow-up draft"),
      area,
      el("div", { class: "row" }, copy),
    );
  } catch (err) {
    renderError(box, err);
  }
}

async function load() {
  show($("contacts-error"), false);
  try {
    const answer = await ask(MSG.LIST_CONTACTS, { due: $("due-only").checked });
    const contacts = Array.isArray(answer) ? answer : answer?.contacts || [];
    clear($("contacts")).append(...contacts.map(contactItem));
    show($("contacts-empty"), contacts.length === 0);
  } catch (err) {
    clear($("contacts"));
    renderError($("contacts-error"), err);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("due-only").addEventListener("change", load);
  if (new URLSearchParams(location.search).get("due") === "1") $("due-only").checked = true;
  load();
});
