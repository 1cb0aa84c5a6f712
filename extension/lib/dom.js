// DOM helpers for the extension pages. Everything that came from a page or the backend goes in
// through textContent or a checked attribute: never innerHTML.

// el("a", {class: "evidence", href}, "text", child, ...)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "href") {
      const safe = safeHref(value);
      if (safe) node.setAttribute("href", safe);
    } else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Only web links become links: a javascript: or data: URL from a page must never be clickable.
export function safeHref(url) {
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

export function show(node, visible = true) {
  node.hidden = !visible;
}

// Shows a UserError-shaped object in a box with .what, .todo and .command children.
export function renderError(box, error) {
  clear(box);
  box.append(el("p", { class: "what" }, error.message || "Something went wrong."));
  if (error.action) box.append(el("p", { class: "todo" }, error.action));
  if (error.command) box.append(el("p", { class: "command" }, el("code", {}, error.command)));
  show(box, true);
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without focus or permission, the Clipboard API refuses; the old way still works then.
    const area = el("textarea", { class: "offscreen", "aria-hidden": "true" });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}
