// The wizard's state in the address bar: answers <-> query string.
//
// The query uses the engine's own answer ids and option values, so a link
// is readable and works on the command line too:
//   ?code_author=users&regions=us-east-1,eu-west-1&gpu=no&v=2026.12.03
// Lists are comma-separated (repeated keys, as a plain form submits them,
// are merged), yes/no are `yes`/`no`, numbers are decimals. `v` is the data
// version the link was made with and `r` the recommendation it gave then.
//
// Nothing here knows a rule: it only checks that a value is one the
// question offers. The engine judges everything else (ranges included).

// Parameters that are not answers but may appear on any page of the site:
// Material's search highlight, and campaign tags that other sites add.
const HARMLESS = /^(h|q|utm_[a-z]+)$/;
const VERSION = /^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/;
const NUMBER = /^[+-]?(\d{1,12}(\.\d{0,12})?|\.\d{1,12})$/;
const MAX_QUERY = 4000;
const MAX_SHOWN = 40;

/**
 * Index the questions the page was built with.
 * @param {object} config the page's wizard-config JSON
 * @returns {{order: string[], questions: Map<string, object>}}
 */
export function questionModel(config) {
  const questions = new Map();
  for (const question of config.questions) {
    const values = question.kind === "regions"
      ? config.regions.map((region) => region.code)
      : (question.options || []).map((option) => option.value);
    questions.set(question.id, { ...question, allowed: new Set(values) });
  }
  return {
    order: config.questions.map((question) => question.id),
    questions,
    outcomes: new Set(config.outcomes.map((outcome) => outcome.id)),
  };
}

/**
 * Read answers from a query string, keeping only values a question offers.
 * @returns {{answers: object, notices: string[], link: {v?: string,
 *   r?: string}}} answers keyed by question id; a notice per ignored part
 */
export function parseQuery(search, model) {
  const answers = Object.create(null);
  const notices = [];
  const link = {};
  let query = String(search || "").replace(/^\?/, "");

  // 1. Refuse absurd input early, and say so.
  if (query.length > MAX_QUERY) {
    notices.push(`The address is longer than ${MAX_QUERY} characters; `
      + "only its start was read.");
    query = query.slice(0, MAX_QUERY);
  }

  // 2. Collect the values of each key (repeated keys come from plain forms).
  const collected = new Map();
  for (const [key, value] of new URLSearchParams(query)) {
    if (!collected.has(key)) collected.set(key, []);
    collected.get(key).push(value);
  }

  // 3. Judge each key: an answer, the link's own metadata, or unknown.
  for (const [key, values] of collected) {
    const question = model.questions.get(key);
    if (question) {
      readAnswer(question, values, answers, notices);
    } else if (key === "v" || key === "r") {
      readLinkField(key, values, model, link, notices);
    } else if (!HARMLESS.test(key)) {
      notices.push(`Ignored ${quote(key)}: not a question of this wizard.`);
    }
  }
  return { answers, notices, link };
}

function readAnswer(question, values, answers, notices) {
  const id = question.id;
  if (question.kind === "many" || question.kind === "regions") {
    const items = values.flatMap((value) => value.split(","))
      .map((item) => item.trim()).filter(Boolean);
    const known = unique(items.filter((item) => question.allowed.has(item)));
    const unknown = unique(items.filter((item) => !question.allowed.has(item)));
    if (unknown.length) {
      const why = question.kind === "regions" ? "a known Region" : "offered";
      notices.push(`Ignored in ${id}: ${unknown.map(quote).join(", ")} `
        + `(not ${why}).`);
    }
    if (known.length) answers[id] = known;
    return;
  }

  const given = values.filter((value) => value !== "");
  if (given.length === 0) return;
  if (new Set(given).size > 1) {
    notices.push(`Ignored ${id}: given more than once with different values.`);
    return;
  }
  const value = given[0].trim();
  const parsed = parseSingle(question, value);
  if (parsed === undefined) {
    notices.push(`Ignored ${id}=${quote(value)}: ${expected(question)}.`);
  } else {
    answers[id] = parsed;
  }
}

function parseSingle(question, value) {
  if (question.kind === "one") {
    return question.allowed.has(value) ? value : undefined;
  }
  if (question.kind === "yes_no") {
    if (value === "yes") return true;
    if (value === "no") return false;
    return undefined;
  }
  if (question.kind === "number") {
    if (!NUMBER.test(value)) return undefined;
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

function expected(question) {
  if (question.kind === "yes_no") return "expected yes or no";
  if (question.kind === "number") return "expected a number such as 4 or 0.5";
  return `expected one of ${[...question.allowed].join(", ")}`;
}

function readLinkField(key, values, model, link, notices) {
  const value = values[values.length - 1].trim();
  const valid = key === "v" ? VERSION.test(value) : model.outcomes.has(value);
  if (valid) {
    link[key] = value;
  } else {
    const what = key === "v" ? "a data version" : "a recommendation";
    notices.push(`Ignored ${key}=${quote(value)}: not ${what}.`);
  }
}

/**
 * Write answers as a query string, in question order, lists comma-joined.
 * @param {object} answers question id -> value
 * @param {{v?: string, r?: string}} link the data version and outcome
 */
export function formatQuery(answers, model, link = {}) {
  const parts = [];
  for (const id of model.order) {
    if (!(id in answers)) continue;
    const text = formatValue(answers[id]);
    if (text !== "") parts.push(`${id}=${text}`);
  }
  if (link.v) parts.push(`v=${encodeURIComponent(link.v)}`);
  if (link.r) parts.push(`r=${encodeURIComponent(link.r)}`);
  return parts.length ? `?${parts.join("&")}` : "";
}

function formatValue(value) {
  if (Array.isArray(value)) {
    return value.map((item) => encodeURIComponent(item)).join(",");
  }
  if (value === true) return "yes";
  if (value === false) return "no";
  return encodeURIComponent(String(value));
}

/** Compare two answer sets as the address would write them. */
export function sameAnswers(left, right, model) {
  return formatQuery(left, model) === formatQuery(right, model);
}

// Show a value from the address in a message: short, and never as markup
// (callers put messages into the page with textContent only).
export function quote(value) {
  const text = String(value).replace(/[\u0000-\u001f\u007f]/g, "?");
  const short = text.length > MAX_SHOWN
    ? `${text.slice(0, MAX_SHOWN)}…`
    : text;
  return `“${short}”`;
}

function unique(items) {
  return [...new Set(items)];
}
