"""Ask the wizard's questions in a terminal.

Enter skips a question (its assumption is shown), `?` shows its help, and a bad answer is
explained and asked again. End of input finishes early with what was answered so far.
"""

from __future__ import annotations

from typing import Any, TextIO

SKIP_HINT = "Enter skips, ? shows help"


def ask_all(bundle: dict[str, Any], stdin: TextIO, out: TextIO) -> dict[str, Any]:
    """Ask every question in order and return the answers given."""
    answers: dict[str, Any] = {}
    regions = [region["code"] for region in bundle["regions"]]
    print(f"{len(bundle['questions'])} questions. {SKIP_HINT}; Ctrl-C quits.\n", file=out)

    for number, question in enumerate(bundle["questions"], start=1):
        _show(question, number, out)
        while True:
            print("> ", end="", file=out, flush=True)
            line = stdin.readline()
            if not line:  # end of input: answer with what we have
                print("", file=out)
                return answers
            text = line.strip()
            if text == "?":
                print(_help(question, regions), file=out)
                continue
            if not text:
                print(f"  skipped: {question['assumption']}", file=out)
                break
            value, problem = parse_reply(question, text, regions)
            if problem:
                print(f"  {problem}", file=out)
                continue
            answers[question["id"]] = value
            break
        print("", file=out)
    return answers


def parse_reply(question: dict[str, Any], text: str, regions: list[str]) -> tuple[Any, str]:
    """Turn typed text into an answer value, or explain what is wrong with it."""
    kind = question["kind"]
    values = [option["value"] for option in question.get("options", [])]

    if kind == "yes_no":
        lowered = text.lower()
        if lowered in ("y", "yes", "true"):
            return True, ""
        if lowered in ("n", "no", "false"):
            return False, ""
        return None, "answer y or n"
    if kind == "number":
        try:
            return float(text), ""
        except ValueError:
            return None, f"'{text}' is not a number"
    if kind == "one":
        choice = _pick(text, values)
        return (choice, "") if choice else (None, f"choose one of: {', '.join(values)}")

    allowed = values if kind == "many" else regions
    parts = [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]
    chosen = [_pick(part, allowed) for part in parts]
    unknown = [part for part, pick in zip(parts, chosen, strict=True) if pick is None]
    if unknown:
        return None, f"not known: {', '.join(unknown)} (? lists the choices)"
    return chosen, ""


def _pick(text: str, values: list[str]) -> str | None:
    # A number picks by position in the printed list; otherwise the value itself.
    if text.isdigit() and 1 <= int(text) <= len(values):
        return values[int(text) - 1]
    return text if text in values else None


def _show(question: dict[str, Any], number: int, out: TextIO) -> None:
    print(f"{number}. {question['label']}", file=out)
    for index, option in enumerate(question.get("options", []), start=1):
        print(f"   {index}) {option['value']}: {option['label']}", file=out)
    print(f"   default: skip ({question['assumption']})", file=out)


def _help(question: dict[str, Any], regions: list[str]) -> str:
    lines = [f"  {question.get('help', question['label'])}"]
    kind = question["kind"]
    if kind == "many":
        lines.append("  Several values: separate them with commas, e.g. 1,3.")
    elif kind == "regions":
        lines.append(f"  Region codes, separated by commas: {', '.join(regions)}")
    elif kind == "yes_no":
        lines.append("  Answer y or n.")
    elif kind == "number":
        lines.append(f"  A number in {question.get('unit', 'plain units')}.")
    return "\n".join(lines)
