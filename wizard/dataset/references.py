"""Check what the files say about each other: ids, references, vocabularies and value forms.

A JSON Schema sees one file at a time; these checks see them all. Every id must be unique
within its kind across files, every reference must resolve, values must come from the
vocabulary their dimension or question names, and each record's evidence grade must be
backed by a source of that kind. Every problem is located at the line of the value at fault.

The checks are written to survive records that failed their schema: they skip what they
cannot read instead of raising.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from wizard.dataset.problems import KeyPath, Problem
from wizard.dataset.yamlfile import Document

# The field that holds a record's id, where it is not `id`.
ID_FIELDS = {"regions": "code"}

# Fields that cite records of a kind anywhere in the data: a list of ids, or one id.
CITATIONS = {
    "sources": "sources",
    "source": "sources",
    "facts": "facts",
    "fact": "facts",
    "gotchas": "gotchas",
    "gotcha": "gotchas",
}

# Keys whose value is a condition on the answers (see the `condition` schema definition).
CONDITION_KEYS = {"when", "applies_when", "fits_when"}

# A fact's `feature` names an option of this question (facts.schema.json says so).
FEATURE_QUESTION = "agentcore_services"

# The tests a condition may apply to an answer, by question kind.
TESTS_BY_KIND = {
    "one": ("is",),
    "yes_no": ("is",),
    "number": ("is", "at_least"),
    "many": ("includes", "includes_any", "non_empty"),
    "regions": ("includes", "includes_any", "non_empty"),
}

# The dimension value type each constraint test compares against.
TEST_VALUE_TYPES = {
    "all_in": ("regions", "items"),
    "includes": ("items",),
    "at_most": ("number",),
    "required": ("yes_no",),
}

VALUE_FORMS = ("yes_no", "number", "text", "regions", "items")

# An evidence grade must be backed by at least one cited source of these kinds.
EVIDENCE_SOURCES = {
    "official_doc": ("official_doc",),
    "sdk_model": ("sdk_model",),
    "hands_on": ("hands_on",),
}

KIND_WORDS = {"one": "one-choice", "many": "many-choice", "yes_no": "yes/no"}


@dataclass(frozen=True)
class Entry:
    """One record and where it sits."""

    doc: Document
    path: KeyPath
    record: dict[str, Any]

    def at(self, *keys: str | int) -> KeyPath:
        """Return the path of a field inside this record."""
        return (*self.path, *keys)


def reference_problems(docs: list[Document]) -> list[Problem]:
    """Check every cross-file rule over the documents and return the problems found."""
    return References(docs).check()


class References:
    """The index of every record by kind and id, and the checks that use it."""

    def __init__(self, docs: list[Document]) -> None:
        self.docs = [doc for doc in docs if isinstance(doc.data, dict)]
        self.problems: list[Problem] = []
        self.entries: dict[str, list[Entry]] = {}
        self.ids: dict[str, dict[str, Entry]] = {}
        self.files: dict[str, list[str]] = {}
        self._index()

    def check(self) -> list[Problem]:
        """Run every check; return the problems in the order found."""
        self._citations()
        self._facts()
        self._conditions()
        self._rules()
        self._gotchas()
        self._architectures()
        self._dimensions()
        self._questions()
        self._services()
        self._scenarios()
        self._evidence()
        return self.problems

    # --- the index ---

    def _index(self) -> None:
        for doc in self.docs:
            if "id" in doc.data and len(doc.file.split("/")) > 2:
                # One record per file, in a folder: the folder names the kind.
                kind = doc.file.split("/")[-2]
                self._add(kind, Entry(doc, (), doc.data))
                continue
            for key, value in doc.data.items():
                if not isinstance(value, list):
                    continue
                for index, record in enumerate(value):
                    if isinstance(record, dict):
                        self._add(key, Entry(doc, (key, index), record))
                        self._add_nested(key, Entry(doc, (key, index), record))

    def _add_nested(self, kind: str, entry: Entry) -> None:
        # Dimensions live inside their groups.
        if kind != "groups" or not isinstance(entry.record.get("dimensions"), list):
            return
        for index, record in enumerate(entry.record["dimensions"]):
            if isinstance(record, dict):
                self._add("dimensions", Entry(entry.doc, entry.at("dimensions", index), record))

    def _add(self, kind: str, entry: Entry) -> None:
        self.entries.setdefault(kind, []).append(entry)
        files = self.files.setdefault(kind, [])
        if entry.doc.file not in files:
            files.append(entry.doc.file)

        field = ID_FIELDS.get(kind, "id")
        record_id = entry.record.get(field)
        if not isinstance(record_id, str):
            return
        known = self.ids.setdefault(kind, {})
        if record_id in known:
            first = known[record_id]
            line, col = first.doc.position(first.at(field))
            self._report(
                entry.doc,
                entry.at(field),
                f'duplicate {_singular(kind)} id "{record_id}"',
                f"also at {first.doc.file}:{line}:{col}; ids must be unique across files",
            )
        else:
            known[record_id] = entry

    # --- helpers ---

    def _report(self, doc: Document, path: KeyPath, message: str, hint: str = "") -> None:
        self.problems.append(doc.problem(path, message, hint))

    def _get(self, kind: str, record_id: Any) -> Entry | None:
        if not isinstance(record_id, str):
            return None
        return self.ids.get(kind, {}).get(record_id)

    def _resolve(
        self, doc: Document, path: KeyPath, kind: str, value: Any, what: str = ""
    ) -> Entry | None:
        """Return the record `value` names, or report it as unknown."""
        if not isinstance(value, str):
            return None
        entry = self._get(kind, value)
        if entry is None:
            known = sorted(self.ids.get(kind, {}))
            where = ", ".join(self.files.get(kind, [])) or f"no file defines any {kind}"
            self._report(
                doc,
                path,
                f'unknown {what or _singular(kind)} "{value}"',
                _unknown_hint(value, known, where),
            )
        return entry

    def _one_of(
        self, doc: Document, path: KeyPath, value: Any, allowed: list[str], what: str
    ) -> bool:
        """Report `value` unless it is one of `allowed`; say whether it was."""
        if not isinstance(value, str) or value in allowed:
            return True
        self._report(doc, path, f'"{value}" is not {what}', _unknown_hint(value, allowed, ""))
        return False

    def _question(self, question_id: Any) -> dict[str, Any] | None:
        entry = self._get("questions", question_id)
        return entry.record if entry else None

    def _options(self, question: dict[str, Any] | None) -> list[str]:
        if not question or not isinstance(question.get("options"), list):
            return []
        return [o.get("value") for o in question["options"] if isinstance(o, dict)]

    def _regions(self) -> list[str]:
        return sorted(self.ids.get("regions", {}))

    def _compute_type(self, doc: Document, path: KeyPath, service: Entry, value: Any) -> None:
        types = service.record.get("compute_types")
        allowed = [t.get("id") for t in types if isinstance(t, dict)] if types else []
        name = service.record.get("id")
        self._one_of(doc, path, value, allowed, f'a compute type of service "{name}"')

    # --- ids that one record cites ---

    def _citations(self) -> None:
        for doc in self.docs:
            for path, key, value in _walk_fields(doc.data, ()):
                kind = CITATIONS.get(key)
                if kind is None:
                    continue
                if isinstance(value, str):
                    self._resolve(doc, (*path, key), kind, value)
                elif isinstance(value, list):
                    for index, item in enumerate(value):
                        if isinstance(item, str):
                            self._resolve(doc, (*path, key, index), kind, item)

    # --- facts ---

    def _facts(self) -> None:
        slots: dict[tuple, Entry] = {}
        for entry in self.entries.get("facts", []):
            fact, doc = entry.record, entry.doc
            service = self._resolve(doc, entry.at("service"), "services", fact.get("service"))
            if service and "compute_type" in fact:
                self._compute_type(doc, entry.at("compute_type"), service, fact["compute_type"])
            dimension = self._resolve(
                doc, entry.at("dimension"), "dimensions", fact.get("dimension")
            )
            if "feature" in fact:
                features = self._options(self._question(FEATURE_QUESTION))
                what = f'an option of question "{FEATURE_QUESTION}"'
                self._one_of(doc, entry.at("feature"), fact["feature"], features, what)

            if dimension:
                self._value(entry, ("value",), fact.get("value"), dimension.record)
                for index, old in enumerate(_list(fact.get("history"))):
                    if isinstance(old, dict):
                        path = ("history", index, "value")
                        self._value(entry, path, old.get("value"), dimension.record)

            self._fact_dates(entry)
            slot = tuple(fact.get(key) for key in ("service", "compute_type", "feature"))
            slot += (fact.get("dimension"),)
            if slot in slots and all(isinstance(part, str) or part is None for part in slot):
                first = slots[slot]
                line, _ = first.doc.position(first.path)
                self._report(
                    doc,
                    entry.at("dimension"),
                    f'a second fact for {_slot(slot)} (the first is "{first.record.get("id")}")',
                    f"at {first.doc.file}:{line}; keep one fact per slot and move the older "
                    "value into its history",
                )
            else:
                slots[slot] = entry

    def _value(self, entry: Entry, path: KeyPath, value: Any, dimension: dict) -> None:
        if not isinstance(value, dict):
            return
        doc = entry.doc
        form = next((key for key in VALUE_FORMS if key in value), None)
        expected = dimension.get("value_type")
        if form and form != expected and form != "text":
            self._report(
                doc,
                entry.at(*path, form),
                f'dimension "{dimension.get("id")}" holds {expected} values, not {form}',
                f"write {{{expected}: ...}}, or {{text: ...}} where no fixed value is documented",
            )
            return
        if form == "items":
            question_id = dimension.get("vocabulary")
            allowed = self._options(self._question(question_id))
            for index, item in enumerate(_list(value["items"])):
                what = f'an option of question "{question_id}"'
                self._one_of(doc, entry.at(*path, "items", index), item, allowed, what)
        if form == "regions":
            for index, code in enumerate(_list(value["regions"])):
                self._resolve(doc, entry.at(*path, "regions", index), "regions", code, "Region")

    def _fact_dates(self, entry: Entry) -> None:
        fact = entry.record
        as_of = fact.get("as_of")
        if not isinstance(as_of, str):
            return
        review_by = fact.get("review_by")
        if isinstance(review_by, str) and review_by <= as_of:
            self._report(
                entry.doc,
                entry.at("review_by"),
                f"review_by {review_by} is not after as_of {as_of}",
                "set the date by which the value should be checked again",
            )
        for index, old in enumerate(_list(fact.get("history"))):
            old_date = old.get("as_of") if isinstance(old, dict) else None
            if isinstance(old_date, str) and old_date > as_of:
                self._report(
                    entry.doc,
                    entry.at("history", index, "as_of"),
                    f"history entry is dated {old_date}, after the fact's as_of {as_of}",
                    "history holds earlier values; the current one belongs at the top level",
                )

    # --- conditions on answers ---

    def _conditions(self) -> None:
        for doc in self.docs:
            for path, key, value in _walk_fields(doc.data, ()):
                if key in CONDITION_KEYS:
                    self._condition(doc, (*path, key), value)

    def _condition(self, doc: Document, path: KeyPath, condition: Any) -> None:
        if not isinstance(condition, dict):
            return
        for group in ("all", "any"):
            for index, part in enumerate(_list(condition.get(group))):
                self._condition(doc, (*path, group, index), part)
        if "uses" in condition:
            self._resolve(doc, (*path, "uses"), "services", condition["uses"])
        if "recommendation" in condition:
            self._resolve(doc, (*path, "recommendation"), "outcomes", condition["recommendation"])
        if "answer" in condition:
            self._answer_test(doc, path, condition)

    def _answer_test(self, doc: Document, path: KeyPath, condition: dict) -> None:
        entry = self._resolve(doc, (*path, "answer"), "questions", condition["answer"])
        if entry is None:
            return
        question = entry.record
        kind = question.get("kind")
        tests = [key for key in condition if key != "answer"]
        if len(tests) != 1 or kind not in TESTS_BY_KIND:
            return
        test, value = tests[0], condition[tests[0]]
        if test not in TESTS_BY_KIND[kind]:
            self._report(
                doc,
                (*path, test),
                f'test "{test}" does not apply to the {KIND_WORDS.get(kind, kind)} question '
                f'"{question.get("id")}"',
                f"use {' or '.join(TESTS_BY_KIND[kind])}",
            )
            return
        if test == "non_empty":
            return
        values = value if test == "includes_any" else [value]
        for index, item in enumerate(_list(values)):
            where = (*path, test, index) if test == "includes_any" else (*path, test)
            self._answer_value(doc, where, question, item, test)

    def _answer_value(
        self, doc: Document, path: KeyPath, question: dict, value: Any, test: str
    ) -> None:
        kind, question_id = question.get("kind"), question.get("id")
        if kind in ("one", "many"):
            if isinstance(value, str):
                allowed = self._options(question)
                self._one_of(doc, path, value, allowed, f'an option of question "{question_id}"')
            else:
                self._report(doc, path, f'question "{question_id}" takes an option value')
        elif kind == "regions" and test != "non_empty":
            self._resolve(doc, path, "regions", value, "Region")
        elif kind == "yes_no" and not isinstance(value, bool):
            self._report(doc, path, f'question "{question_id}" is answered true or false')
        elif kind == "number" and test == "at_least" and isinstance(value, dict):
            fact = self._get("facts", value.get("fact"))
            fact_value = fact.record.get("value") if fact else None
            if fact and not (isinstance(fact_value, dict) and "number" in fact_value):
                self._report(
                    doc,
                    (*path, "fact"),
                    f'fact "{value.get("fact")}" has no number to take a fraction of',
                    "name a fact whose value is {number: ..., unit: ...}",
                )
        elif kind == "number" and not _is_number(value) and not isinstance(value, dict):
            self._report(doc, path, f'question "{question_id}" is answered with a number')

    # --- rules ---

    def _rules(self) -> None:
        for doc in self.docs:
            data = doc.data
            if "constraints" not in data and "preferences" not in data:
                continue
            for index, option in enumerate(_list(data.get("options"))):
                if isinstance(option, dict):
                    self._option(doc, ("options", index), option)
            for index, service in enumerate(_list(data.get("tie_order"))):
                self._resolve(doc, ("tie_order", index), "services", service)
            design = data.get("both_design")
            if isinstance(design, dict):
                for part in ("agent", "sandbox"):
                    self._resolve(doc, ("both_design", part), "services", design.get(part))
        for entry in self.entries.get("constraints", []):
            self._constraint(entry)
        for entry in self.entries.get("preferences", []):
            self._preference(entry)

    def _option(self, doc: Document, path: KeyPath, option: dict) -> None:
        service = self._resolve(doc, (*path, "service"), "services", option.get("service"))
        if service and "compute_type" in option:
            self._compute_type(doc, (*path, "compute_type"), service, option["compute_type"])

    def _constraint(self, entry: Entry) -> None:
        rule, doc = entry.record, entry.doc
        question = self._resolve(doc, entry.at("question"), "questions", rule.get("question"))
        dimension = self._resolve(doc, entry.at("dimension"), "dimensions", rule.get("dimension"))
        if "per_item_of" in rule:
            self._resolve(doc, entry.at("per_item_of"), "questions", rule["per_item_of"])
        if question:
            allowed = self._options(question.record)
            what = f'an option of question "{question.record.get("id")}"'
            for index, value in enumerate(_list(rule.get("ignore"))):
                self._one_of(doc, entry.at("ignore", index), value, allowed, what)
        test = rule.get("test")
        value_type = dimension.record.get("value_type") if dimension else None
        if test in TEST_VALUE_TYPES and value_type and value_type not in TEST_VALUE_TYPES[test]:
            self._report(
                doc,
                entry.at("test"),
                f'test "{test}" compares {" or ".join(TEST_VALUE_TYPES[test])} facts, but '
                f'dimension "{rule.get("dimension")}" holds {value_type}',
                "pick the test that fits the dimension's value_type",
            )

    def _preference(self, entry: Entry) -> None:
        rule, doc = entry.record, entry.doc
        if ("favours" in rule) == ("favours_where" in rule):
            self._report(
                doc, entry.path, 'a preference needs exactly one of "favours" and "favours_where"'
            )
        if "favours" in rule and rule["favours"] != "both":
            self._resolve(doc, entry.at("favours"), "services", rule["favours"])
        where = rule.get("favours_where")
        if not isinstance(where, dict):
            return
        path = entry.at("favours_where")
        dimension = self._resolve(doc, (*path, "dimension"), "dimensions", where.get("dimension"))
        if "covers_answer" in where:
            self._resolve(doc, (*path, "covers_answer"), "questions", where["covers_answer"])
        if dimension is None:
            return
        record = dimension.record
        if "is" in where and record.get("value_type") != "yes_no":
            self._report(
                doc,
                (*path, "is"),
                f'"is" needs a yes_no dimension; "{record.get("id")}" holds '
                f"{record.get('value_type')}",
            )
        if "covers" in where or "covers_answer" in where:
            if record.get("value_type") != "items":
                self._report(
                    doc,
                    (*path, "dimension"),
                    f'"covers" needs an items dimension; "{record.get("id")}" holds '
                    f"{record.get('value_type')}",
                )
            allowed = self._options(self._question(record.get("vocabulary")))
            what = f'in the vocabulary of dimension "{record.get("id")}"'
            for index, item in enumerate(_list(where.get("covers"))):
                self._one_of(doc, (*path, "covers", index), item, allowed, what)

    # --- gotchas and architectures ---

    def _gotchas(self) -> None:
        for entry in self.entries.get("gotchas", []):
            gotcha, doc = entry.record, entry.doc
            for index, target in enumerate(_list(gotcha.get("applies_to"))):
                if isinstance(target, dict):
                    self._option(doc, entry.at("applies_to", index), target)
            if "applies_when" in gotcha and not gotcha.get("warning"):
                self._report(
                    doc,
                    entry.at("applies_when"),
                    "a gotcha with applies_when needs a warning",
                    "add warning: the sentence the wizard shows when applies_when holds",
                )

    def _architectures(self) -> None:
        for entry in self.entries.get("architectures", []):
            record, doc = entry.record, entry.doc
            for index, service in enumerate(_list(record.get("services"))):
                self._resolve(doc, entry.at("services", index), "services", service)
            components: list[str] = []
            for index, component in enumerate(_list(record.get("components"))):
                if not isinstance(component, dict):
                    continue
                if "service" in component:
                    path = entry.at("components", index, "service")
                    self._resolve(doc, path, "services", component["service"])
                if component.get("id") in components:
                    self._report(
                        doc,
                        entry.at("components", index, "id"),
                        f'duplicate component id "{component.get("id")}"',
                    )
                components.append(component.get("id"))
            for index, step in enumerate(_list(record.get("steps"))):
                for end in ("from", "to"):
                    value = step.get(end) if isinstance(step, dict) else None
                    path = entry.at("steps", index, end)
                    self._one_of(doc, path, value, components, "a component of this architecture")

    # --- dimensions, questions and services ---

    def _dimensions(self) -> None:
        for entry in self.entries.get("dimensions", []):
            record, doc = entry.record, entry.doc
            is_items = record.get("value_type") == "items"
            if is_items and "vocabulary" not in record:
                self._report(
                    doc,
                    entry.path,
                    "an items dimension needs a vocabulary",
                    "name the question whose option values the items are",
                )
            if "vocabulary" not in record:
                continue
            if not is_items:
                self._report(
                    doc, entry.at("vocabulary"), "only items dimensions take a vocabulary"
                )
            question = self._resolve(
                doc, entry.at("vocabulary"), "questions", record["vocabulary"]
            )
            if question and not self._options(question.record):
                self._report(
                    doc,
                    entry.at("vocabulary"),
                    f'question "{record["vocabulary"]}" has no options to use as a vocabulary',
                )

    def _questions(self) -> None:
        for entry in self.entries.get("questions", []):
            record, doc = entry.record, entry.doc
            has_options = "options" in record
            if record.get("kind") in ("one", "many") and not has_options:
                self._report(doc, entry.path, f'a "{record["kind"]}" question needs options')
            elif record.get("kind") not in ("one", "many", None) and has_options:
                self._report(
                    doc, entry.at("options"), f'a "{record["kind"]}" question takes no options'
                )
            seen: list[str] = []
            for index, value in enumerate(self._options(record)):
                if value in seen:
                    path = entry.at("options", index, "value")
                    self._report(doc, path, f'option "{value}" is listed twice')
                seen.append(value)
            if record.get("kind") != "number":
                for bound in ("unit", "minimum", "maximum", "exclusive_minimum"):
                    if bound in record:
                        self._report(doc, entry.at(bound), f'only number questions take "{bound}"')

    def _services(self) -> None:
        for entry in self.entries.get("services", []):
            seen: list[str] = []
            for index, compute_type in enumerate(_list(entry.record.get("compute_types"))):
                type_id = compute_type.get("id") if isinstance(compute_type, dict) else None
                if type_id in seen:
                    path = entry.at("compute_types", index, "id")
                    self._report(entry.doc, path, f'duplicate compute type id "{type_id}"')
                seen.append(type_id)

    # --- scenarios ---

    def _scenarios(self) -> None:
        for entry in self.entries.get("scenarios", []):
            record, doc = entry.record, entry.doc
            stem = PurePosixPath(doc.file).stem
            if isinstance(record.get("id"), str) and record["id"] != stem:
                self._report(
                    doc,
                    entry.at("id"),
                    f'scenario id "{record["id"]}" differs from its file name "{stem}"',
                    f"rename the file to {record['id']}.yaml or the id to {stem}",
                )
            answers = record.get("answers")
            if isinstance(answers, dict):
                for question_id, value in answers.items():
                    self._scenario_answer(
                        doc, entry.at("answers", question_id), question_id, value
                    )
            expect = record.get("expect")
            if isinstance(expect, dict):
                self._expectation(entry, expect)

    def _expectation(self, entry: Entry, expect: dict) -> None:
        doc = entry.doc
        if "recommendation" in expect:
            path = entry.at("expect", "recommendation")
            self._resolve(doc, path, "outcomes", expect["recommendation"])
        if "architecture" in expect:
            path = entry.at("expect", "architecture")
            self._resolve(doc, path, "architectures", expect["architecture"])
        for field, kind in (("warnings", "gotchas"), ("ruled_out", "services")):
            for index, value in enumerate(_list(expect.get(field))):
                self._resolve(doc, entry.at("expect", field, index), kind, value)

    # TODO(#6): share these answer rules with wizard.engine.answers.normalise, once its
    # problems can carry the path of the answer they are about.
    def _scenario_answer(self, doc: Document, path: KeyPath, question_id: str, value: Any) -> None:
        question = self._get("questions", question_id)
        if question is None:
            known = sorted(self.ids.get("questions", {}))
            self._report(
                doc,
                path,
                f'unknown question "{question_id}"',
                _unknown_hint(question_id, known, ""),
            )
            return
        kind = question.record.get("kind")
        if kind in ("many", "regions") and isinstance(value, list):
            for index, item in enumerate(value):
                self._answer_value(doc, (*path, index), question.record, item, "includes")
        elif kind in ("many", "regions"):
            self._report(doc, path, f'question "{question_id}" is answered with a list')
        elif kind is not None:
            self._answer_value(doc, path, question.record, value, "is")

    # --- evidence grades ---

    def _evidence(self) -> None:
        kinds = (
            {
                source_id: entry.record.get("kind")
                for source_id, entry in self.ids["sources"].items()
            }
            if "sources" in self.ids
            else {}
        )
        for records in self.entries.values():
            for entry in records:
                grade = entry.record.get("evidence")
                cited = entry.record.get("sources")
                if grade not in EVIDENCE_SOURCES or not isinstance(cited, list) or not cited:
                    continue
                backed = [s for s in cited if kinds.get(s) in EVIDENCE_SOURCES[grade]]
                if not backed and all(s in kinds for s in cited if isinstance(s, str)):
                    self._report(
                        entry.doc,
                        entry.at("evidence"),
                        f'evidence is "{grade}", but no cited source is of kind {grade}',
                        "cite the source that establishes the value, or lower the grade",
                    )


def _walk_fields(node: Any, path: KeyPath) -> Iterator[tuple[KeyPath, str, Any]]:
    """Yield (path of the mapping, key, value) for every mapping entry in the tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield path, key, value
            yield from _walk_fields(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk_fields(item, (*path, index))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _singular(kind: str) -> str:
    words = {"sources": "source", "facts": "fact", "regions": "Region", "groups": "group"}
    return words.get(kind, kind.removesuffix("s").replace("_", " "))


def _slot(slot: tuple) -> str:
    service, compute_type, feature, dimension = slot
    parts = [f'service "{service}"']
    if compute_type:
        parts.append(f'compute type "{compute_type}"')
    if feature:
        parts.append(f'feature "{feature}"')
    parts.append(f'dimension "{dimension}"')
    return ", ".join(parts)


def _unknown_hint(value: str, known: list[str], where: str) -> str:
    close = difflib.get_close_matches(value, known, n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    if not known:
        return hint.strip()
    if len(known) <= 12 or not where:
        return hint + "known: " + ", ".join(known)
    return hint + f"the ids are in {where}"
