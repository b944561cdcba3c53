"""Look entries of the bundle up by id, the way every page needs them.

The bundle is plain lists (as loaded from YAML); pages need "the source with this id" or "the
facts for this dimension". A lookup that fails raises MissingReference with the id and the known
ids, which the page renderer turns into an error naming the page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from wizard.dataset import is_past_review
from wizard.site import values
from wizard.site.errors import MissingReference

Entry = dict[str, Any]

# The facts schema defines `feature` as an option of this question.
FEATURE_VOCABULARY = "agentcore_services"


class Catalog:
    """Indexes over one bundle; build one per site build."""

    def __init__(self, bundle: dict[str, Any], today: dt.date | None = None) -> None:
        self.bundle = bundle
        # The build date: facts past their review_by date are marked on every page.
        self.today = today or dt.date.today()
        self.meta: Entry = bundle["meta"]
        self.facts: list[Entry] = bundle["facts"]
        self.groups: list[Entry] = bundle["groups"]
        self.services: list[Entry] = bundle["services"]
        self.sources: list[Entry] = bundle["sources"]
        self.regions: list[Entry] = bundle["regions"]
        self.gotchas: list[Entry] = bundle["gotchas"]
        self.architectures: list[Entry] = bundle["architectures"]
        self.outcomes: list[Entry] = bundle["outcomes"]
        self.questions: list[Entry] = bundle["questions"]

        self._sources = _by_key(self.sources, "id")
        self._services = _by_key(self.services, "id")
        self._regions = _by_key(self.regions, "code")
        self._gotchas = _by_key(self.gotchas, "id")
        self._questions = _by_key(self.questions, "id")
        self._dimensions = {dim["id"]: dim for group in self.groups for dim in group["dimensions"]}
        self._group_of = {dim["id"]: group for group in self.groups for dim in group["dimensions"]}

    # --- single lookups ---

    def source(self, ref: str) -> Entry:
        """Return the source with id `ref`."""
        return _get(self._sources, "source", ref)

    def service(self, ref: str) -> Entry:
        """Return the service with id `ref`."""
        return _get(self._services, "service", ref)

    def compute_type(self, service_ref: str, ref: str) -> Entry:
        """Return compute type `ref` of service `service_ref`."""
        types = _by_key(self.service(service_ref)["compute_types"], "id")
        return _get(types, f"compute type of {service_ref}", ref)

    def region(self, code: str) -> Entry:
        """Return the region with code `code`."""
        return _get(self._regions, "region", code)

    def gotcha(self, ref: str) -> Entry:
        """Return the gotcha with id `ref`."""
        return _get(self._gotchas, "gotcha", ref)

    def dimension(self, ref: str) -> Entry:
        """Return the dimension with id `ref`."""
        return _get(self._dimensions, "dimension", ref)

    def group_of(self, dimension_ref: str) -> Entry:
        """Return the group that holds dimension `dimension_ref`."""
        return _get(self._group_of, "dimension", dimension_ref)

    def question(self, ref: str) -> Entry:
        """Return the wizard question with id `ref`."""
        return _get(self._questions, "question", ref)

    def option_label(self, question_ref: str, value: str) -> str:
        """Return the label of option `value` of question `question_ref`."""
        question = _get(self._questions, "question", question_ref)
        options = _by_key(question.get("options", []), "value")
        return _get(options, f"option of question {question_ref}", value)["label"]

    def wording(self, value: Entry, dimension_ref: str) -> str:
        """Word a fact's value for a reader, naming items by the dimension's vocabulary."""
        vocabulary = self.dimension(dimension_ref).get("vocabulary")
        if vocabulary is None:
            return values.format_value(value)
        return values.format_value(value, lambda item: self.option_label(vocabulary, item))

    # --- what a fact or gotcha applies to ---

    def subject(self, entry: Entry) -> str:
        """Name what a fact or an applies_to entry is about: "AgentCore Runtime (Instances)".

        Facts without a compute type apply to the whole service; a `feature` names the AgentCore
        service a regions fact is for.
        """
        service = self.service(entry["service"])
        name = service["short_name"]
        if "feature" in entry:
            return f"{name}: {self.option_label(FEATURE_VOCABULARY, entry['feature'])}"
        if "compute_type" in entry:
            compute_type = self.compute_type(entry["service"], entry["compute_type"])
            return f"{name} ({compute_type['name']})"
        return name

    def columns(self) -> list[tuple[Entry, Entry]]:
        """Return (service, compute type) pairs: one Compare column each, in data order."""
        return [
            (service, compute_type)
            for service in self.services
            for compute_type in service["compute_types"]
        ]

    # --- fact queries ---

    def facts_for(self, dimension_ref: str) -> list[Entry]:
        """Return the facts for one dimension, in data order."""
        self.dimension(dimension_ref)
        return [fact for fact in self.facts if fact["dimension"] == dimension_ref]

    def past_review(self, record: Entry) -> bool:
        """Say whether a fact's (or gotcha's) review_by date has passed on the build date."""
        return is_past_review(record, self.today)

    def fact_page(self, fact: Entry) -> str:
        """Return the page that shows a fact under an anchor equal to its id."""
        return "regions.md" if "feature" in fact else "compare.md"

    def citing(self, source_ref: str) -> dict[str, list[Entry]]:
        """Return what cites a source: facts (now or in their history), gotchas, architectures."""
        return {
            "facts": [fact for fact in self.facts if source_ref in _fact_source_ids(fact)],
            "gotchas": [g for g in self.gotchas if source_ref in g["sources"]],
            "architectures": [a for a in self.architectures if source_ref in a["sources"]],
        }

    def architectures_citing_gotcha(self, gotcha_ref: str) -> list[Entry]:
        """Return the reference architectures that list a gotcha as related."""
        return [a for a in self.architectures if gotcha_ref in a.get("gotchas", [])]


def _fact_source_ids(fact: Entry) -> set[str]:
    ids = set(fact["sources"])
    for earlier in fact.get("history", []):
        ids.update(earlier["sources"])
    return ids


def _by_key(entries: Iterable[Entry], key: str) -> dict[str, Entry]:
    return {entry[key]: entry for entry in entries}


def _get(index: dict[str, Entry], kind: str, ref: str) -> Entry:
    try:
        return index[ref]
    except KeyError:
        raise MissingReference(kind, ref, sorted(index)) from None
