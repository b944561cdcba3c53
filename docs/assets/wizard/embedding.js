// The wizard framed by another site (issue #5): locked and hidden
// questions, messages to the host, and the frame's height.
//
// wizard.js calls embedding(root, model) once per mount. On the embed page
// (embed/), where frame.js has already read the settings from the address,
// it applies them and returns the two address hooks wizard.js uses; on any
// other page it returns hooks that change nothing.
//
// Messages go to window.parent and only to the origin the host declared
// (the `origin` setting); without one nothing is posted, and never to "*".
// State stays in the address and in the messages: nothing here touches
// storage, which a third-party frame often does not have.
//
// The contract (semver): wizard/site/embed_contract.py.

import { formatQuery, parseQuery } from "./address.js";
import { el } from "./render.js";

const VERSION = "1.0.0";
const NAMESPACE = "agent-compute-guide";

const UNCHANGED = Object.freeze({
  answers: (search) => search,
  keep: (query) => query,
});

/**
 * Apply the embed settings to a mounted wizard; return its address hooks.
 * @param {HTMLElement} root the element marked data-wizard
 * @param {{order: string[], questions: Map<string, object>}} model
 * @returns {{answers: (search: string) => string,
 *   keep: (query: string) => string}} answers() drops the settings from an
 *   address before the wizard reads it; keep() adds them back to a query
 *   the wizard writes, so a reload keeps the frame as the host set it.
 */
export function embedding(root, model) {
  const frame = window.agentComputeGuideFrame;
  const footer = document.querySelector("[data-wizard-embed]");
  if (!frame || !footer) return UNCHANGED;
  const { settings } = frame;
  const names = new Set(frame.names);
  // TODO(#5): each edit is an entry in the host page's session history too
  // (a frame's pushState joins it), so the host's Back button steps back
  // through the answers first; replacing entries in a frame may suit hosts
  // better, but needs a third hook in wizard.js.
  const hooks = {
    answers: (search) => withoutSettings(search, names),
    keep: (query) => withSettings(query, frame.query),
  };

  // 1. What the host set: presets from the address, ids checked.
  const presets = parseQuery(hooks.answers(location.search), model).answers;
  const notices = [...frame.notices];
  const locked = knownIds("locked", settings.locked, model, notices);
  const hidden = knownIds("hidden", settings.hidden, model, notices);
  const fixed = new Set([...locked, ...hidden]);

  // 2. The form: hide, lock, and make "Clear every answer" keep the locks.
  for (const id of hidden) question(root, id).hidden = true;
  for (const id of locked) lock(question(root, id), presets[id]);

  // 3. The frame's own parts: notices, the link to the full guide (it
  //    replaces "copy a link", which would copy this frame's address),
  //    dates in the host's language, links that leave the frame.
  showNotices(root, notices);
  const copy = root.querySelector("[data-wizard-action='copy']");
  if (copy) copy.hidden = true;
  const full = footer.querySelector("[data-wizard-embed-full]");
  full.href = guideUrl(presets, model, {});
  writeDates(footer, settings.lang);
  document.addEventListener("click", leaveInNewTab, true);

  // 4. Every result: tidy its links, hold the locks, tell the host.
  // TODO(#5): tell the host when the engine cannot run in the frame (a
  // "failed" message, a minor version); today the host only sees no result.
  const post = poster(settings.origin);
  let sent = "";
  root.addEventListener("wizard:result", (event) => {
    // Back/Forward or a link put another answer into a locked question:
    // restore it; wizard.js then asks again and this result is not sent.
    if (locked.some((id) => drifted(question(root, id)))) {
      restoreLocks(root, locked);
      return;
    }
    const result = event.detail.result;
    tidyLinks(root, fixed, hidden, presets, hooks, model);
    const message = resultMessage(result, model);
    full.href = message.url;
    const text = JSON.stringify(message);
    if (text === sent) return;
    sent = text;
    post(message);
  });

  // 5. The height, whenever the content's changes.
  watchHeight(post);
  return hooks;
}

// --- the address ---

function withoutSettings(search, names) {
  const parts = String(search || "").replace(/^\?/, "").split("&")
    .filter((part) => part && !names.has(keyOf(part)));
  return parts.length ? `?${parts.join("&")}` : "";
}

function withSettings(query, settings) {
  if (!settings) return query;
  return query ? `${query}&${settings}` : `?${settings}`;
}

