// The wizard page's glue: form <-> address bar <-> engine worker <-> result.
//
// The page is plain HTML built from data/questions.yaml; this module makes
// it live. It mounts on every visit (Material's instant navigation swaps
// pages without reloading this module) and keeps one worker alive at most:
// leaving the page ends it.
//
// Nothing here decides anything. Answers go to the Python engine in a
// worker (engine.js, worker.js); what comes back is drawn by render.js.

import {
  formatQuery, parseQuery, questionModel, sameAnswers,
} from "./address.js";
import { EngineClient, readSettings } from "./engine.js";
// Embed mode (issue #5): a no-op outside the embed page; see embedding.js.
import { embedding } from "./embedding.js";
import { el, failureView, resultView } from "./render.js";

const BASE = new URL(".", import.meta.url);
// The page adds "?v=<hash of the glue>" to this script; the worker and the
// settings get the same key, so a new build is never run with an old one.
// TODO(#4): the modules imported below carry no key (static imports cannot
// take one); an import map written by the build would close that gap.
const CACHE_KEY = new URL(import.meta.url).search;
const SETTINGS_URL = new URL(`runtime.json${CACHE_KEY}`, BASE);

const STAGES = {
  start: "starting",
  runtime: "fetching the Python runtime",
  python: "starting Python (about 10 MB on a first visit)",
  engine: "installing the decision engine",
  data: "reading the decision data",
  ready: "ready",
};

let active = null;
// Fetched as the module starts, in parallel with the rest of the page; read
// again on the next mount if it failed.
let settings = null;

function runtimeSettings() {
  if (settings === null) {
    settings = readSettings(SETTINGS_URL).catch((error) => {
      settings = null;
      throw error;
    });
  }
  return settings;
}

watchPages();

// Mount at once: a module runs when the page is parsed, before
// DOMContentLoaded, so the form is live as early as it can be. Material
// emits document$ after every instant navigation (and once at load, which
// changes nothing: the same element is mounted already).
function watchPages() {
  sync();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(() => sync());
  }
}

function sync() {
  const root = document.querySelector("[data-wizard]");
  if (active && active.root === root) return;
  if (active) active.unmount();
  active = root ? mount(root) : null;
}

/**
 * Make one wizard element live; returns {root, unmount}.
 * @param {HTMLElement} root the element marked data-wizard
 */
