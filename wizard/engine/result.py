"""Build the result: evaluate answers against the data, the engine's one public operation."""

from __future__ import annotations

from typing import Any

from wizard.engine.answers import normalise
from wizard.engine.conditions import answers_read, holds
from wizard.engine.decide import Decision, State
from wizard.engine.flip import find_flip
from wizard.engine.model import Model, compile_model
from wizard.engine.rules import Hit, RuleBook
from wizard.engine.wording import answer_text, change_text, fact_text, join

ENGINE_VERSION = "1.0.0"


def evaluate(answers: dict[str, Any], bundle: dict[str, Any]) -> dict[str, Any]:
    """Recommend where to run the workload the answers describe.

    Raises InvalidAnswers (with every problem) when an answer breaks the questions' contract.
    The result holds only JSON types. The bundle is indexed on first use and must not be
    changed afterwards: pass a new dict for new data.
    """
    model = compile_model(bundle)
    book = _rule_book(model)
    canonical = normalise(answers, model)

    state = State(book, canonical)
    decision = state.decide()
    flip = find_flip(state, decision)

    return {
        "recommendation": decision.recommendation,
        "compute_type": decision.compute_type,
        "reasons": _reasons(state, decision, model),
        "ruled_out": _ruled_out(state, model),
        "warnings": _warnings(state, decision, model),
        "architecture": _architecture(state, decision, model),
        "flip": _flip(flip, canonical, model),
        "assumptions": _assumptions(canonical, model),
        "answers": {key: _plain(value) for key, value in canonical.items()},
        "data_version": model.data_version,
        "engine_version": ENGINE_VERSION,
    }


def _rule_book(model: Model) -> RuleBook:
    book = getattr(model, "rule_book", None)
    if book is None:
        book = model.rule_book = RuleBook(model)
    return book


# --- reasons ---


def _reasons(state: State, decision: Decision, model: Model) -> list[dict[str, Any]]:
    book = state.book
    chosen_keys = {model.options[index].key for index in decision.chosen.values()}
    reasons = []

    for preference, targets in zip(book.preferences, state.favours, strict=True):
        supports = (decision.recommendation == "both" and "both" in targets) or any(
            target in chosen_keys for target in targets
        )
        if supports:
            facts = preference.get("facts") or _dimension_facts(preference, model)
            reasons.append(_reason(preference["id"], preference["message"], facts, model))

    messages = model.rules["messages"]
    if decision.displaced:
        hits = _hits_for(state, decision.displaced, model)
        text = messages["fallback"].format(
            preferred=model.service_names[decision.displaced],
            chosen=model.outcome_labels[decision.recommendation],
        )
        reasons.append(_reason("fallback", text, [hit.fact for hit in hits], model))

    if _wanted_both(state) and decision.recommendation not in ("both", "neither"):
        hits = [hit for rule_hits in state.hits for hit in rule_hits]
        text = messages["both_not_possible"].format(
            reasons=" ".join(_hit_text(hit, state, model) for hit in hits)
        )
        reasons.append(_reason("both-not-possible", text, [hit.fact for hit in hits], model))

    for service, index in decision.chosen.items():
        default = model.options_of(service)[0]
        if model.options[index] != default:
            hits = [
                hit
                for rule_hits in state.hits
                for hit in rule_hits
                if model.options[hit.option] == default
            ]
            text = messages["compute_type"].format(
                option=model.option_label(model.options[index]),
                reasons=" ".join(_hit_text(hit, state, model) for hit in hits),
            )
            reasons.append(_reason("compute-type", text, [hit.fact for hit in hits], model))

    if decision.recommendation == "neither":
        hits = [hit for rule_hits in state.hits for hit in rule_hits]
        reasons.append(_reason("neither", messages["neither"], [h.fact for h in hits], model))
    elif not reasons:
        text = messages["tie"].format(chosen=model.outcome_labels[decision.recommendation])
        reasons.append(_reason("tie", text, [], model))
    return reasons


def _wanted_both(state: State) -> bool:
    return any("both" in targets for targets in state.favours)


def _dimension_facts(preference: dict[str, Any], model: Model) -> list[str]:
    dimension = preference["favours_where"]["dimension"]
    facts = (model.fact_for(option, dimension) for option in model.options)
    return [fact["id"] for fact in facts if fact is not None]


def _reason(reason_id: str, text: str, facts: list[str], model: Model) -> dict[str, Any]:
    facts = list(dict.fromkeys(facts))
    return {"id": reason_id, "text": text, "facts": facts, "sources": _sources(facts, model)}


def _sources(facts: list[str], model: Model) -> list[str]:
    sources = (source for fact in facts for source in model.facts[fact]["sources"])
    return list(dict.fromkeys(sources))


