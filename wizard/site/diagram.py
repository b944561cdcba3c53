"""Draw a reference architecture's ordered steps as a Mermaid sequence diagram."""

from __future__ import annotations

from wizard.site.catalog import Entry
from wizard.site.errors import MissingReference

# Mermaid reads `;` as a statement break and `#` as the start of an entity code.
_ENTITIES = {"#": "#35;", ";": "#59;", "<": "#lt;", ">": "#gt;"}
_CONFIG = ["---", "config:", "  sequence:", "    wrap: true", "    width: 140", "---"]


def sequence_diagram(architecture: Entry) -> str:
    """Return Mermaid source: one participant per component, one numbered message per step.

    >>> print(sequence_diagram({"id": "x", "components": [{"id": "a", "label": "A"},
    ...     {"id": "b", "label": "B; C"}], "steps": [{"from": "a", "to": "b", "action": "Go"}]}))
    ---
    config:
      sequence:
        wrap: true
        width: 140
    ---
    sequenceDiagram
        autonumber
        participant c_a as A
        participant c_b as B#59; C
        c_a->>c_b: Go
    """
    components = {component["id"]: component for component in architecture["components"]}
    # Wrapping keeps long step texts from stretching the diagram until it shrinks to unreadable.
    lines = [*_CONFIG, "sequenceDiagram", "    autonumber"]
    for component in architecture["components"]:
        lines.append(f"    participant {_node(component['id'])} as {_text(component['label'])}")
    for step in architecture["steps"]:
        for end in (step["from"], step["to"]):
            if end not in components:
                kind = f"component of architecture {architecture['id']}"
                raise MissingReference(kind, end, sorted(components))
        arrow = f"{_node(step['from'])}->>{_node(step['to'])}"
        lines.append(f"    {arrow}: {_text(step['action'])}")
    return "\n".join(lines)


def _node(component_id: str) -> str:
    # A prefix keeps ids such as `end` or `loop` from being read as Mermaid keywords.
    return f"c_{component_id}"


def _text(text: str) -> str:
    flat = " ".join(text.split())
    return "".join(_ENTITIES.get(char, char) for char in flat)