function mount(root) {
  // 1. Read what the build wrote into the page.
  const config = JSON.parse(root.dataset.wizardConfig);
  const model = questionModel(config);
  const embed = embedding(root, model); // issue #5: answers(), keep()
  const labels = labelIndex(config);
  const view = findView(root);
  const inputs = inputsByQuestion(view.form, model);
  const pathname = location.pathname;
  const state = {
    answers: {},
    link: {},
    linkNotes: [],
    addressNotes: [],
    problemNotes: [],
    asked: 0,
    askedAt: 0,
    retried: 0,
    burst: null,
    result: null,
    resultJson: "",
    announced: "",
    firstShown: false,
  };

  // 2. Start the engine at once: everything below overlaps its download.
  const engine = new EngineClient(BASE, CACHE_KEY, runtimeSettings, {
    stage: (stage) => showStatus(`Loading the engine: ${STAGES[stage]}…`),
    ready: (timings) => {
      performance.mark("wizard:engine-ready", { detail: timings });
      ask(state.answers);
    },
    result: (id, json) => receive(id, json),
    failed: (failure) => showFailure(failure),
    late: (failure) => showFailure(failure),
    error: (message) => showStatus(`The engine failed: ${message}`),
  });

  // 3. Bring the form in line with the address.
  adopt(location.search);

  // 4. Listen: edits, submit, reset, history, links and buttons.
  const listeners = [
    [view.form, "change", onChange],
    [view.form, "input", onInput],
    [view.form, "submit", onSubmit],
    [view.form, "reset", onReset],
    [view.result, "click", onResultClick],
    [view.copy, "click", copyLink],
    [view.record, "click", downloadRecord],
    [view.json, "click", downloadJson],
    [window, "popstate", onPopState],
  ];
  for (const [target, type, handler] of listeners) {
    target.addEventListener(type, handler);
  }
  view.copy.disabled = false;
  root.dataset.mounted = "true";
  performance.mark("wizard:form-usable");

  // Leaving the page ends the worker and every listener.
  function unmount() {
    engine.stop();
    for (const [target, type, handler] of listeners) {
      target.removeEventListener(type, handler);
    }
    delete root.dataset.mounted;
  }

  // --- answers in: from the address, the form, or a result link ---

  function adopt(search) {
    const parsed = parseQuery(embed.answers(search), model);
    state.answers = parsed.answers;
    state.addressNotes = parsed.notices;
    state.problemNotes = [];
    state.link = parsed.link;
    state.linkNotes = [];
    state.burst = null;
    writeForm(inputs, model, parsed.answers);
    showNotices();
    ask(parsed.answers);
  }

  function onChange(event) {
    if (isTyped(event.target)) {
      // The burst of typing in one field ends here; it is already recorded.
      state.burst = null;
      return;
    }
    edit(false, event);
  }

  function onInput(event) {
    if (isTyped(event.target)) edit(true, event);
  }

  function onSubmit(event) {
    event.preventDefault();
    edit(false, event);
    view.heading.focus();
  }

  function onReset() {
    // The form resets after this event; read it once it has.
    setTimeout(() => edit(false, null), 0);
  }

  // An edit becomes a history entry; typing in one field is one entry.
  function edit(typing, event) {
    const answers = readForm(inputs, model);
    const name = event && event.target ? event.target.name : null;
    if (sameAnswers(answers, state.answers, model)) return;
    const replace = typing && state.burst === name;
    state.burst = typing ? name : null;
    state.answers = answers;
    state.addressNotes = [];
    state.problemNotes = [];
    state.link = {};
    state.linkNotes = [];
    // The worker starts first; the address and notices follow while it works.
    ask(answers, event);
    writeAddress(replace ? "replace" : "push");
    showNotices();
  }

  function onPopState() {
    if (location.pathname !== pathname) return;
    adopt(location.search);
  }

  function onResultClick(event) {
    const link = event.target.closest("a[data-wizard-answers]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey
        || event.shiftKey || event.altKey) {
      return;
    }
    // Stay on the page (and out of Material's instant navigation).
    event.preventDefault();
    event.stopPropagation();
    history.pushState(null, "", link.href);
    adopt(new URL(link.href).search);
    view.heading.focus();
  }

  // --- the address bar ---

  function writeAddress(how) {
    const link = { v: config.data_version };
    const current = state.result && state.result.answersQuery
      === formatQuery(state.answers, model);
    if (current) link.r = state.result.recommendation;
    const query = Object.keys(state.answers).length
      ? formatQuery(state.answers, model, link)
      : "";
    const url = `${pathname}${embed.keep(query)}${location.hash}`;
    const here = `${location.pathname}${location.search}${location.hash}`;
    if (url === here) return;
    if (how === "push") history.pushState(null, "", url);
    else history.replaceState(history.state, "", url);
  }

  // --- the engine ---

  function ask(answers, event) {
    state.asked += 1;
    state.askedAt = event ? event.timeStamp : performance.now();
    state.retried = 0;
    view.result.dataset.query = formatQuery(answers, model);
    if (engine.ready) engine.evaluate(state.asked, answers);
  }

  function receive(id, json) {
    if (id !== state.asked) return;
    const result = JSON.parse(json);

    // Answers the engine refused: say which, and ask again without them.
    if (result.problems) {
      dropRefused(result.problems);
      return;
    }

    result.answersQuery = formatQuery(state.answers, model);
    state.result = result;
    state.resultJson = json;
    compareWithLink(result);
    showResult(result);
    if (Object.keys(state.answers).length && !state.link.v) {
      writeAddress("replace");
    }
  }

  function dropRefused(problems) {
    const answers = { ...state.answers };
    for (const problem of problems) {
      delete answers[problem.answer];
      markInvalid(inputs, problem.answer, problem.message);
    }
    state.problemNotes = problems.map((problem) =>
      `Ignored ${problem.message}. Allowed: ${problem.allowed}.`);
    showNotices();
    if (state.retried++ > 0) return;
    const id = ++state.asked;
    view.result.dataset.query = formatQuery(answers, model);
    engine.evaluate(id, answers);
  }

  // A link made with other data: say whether today's data changes it.
  function compareWithLink(result) {
    const { v, r } = state.link;
    if (!v || state.linkNotes.length) return;
    const now = labels.outcomeLabel(result.recommendation);
    const today = config.data_version;
    if (v === today && (!r || r === result.recommendation)) return;
    if (v === today) {
      state.linkNotes = [`This link says it recommended `
        + `${labels.outcomeLabel(r)}, but the same data version recommends `
        + `${now}.`];
    } else if (!r) {
      state.linkNotes = [`This link was made with data version ${v}; today's `
        + `data is ${today}. The link does not say what it recommended `
        + `then, so the two cannot be compared. Today: ${now}.`];
    } else if (r === result.recommendation) {
      state.linkNotes = [`This link was made with data version ${v}. `
        + `Today's data (${today}) gives the same recommendation: ${now}.`];
    } else {
      state.linkNotes = [`This link was made with data version ${v}, when `
        + `it recommended ${labels.outcomeLabel(r)}. Today's data `
        + `(${today}) changes the outcome to ${now}.`];
    }
    showNotices();
  }

  // --- drawing ---

  // Progress while the engine loads; a result or a failure already shown
  // (the timeout's "still loading" included) stays until a result replaces it.
  function showStatus(text) {
    if (["ready", "failed"].includes(view.result.dataset.state)) return;
    view.result.dataset.state = "loading";
    view.result.replaceChildren(el("p", { class: "wizard-status" }, text));
  }

  function showResult(result) {
    const linkTo = (answers) => `${pathname}${formatQuery(answers, model,
      { v: config.data_version })}`;
    view.result.replaceChildren(resultView(result, labels, linkTo));
    view.result.dataset.state = "ready";
    view.result.dataset.recommendation = result.recommendation;
    view.record.disabled = false;
    view.json.disabled = false;
    view.summary.textContent = labels.outcomeLabel(result.recommendation);

    announce(`Recommendation: ${labels.outcomeLabel(result.recommendation)}.`);
    measure();
    root.dispatchEvent(new CustomEvent("wizard:result", {
      bubbles: true,
      detail: { recommendation: result.recommendation, result },
    }));
  }

  function showFailure(failure) {
    view.result.dataset.state = "failed";
    view.result.dataset.failure = failure.kind;
    view.result.replaceChildren(failureView(failure, labels.href("scenarios")));
    view.summary.textContent = "not available";
    announce(`The recommendation cannot be computed here: ${failure.title}.`);
  }

  function showNotices() {
    const notes = [
      ...state.linkNotes.map((text) => ["info", text]),
      ...state.addressNotes.map((text) => ["warning", text]),
      ...state.problemNotes.map((text) => ["warning", text]),
    ];
    view.notices.hidden = notes.length === 0;
    view.notices.replaceChildren(...noticeBoxes(notes));
  }

  // Announce only what changed, so typing does not make a screen reader
  // repeat the same sentence.
  function announce(text) {
    if (text === state.announced) return;
    state.announced = text;
    view.live.textContent = text;
  }

  function measure() {
    const now = performance.now();
    if (!state.firstShown) {
      state.firstShown = true;
      performance.mark("wizard:first-result");
    } else {
      performance.measure("wizard:answer-to-result",
        { start: state.askedAt, end: now });
    }
  }

  // --- buttons ---

  async function copyLink() {
    const link = { v: config.data_version };
    if (state.result) link.r = state.result.recommendation;
    const url = new URL(`${pathname}${formatQuery(state.answers, model, link)}`,
      location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      announce("Link copied.");
      view.copyOut.hidden = true;
    } catch {
      // No clipboard (an insecure origin, or permission refused): show it.
      view.copyOut.hidden = false;
      view.copyOut.value = url;
      view.copyOut.select();
      announce("Copy the selected link.");
    }
  }

  async function downloadRecord() {
    if (!state.result) return;
    try {
      const { answersQuery, ...result } = state.result;
      const markdown = await engine.record(result);
      save(`decision-record-${result.recommendation}.md`, markdown,
        "text/markdown");
    } catch (error) {
      announce(`The decision record could not be written: ${error.message}`);
    }
  }

  function downloadJson() {
    if (!state.result) return;
    const text = JSON.stringify(JSON.parse(state.resultJson), null, 2);
    save(`wizard-result-${state.result.recommendation}.json`, `${text}\n`,
      "application/json");
  }

  return { root, unmount };
}