# --- what rules options out ---


def _ruled_out(state: State, model: Model) -> dict[str, list[dict[str, Any]]]:
    ruled: dict[str, list[dict[str, Any]]] = {}
    seen = set()
    for rule_hits in state.hits:
        for hit in rule_hits:
            option = model.options[hit.option]
            # A fact about the whole service rules out all its compute types: say it once.
            compute_type = model.facts[hit.fact].get("compute_type")
            if (hit.rule, hit.fact, hit.item) in seen:
                continue
            seen.add((hit.rule, hit.fact, hit.item))
            ruled.setdefault(option.service, []).append(
                {
                    "rule": hit.rule,
                    "compute_type": compute_type,
                    "question": state.book.constraints[_rule_index(state, hit)]["question"],
                    "text": _hit_text(hit, state, model),
                    "facts": [hit.fact],
                    "sources": _sources([hit.fact], model),
                }
            )
    return ruled


def _rule_index(state: State, hit: Hit) -> int:
    return state.book.constraint_index[hit.rule]


def _hits_for(state: State, service: str, model: Model) -> list[Hit]:
    return [
        hit
        for rule_hits in state.hits
        for hit in rule_hits
        if model.options[hit.option].service == service
    ]


def _hit_text(hit: Hit, state: State, model: Model) -> str:
    constraint = state.book.constraints[_rule_index(state, hit)]
    question = constraint["question"]
    key = (hit, state.answers.get(question))
    text = state.book.texts.get(key)
    if text is None:
        text = state.book.texts[key] = _write_hit(hit, constraint, state, model)
    return text


def _write_hit(hit: Hit, constraint: dict[str, Any], state: State, model: Model) -> str:
    question = constraint["question"]
    item_label = ""
    if hit.item is not None:
        spec = model.questions[constraint["per_item_of"]]
        item_label = next(o["label"] for o in spec["options"] if o["value"] == hit.item)
    option = model.options[hit.option]
    if "compute_type" not in model.facts[hit.fact]:
        # The fact covers every compute type of the service: name the service alone.
        option_name = model.service_names[option.service]
    else:
        option_name = model.option_label(option)
    return constraint["message"].format(
        option=option_name,
        limit=fact_text(model.facts[hit.fact]),
        answer=answer_text(question, state.answers.get(question), model),
        missing=join(list(hit.missing)),
        item=item_label,
    )


# --- warnings, architecture, flip, assumptions ---


def _warnings(state: State, decision: Decision, model: Model) -> list[dict[str, Any]]:
    gotchas = [gotcha for gotcha in model.bundle["gotchas"] if "applies_when" in gotcha]
    found = _first_or_all(state, decision, "applies_when", gotchas, first=False)
    return [{"id": g["id"], "title": g["title"], "why": g["warning"]} for g in found]


def _architecture(state: State, decision: Decision, model: Model) -> str | None:
    fitting = [entry for entry in model.bundle["architectures"] if "fits_when" in entry]
    found = _first_or_all(state, decision, "fits_when", fitting, first=True)
    return found[0]["id"] if found else None


def _first_or_all(state: State, decision: Decision, key: str, entries, first: bool):
    """Entries whose condition holds (or the first one), memoised on what they read."""
    book = state.book
    reads = book.condition_reads.get(key)
    if reads is None:
        read = set().union(*(answers_read(entry[key]) for entry in entries))
        reads = book.condition_reads[key] = tuple(sorted(read))
    memo_key = (key, decision.recommendation, *(state.answers.get(q) for q in reads))
    found = book.texts.get(memo_key)
    if found is None:
        found = []
        for entry in entries:
            if holds(entry[key], state.answers, book.model, decision.recommendation):
                found.append(entry)
                if first:
                    break
        found = book.texts[memo_key] = tuple(found)
    return found


def _flip(found, answers: dict[str, Any], model: Model) -> dict[str, Any] | None:
    if found is None:
        return None
    changes, decision = found
    words = " and ".join(
        change_text(question, answers.get(question), value, model) for question, value in changes
    )
    label = model.outcome_labels[decision.recommendation]
    return {
        "changes": [
            {"answer": question, "from": _plain(answers.get(question)), "to": _plain(value)}
            for question, value in changes
        ],
        "recommendation": decision.recommendation,
        "compute_type": decision.compute_type,
        "text": model.rules["messages"]["flip"].format(changes=words, chosen=label),
    }


def _assumptions(answers: dict[str, Any], model: Model) -> list[dict[str, Any]]:
    return [
        {"question": question, "text": model.questions[question]["assumption"]}
        for question in model.question_order
        if question not in answers
    ]


def _plain(value: Any) -> Any:
    # Canonical lists are tuples (hashable for the memo); JSON wants lists.
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
