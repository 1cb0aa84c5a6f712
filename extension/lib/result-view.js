// Renders a finished analysis into the popup: the person, talking points, topics and posts.
// All text goes in with textContent (via el); links only when they are http(s).
import { clear, el, show } from "./dom.js";

const KIND_LABELS = {
  school: "School",
  employer: "Employer",
  place: "Place",
  skill: "Skill",
  topic: "Topic",
  post: "Post",
  current_work: "Their work now",
  volunteering: "Volunteering",
  language: "Language",
};
const POSTS_TO_SHOW = 5;

const norm = (s) =>
  String(s || "")
    .trim()
    .toLowerCase();

export function renderPerson(profile = {}) {
  document.getElementById("person-name").textContent = profile.name || "Name not found on the page";
  document.getElementById("person-headline").textContent = profile.headline || "";
  document.getElementById("person-location").textContent = profile.location || "";
}

export function renderTalkingPoints(points = []) {
  const list = clear(document.getElementById("talking-points"));
  const ranked = [...points].sort((a, b) => (b.score || 0) - (a.score || 0));
  for (const point of ranked) {
    const evidence = (point.evidence || []).map((ev) =>
      el(
        "li",
        {},
        el("blockquote", { class: "quote" }, ev.quote || ""),
        ev.url
          ? el(
              "a",
              { class: "evidence", href: ev.url, target: "_blank", rel: "noopener noreferrer" },
              `Source: ${hostAndPath(ev.url)}`,
            )
          : null,
      ),
    );
    list.append(
      el(
        "li",
        { class: "point", "data-kind": point.kind || "" },
        el("span", { class: "kind" }, KIND_LABELS[point.kind] || point.kind || ""),
        el("p", { class: "point-text" }, point.text || ""),
        evidence.length ? el("ul", { class: "evidence-list" }, evidence) : null,
      ),
    );
  }
  show(document.getElementById("no-points"), ranked.length === 0);
}

// A topic is shared when a talking point joins it to something of the user's.
export function sharedTopics(topics = [], points = []) {
  const shared = new Set();
  const theirs = points.filter((p) => p.mine).map((p) => norm(p.theirs));
  for (const topic of topics) {
    const phrase = norm(topic.phrase);
    if (
      topic.shared === true ||
      theirs.some((t) => t && (t === phrase || t.includes(phrase) || phrase.includes(t)))
    ) {
      shared.add(topic.phrase);
    }
  }
  return shared;
}

export function renderTopics(topics = [], points = []) {
  const list = clear(document.getElementById("topics"));
  const shared = sharedTopics(topics, points);
  for (const topic of topics) {
    const isShared = shared.has(topic.phrase);
    const quote = topic.evidence?.[0]?.quote;
    list.append(
      el(
        "li",
        {},
        el(
          "span",
          { class: isShared ? "chip shared" : "chip", title: quote || null },
          topic.phrase,
          isShared ? el("span", { class: "visually-hidden" }, " (shared with you)") : null,
        ),
      ),
    );
  }
}

// Posts a talking point cites come first (they are what a message can mention), then the newest.
export function postsToRead(posts = [], points = []) {
  const cited = new Set(points.flatMap((p) => (p.evidence || []).map((e) => e.url)));
  const ranked = posts.map((post, i) => ({ post, i, cited: cited.has(post.url) }));
  ranked.sort((a, b) => Number(b.cited) - Number(a.cited) || a.i - b.i);
  return ranked.slice(0, POSTS_TO_SHOW).map((r) => r.post);
}

// "Read 20 of 55 posts: the 12 closest to your interests, 5 Jonas is known for, 3 newest".
// The person is named by their first name: a profile gives no pronoun to use.
export function readingLine(reading, profile = {}) {
  if (!reading || !reading.read) return "";
  const total = Math.max(reading.total || 0, reading.read);
  const head =
    total === reading.read
      ? `Read all ${total} post${total === 1 ? "" : "s"}`
      : `Read ${reading.read} of ${total} posts`;
  const first = String(profile.name || "").trim().split(/\s+/)[0];
  const parts = [];
  if (reading.interest) parts.push(`the ${reading.interest} closest to your interests`);
  const who = first ? `${first} is` : "they are";
  if (reading.popular) parts.push(`${reading.popular} ${who} known for`);
  if (reading.recent) parts.push(`${reading.recent} newest`);
  return parts.length ? `${head}: ${parts.join(", ")}` : head;
}

export function renderReading(reading, profile = {}) {
  const line = document.getElementById("reading-line");
  if (!line) return;
  line.textContent = readingLine(reading, profile);
  show(line, line.textContent !== "");
}

export function renderPosts(posts = [], points = []) {
  const list = clear(document.getElementById("posts-to-read"));
  for (const post of postsToRead(posts, points)) {
    const phrases = (post.keyphrases || [])
      .slice(0, 3)
      .map((k) => (typeof k === "string" ? k : k.phrase))
      .filter(Boolean);
    list.append(
      el(
        "li",
        {},
        el(
          "a",
          { href: post.url, target: "_blank", rel: "noopener noreferrer" },
          post.title || post.url,
        ),
        post.published
          ? el("span", { class: "muted date" }, ` ${String(post.published).slice(0, 10)}`)
          : null,
        phrases.length ? el("span", { class: "muted phrases" }, ` · ${phrases.join(", ")}`) : null,
      ),
    );
  }
}

const SECTION_NAMES = { experience: "Experience", education: "Education", skills: "Skills" };

// A LinkedIn profile's lazy sections that were still not on the page after scrolling: what the
// result could not use, and what the user can do about it. "" when nothing is missing.
export function missingSectionsNotice(missing = []) {
  const names = missing.map((key) => SECTION_NAMES[key] || key);
  if (!names.length) return "";
  const list =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  const sections = names.length === 1 ? "section" : "sections";
  return (
    `The page did not show their ${list} ${sections}, so this result leaves ` +
    `${names.length === 1 ? "it" : "them"} out. Scroll to the end of their profile until ` +
    `${names.length === 1 ? "it appears" : "they appear"}, then click Common Ground again.`
  );
}

export function renderNotices(result) {
  const errors = result.errors || [];
  const list = clear(document.getElementById("notice-list"));
  const missing = missingSectionsNotice(result.profile?.missing_sections || []);
  if (missing) list.append(el("li", { class: "missing-sections" }, missing));
  for (const message of errors)
    list.append(el("li", {}, typeof message === "string" ? message : message.message || ""));
  if (result.partial && errors.length === 0) {
    list.append(
      el(
        "li",
        {},
        "Part of the analysis could not finish; what is shown comes from what could be read.",
      ),
    );
  }
  show(document.getElementById("notices"), list.childElementCount > 0);
}

export function renderAdvice(advice = []) {
  const list = clear(document.getElementById("advice"));
  for (const line of advice) list.append(el("li", {}, line));
  show(document.getElementById("advice-section"), advice.length > 0);
}

function hostAndPath(url) {
  try {
    const u = new URL(url);
    return (u.host + u.pathname).replace(/\/$/, "");
  } catch {
    return String(url);
  }
}