function keyOf(part) {
  const key = part.split("=", 1)[0].replace(/\+/g, " ");
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

// --- the form ---

function knownIds(setting, ids, model, notices) {
  const unknown = ids.filter((id) => !model.questions.has(id));
  if (unknown.length) {
    notices.push(`Ignored in ${setting}: ${unknown.join(", ")} (not a `
      + "question of this wizard).");
  }
  return ids.filter((id) => model.questions.has(id));
}

function question(root, id) {
  return root.querySelector(`#q-${CSS.escape(id)}`);
}

// A locked question shows its answer and refuses changes: its fieldset is
// disabled, and its inputs' defaults are the preset, so the form's reset
// button brings back the preset rather than clearing it.
function lock(fieldset, value) {
  fieldset.disabled = true;
  fieldset.classList.add("wizard-question--locked");
  for (const input of fieldset.querySelectorAll("input")) {
    if (input.type === "number") {
      input.defaultValue = value === undefined ? "" : String(value);
    } else if (input.type === "checkbox") {
      input.defaultChecked = Array.isArray(value)
        && value.includes(input.value);
    } else {
      input.defaultChecked = input.value === radioValue(value);
    }
  }
  const help = fieldset.querySelector(".wizard-help") || fieldset;
  help.append(el("p", { class: "wizard-embed-locked" },
    "Set by the site that shows this wizard; it cannot be changed here."));
}

function radioValue(value) {
  if (value === true) return "yes";
  if (value === false) return "no";
  return value === undefined ? "" : String(value);
}

// Put the locked answers back (from their defaults) and let wizard.js read
// the form again, as after any edit.
function restoreLocks(root, locked) {
  let changed = null;
  for (const id of locked) {
    for (const input of question(root, id).querySelectorAll("input")) {
      if (input.type === "number") input.value = input.defaultValue;
      else input.checked = input.defaultChecked;
      changed = input;
    }
  }
  if (changed) changed.dispatchEvent(new Event("change", { bubbles: true }));
}

// The form, not the result, is compared: the engine may refuse a preset
// (with a notice), and asking again would not change its mind.
function drifted(fieldset) {
  return [...fieldset.querySelectorAll("input")].some((input) =>
    (input.type === "number"
      ? input.value !== input.defaultValue
      : input.checked !== input.defaultChecked));
}

function sameValue(id, one, two, model) {
  return formatQuery({ [id]: one }, model) === formatQuery({ [id]: two },
    model);
}

function showNotices(root, notices) {
  if (!notices.length) return;
  for (const notice of notices) console.warn(`Embedded wizard: ${notice}`);
  root.prepend(el("div", { class: "admonition warning wizard-embed-notices" },
    el("p", { class: "admonition-title" },
      "Parts of this embedded wizard's settings were ignored"),
    el("ul", {}, notices.map((text) => el("li", {}, text)))));
}

// --- links ---

// A link that leaves the frame opens in a new tab: the frame is a part of
// the host's page, and the guide's pages would not fit in it.
function leaveInNewTab(event) {
  const link = event.target instanceof Element
    ? event.target.closest("a[href]")
    : null;
  if (!link || link.hasAttribute("data-wizard-answers")) return;
  if (link.getAttribute("href").startsWith("#")) return;
  link.target = "_blank";
  link.rel = "noopener";
}

// A "try these answers" link that would change what the host set is
// disabled; the others keep the settings. Links to hidden questions go.
// TODO(#5): ask the engine for the smallest flip that keeps the host's
// answers; today a flip that needs one of them is shown but not offered.
function tidyLinks(root, fixed, hidden, presets, hooks, model) {
  for (const link of root.querySelectorAll("a[data-wizard-answers]")) {
    const url = new URL(link.href);
    const tried = parseQuery(url.search, model).answers;
    const changes = [...fixed].some((id) =>
      !sameValue(id, tried[id], presets[id], model));
    if (changes) {
      link.replaceWith(el("span", { class: "wizard-embed-fixed" },
        "(that answer is set by the site that shows this wizard)"));
    } else {
      link.href = `${url.pathname}${hooks.keep(url.search)}`;
    }
  }
  for (const id of hidden) {
    for (const link of root.querySelectorAll(
      `.wizard-result a[href="#q-${CSS.escape(id)}"]`)) {
      link.replaceWith(el("span", {}, link.textContent));
    }
  }
}

// The full guide's wizard page with these answers.
function guideUrl(answers, model, link) {
  const page = new URL("../../wizard/", import.meta.url);
  return `${page.href}${formatQuery(answers, model, link)}`;
}

// --- messages to the host ---

function poster(origin) {
  const framed = window.parent !== window;
  return (message) => {
    if (framed && origin) window.parent.postMessage(message, origin);
  };
}

function resultMessage(result, model) {
  // answersQuery is wizard.js's bookkeeping, not part of the result.
  const { answersQuery, ...engine } = result;
  const answers = engine.answers || {};
  return {
    type: `${NAMESPACE}:result`,
    version: VERSION,
    recommendation: engine.recommendation,
    compute_type: engine.compute_type ?? null,
    architecture: engine.architecture ?? null,
    warnings: (engine.warnings || []).map((warning) => warning.id),
    answers,
    query: formatQuery(answers, model).replace(/^\?/, ""),
    url: guideUrl(answers, model, {
      v: engine.data_version, r: engine.recommendation,
    }),
    data_version: engine.data_version,
    result: engine,
  };
}

// The content's height, measured on the content alone (embed.css keeps
// Material's layout from stretching to the frame), so a new frame height
// never changes what is measured: no resize loop.
function watchHeight(post) {
  const content = document.querySelector(".md-container") || document.body;
  let last = -1;
  const measure = () => {
    const bottom = content.getBoundingClientRect().bottom + window.scrollY;
    const height = Math.max(0, Math.ceil(bottom));
    if (height === last) return;
    last = height;
    post({ type: `${NAMESPACE}:resize`, version: VERSION, height });
  };
  new ResizeObserver(measure).observe(content);
  measure();
}

// --- dates ---

function writeDates(container, lang) {
  let format;
  try {
    format = new Intl.DateTimeFormat(lang || undefined,
      { dateStyle: "long", timeZone: "UTC" });
  } catch {
    return;
  }
  for (const time of container.querySelectorAll("time[datetime]")) {
    const date = new Date(`${time.getAttribute("datetime")}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) continue;
    time.textContent = format.format(date);
    time.lang = format.resolvedOptions().locale;
  }
}