// --- the form ---

// The form's inputs, grouped by question once per mount: reading the form
// on every change then costs no DOM query.
function inputsByQuestion(form, model) {
  const groups = new Map(model.order.map((id) => [id, []]));
  for (const input of form.querySelectorAll("input")) {
    if (groups.has(input.name)) groups.get(input.name).push(input);
  }
  return groups;
}

function readForm(inputs, model) {
  const answers = {};
  for (const [id, group] of inputs) {
    const kind = model.questions.get(id).kind;
    if (kind === "many" || kind === "regions") {
      const checked = group.filter((input) => input.checked)
        .map((input) => input.value);
      if (checked.length) answers[id] = checked;
    } else if (kind === "number") {
      const text = group.length ? group[0].value.trim() : "";
      const number = Number(text);
      if (text !== "" && Number.isFinite(number)) answers[id] = number;
      if (group.length) group[0].removeAttribute("aria-invalid");
    } else {
      const checked = group.find((input) => input.checked);
      const value = checked ? checked.value : "";
      if (kind === "yes_no" && (value === "yes" || value === "no")) {
        answers[id] = value === "yes";
      } else if (kind !== "yes_no" && value !== "") {
        answers[id] = value;
      }
    }
  }
  return answers;
}

function writeForm(inputs, model, answers) {
  for (const [id, group] of inputs) {
    const kind = model.questions.get(id).kind;
    const value = Object.hasOwn(answers, id) ? answers[id] : undefined;
    for (const input of group) {
      if (kind === "number") {
        input.value = value === undefined ? "" : String(value);
        input.removeAttribute("aria-invalid");
      } else if (kind === "many" || kind === "regions") {
        input.checked = Array.isArray(value) && value.includes(input.value);
      } else {
        const wanted = value === true ? "yes" : value === false ? "no"
          : value === undefined ? "" : value;
        input.checked = input.value === wanted;
      }
    }
  }
}

