"""Index a data bundle for fast look-ups. The bundle stays the only source of facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Option:
    """One place code can run: a service and one of its compute types."""

    service: str
    compute_type: str
    name: str

    @property
    def key(self) -> str:
        return f"{self.service}/{self.compute_type}"


@dataclass
class Model:
    """The bundle, indexed: questions, facts, options and rules by id."""

    bundle: dict[str, Any]
    questions: dict[str, dict[str, Any]]
    question_order: list[str]
    region_codes: list[str]
    facts: dict[str, dict[str, Any]]
    sources: dict[str, dict[str, Any]]
    options: list[Option]
    service_names: dict[str, str]
    outcome_labels: dict[str, str]
    rules: dict[str, Any]
    data_version: str
    _fact_index: dict[tuple[str, str | None, str, str | None], dict[str, Any]] = field(
        default_factory=dict
    )

    def fact_for(
        self, option: Option, dimension: str, feature: str | None = None
    ) -> dict[str, Any] | None:
        """Find the fact for an option, preferring one about its compute type."""
        index = self._fact_index
        found = index.get((option.service, option.compute_type, dimension, feature))
        if found is None:
            found = index.get((option.service, None, dimension, feature))
        return found

    def options_of(self, service: str) -> list[Option]:
        return [option for option in self.options if option.service == service]

    def option_label(self, option: Option) -> str:
        """Name an option; the compute type only where the service has more than one."""
        if len(self.options_of(option.service)) > 1:
            return f"{self.service_names[option.service]} ({option.name})"
        return self.service_names[option.service]


# Compiled models, keyed by the bundle's identity. The bundle is kept alongside so that the
# id cannot be reused by another object while the entry lives.
_CACHE: dict[int, tuple[dict[str, Any], Model]] = {}
_CACHE_SIZE = 8


def compile_model(bundle: dict[str, Any]) -> Model:
    """Index the bundle once; later calls with the same bundle object reuse the index."""
    cached = _CACHE.get(id(bundle))
    if cached is not None and cached[0] is bundle:
        return cached[1]

    model = _build(bundle)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[id(bundle)] = (bundle, model)
    return model


def _build(bundle: dict[str, Any]) -> Model:
    compute_names = {
        (service["id"], compute_type["id"]): compute_type["name"]
        for service in bundle["services"]
        for compute_type in service["compute_types"]
    }
    options = [
        Option(
            entry["service"],
            entry["compute_type"],
            compute_names[(entry["service"], entry["compute_type"])],
        )
        for entry in bundle["rules"]["options"]
    ]

    model = Model(
        bundle=bundle,
        questions={question["id"]: question for question in bundle["questions"]},
        question_order=[question["id"] for question in bundle["questions"]],
        region_codes=[region["code"] for region in bundle["regions"]],
        facts={fact["id"]: fact for fact in bundle["facts"]},
        sources={source["id"]: source for source in bundle["sources"]},
        options=options,
        service_names={service["id"]: service["short_name"] for service in bundle["services"]},
        outcome_labels={outcome["id"]: outcome["label"] for outcome in bundle["outcomes"]},
        rules=bundle["rules"],
        data_version=str(bundle["meta"]["data_version"]),
    )

    for fact in bundle["facts"]:
        key = (fact["service"], fact.get("compute_type"), fact["dimension"], fact.get("feature"))
        model._fact_index.setdefault(key, fact)
    return model
