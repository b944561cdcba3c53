// Draw the engine's result, and the reasons it could not run, into the page.
//
// Every text node is made with textContent (through `el`): the result is
// engine output, but the answers inside it came from the address bar, and
// nothing from there is ever parsed as HTML.

/**
 * Make an element: el("a", {href}, "text", child, …).
 * Attributes are set with setAttribute; children are nodes or text.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * Build the result view: outcome, reasons, ruled out, warnings,
 * architecture, flip and assumptions, each with links into the site.
 * @param {object} result the engine's result
 * @param {object} labels lookups from the page's wizard-config
 * @param {(answers: object) => string} linkTo the href of other answers
 */
export function resultView(result, labels, linkTo) {
  const outcome = labels.outcomes.get(result.recommendation) || {};
  const view = document.createDocumentFragment();

  // 1. The outcome, in words a reader can act on.
  view.append(
    el("p", { class: "wizard-result__outcome" },
      el("strong", {}, outcome.label || result.recommendation),
      computeTypeNote(result, labels)),
    el("p", { class: "wizard-result__verdict" }, outcome.verdict || ""),
  );

  // 2. Why: the reasons, each with the facts and sources it rests on.
  view.append(section("Why", el("ul", {},
    result.reasons.map((reason) => el("li", {},
      reason.text, citations(reason, labels))))));

  // 3. What rules each service out, if anything does.
  const ruledOut = Object.entries(result.ruled_out || {});
  if (ruledOut.length) {
    view.append(section("Ruled out", ruledOut.map(([service, entries]) =>
      el("div", { class: "wizard-result__ruled" },
        el("p", {}, el("strong", {}, labels.serviceName(service))),
        el("ul", {}, entries.map((entry) => el("li", {},
          entry.text, citations(entry, labels))))))));
  }

  // 4. Gotchas that apply, linked to their fix.
  if (result.warnings.length) {
    view.append(section("Watch out for", el("ul", {},
      result.warnings.map((warning) => el("li", {},
        el("a", { href: labels.href("gotcha", warning.id) }, warning.title),
        ": ", warning.why)))));
  }

  // 5. The reference architecture to start from.
  if (result.architecture) {
    const title = labels.architectures.get(result.architecture)
      || result.architecture;
    view.append(section("Reference architecture", el("p", {},
      el("a", { href: labels.href("architecture", result.architecture) },
        title))));
  }

  // 6. The smallest change that flips the outcome, as a link to try it.
  if (result.flip) {
    const flipped = { ...result.answers };
    for (const change of result.flip.changes) {
      if (change.to === null) delete flipped[change.answer];
      else flipped[change.answer] = change.to;
    }
    view.append(section("What would change it", el("p", {},
      result.flip.text, " ",
      el("a", { href: linkTo(flipped), "data-wizard-answers": "" },
        "Try these answers"))));
  }

  // 7. What the engine assumed for the questions left open.
  if (result.assumptions.length) {
    view.append(section("Assumed for unanswered questions",
      el("ul", { class: "wizard-result__assumptions" },
        result.assumptions.map((assumption) => el("li", {},
          el("a", { href: `#q-${assumption.question}` },
            labels.questionLabel(assumption.question)),
          " ", assumption.text)))));
  }
  return view;
}

function computeTypeNote(result, labels) {
  if (!result.compute_type) return null;
  const service = result.recommendation === "both"
    ? "agentcore-runtime"
    : result.recommendation;
  const name = labels.computeTypeName(service, result.compute_type);
  return el("span", { class: "wizard-result__compute" },
    ` · compute type: ${name}`);
}

function section(title, ...content) {
  return el("section", { class: "wizard-result__part" },
    el("h3", {}, title), ...content);
}

// " (facts: Regions of X; sources: Title, Title)" as links into the site.
function citations(entry, labels) {
  const facts = (entry.facts || []).map((id) =>
    el("a", { href: labels.href("fact", id) }, labels.factName(id)));
  const sources = (entry.sources || []).map((id) =>
    el("a", { href: labels.href("source", id) }, labels.sourceName(id)));
  if (!facts.length && !sources.length) return null;
  const parts = [];
  if (facts.length) parts.push("facts: ", ...interleave(facts, "; "));
  if (facts.length && sources.length) parts.push(" — ");
  if (sources.length) parts.push("sources: ", ...interleave(sources, "; "));
  return el("span", { class: "wizard-cite" }, " (", ...parts, ")");
}

function interleave(nodes, separator) {
  return nodes.flatMap((node, index) => (index ? [separator, node] : [node]));
}

/**
 * Build the failure view: what failed, what to do, where to go instead.
 * @param {{title: string, detail: string, todo: string[]}} failure
 * @param {string} galleryHref the scenario gallery page
 */
export function failureView(failure, galleryHref) {
  return el("div", { class: "admonition failure wizard-failure" },
    el("p", { class: "admonition-title" }, failure.title),
    el("p", {}, failure.detail),
    failure.todo.length
      ? el("ul", {}, failure.todo.map((step) => el("li", {}, step)))
      : null,
    el("p", {},
      "Your answers are kept in this page's address, so the link still "
      + "works once the problem is fixed. Meanwhile, the ",
      el("a", { href: galleryHref }, "scenario gallery"),
      " shows worked examples with their recommendations."),
    failure.technical
      ? el("details", {}, el("summary", {}, "Technical details"),
        el("pre", {}, el("code", {}, failure.technical)))
      : null,
  );
}