function markInvalid(inputs, name, message) {
  const input = (inputs.get(name) || [])[0];
  if (input && input.type === "number") {
    input.setAttribute("aria-invalid", "true");
    input.title = message;
  }
}

function isTyped(target) {
  return target instanceof HTMLInputElement && target.type === "number";
}

// --- the page's parts and labels ---

function findView(root) {
  const part = (selector) => root.querySelector(selector);
  return {
    form: part(".wizard-form"),
    notices: part(".wizard-notices"),
    heading: part(".wizard-result-heading"),
    result: part("#wizard-result"),
    live: part(".wizard-live"),
    summary: part(".wizard-summary__outcome"),
    copy: part("[data-wizard-action='copy']"),
    copyOut: part(".wizard-copy-out"),
    record: part("[data-wizard-action='record']"),
    json: part("[data-wizard-action='json']"),
  };
}

// Lookups over the labels the build embedded, and links into the site.
function labelIndex(config) {
  const site = new URL("../../", import.meta.url);
  const byId = (entries, pick) => new Map(entries.map((entry) =>
    [entry.id, pick(entry)]));
  const outcomes = byId(config.outcomes, (entry) => entry);
  const services = byId(config.services, (entry) => entry);
  const facts = byId(config.facts, (entry) => entry);
  const sources = byId(config.sources, (entry) => entry.name);
  const questions = byId(config.questions, (entry) => entry.label);
  return {
    outcomes,
    architectures: byId(config.architectures, (entry) => entry.title),
    outcomeLabel: (id) => (outcomes.get(id) || {}).label || id,
    serviceName: (id) => (services.get(id) || {}).name || id,
    computeTypeName: (service, id) => {
      const types = (services.get(service) || {}).compute_types || [];
      const found = types.find((type) => type.id === id);
      return found ? found.name : id;
    },
    factName: (id) => (facts.get(id) || {}).name || id,
    sourceName: (id) => sources.get(id) || id,
    questionLabel: (id) => questions.get(id) || id,
    href: (kind, id = "") => {
      const path = kind === "fact"
        ? (facts.get(id) || {}).href || "compare/"
        : config.links[kind].replace("{id}", encodeURIComponent(id));
      return new URL(path, site).href;
    },
  };
}

function noticeBoxes(notes) {
  const groups = [
    ["info", "About this link"],
    ["warning", "Parts of the address were ignored"],
  ];
  return groups
    .map(([kind, title]) => [kind, title,
      notes.filter(([noteKind]) => noteKind === kind)])
    .filter(([, , items]) => items.length)
    .map(([kind, title, items]) => el("div", { class: `admonition ${kind}` },
      el("p", { class: "admonition-title" }, title),
      el("ul", {}, items.map(([, text]) => el("li", {}, text)))));
}

function save(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
