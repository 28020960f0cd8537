"""A value typed in a Value cell of the "Other answers" sheet, read as it would be in an
answer file (``[a, b]``, ``2027-04-01``, ``{x: 1}``), a '#' in it kept as text as a cell
keeps it. Pure. Apart from :mod:`docgen.intake.cells`, which reads a column's cell by
its kind: this is the one cell read as YAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docgen.answers.yamlfile import parse_yaml
from docgen.errors import AnswerFileError
from docgen.intake.cells import CellError

MAX_VALUE_CHARS = 20_000  # an "Other answers" value
PLACEHOLDER = "\ue000"  # a private-use character: what '#' is while YAML looks for comments


def _yaml_value(text: str) -> Any:
    if "\n" in text:
        body = "value:\n" + "".join(f"  {line}\n" for line in text.split("\n"))
    else:
        body = f"value: {text}\n"
    try:
        data, _ = parse_yaml(body.encode("utf-8"), Path("cell"))
    except AnswerFileError as exc:
        why = exc.problems[0].message if exc.problems else "it cannot be read"
        why = why.replace("the file holds", "it holds").replace(  # a cell, not a file:
            "a quoted value that starts on line 1 is", "a quote in the value is").replace(
            " on this line", "").replace("in quotes: value: ", "in quotes: ")
        if "e.g." in why or "for example" in why:  # its own fix (a date's), nothing to add
            raise CellError(why) from None
        raise CellError(f"the value cannot be read ({why}); write it as in an answer file, "
                        "e.g. [first, second] or {name: x}") from None
    return data.get("value")


def _restored(value: Any) -> Any:
    """``value`` read with '#' hidden, with each '#' put back (in lists and mappings too)."""
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, "#")
    if isinstance(value, list):
        return [_restored(v) for v in value]
    if isinstance(value, dict):
        return {_restored(k): _restored(v) for k, v in value.items()}
    return value


def parse_value(text: str) -> Any:
    """A value written as in an answer file (``[a, b]``, ``2027-04-01``, ``{x: 1}``); a
    ' #' that YAML would take for a comment is text, as it is in a cell (on one line or
    on several: Alt+Enter in Excel)."""
    if len(text) > MAX_VALUE_CHARS:
        raise CellError(f"the value is longer than {MAX_VALUE_CHARS:,} characters; put long "
                        "text in a base file (Base file column) or shorten it")
    text = text.replace("\r\n", "\n")
    value = _yaml_value(text)
    if "#" not in text:
        return value
    try:  # read again with '#' hidden: a different answer means YAML cut a comment off
        hidden = _restored(_yaml_value(text.replace("#", PLACEHOLDER)))
    except CellError:
        hidden = None
    if hidden is not None and hidden == value:
        return value  # the '#' was inside quotes: YAML cut nothing off
    if isinstance(hidden, str):
        return hidden  # "Band 8a # senior" is all text
    if "\n" not in text:
        raise CellError("the ' #' in it would start a comment in an answer file and cut the "
                        "value short; put the value in quotes, e.g. \"[a, b] # c\"")
    raise CellError("the ' #' in it would start a comment in an answer file and cut the "
                    "value short; put the line's text that holds '#' in quotes, e.g. "
                    "- \"b # c\"")


def from_other_cell(raw: Any) -> Any:
    """A typed cell in the "Other answers" sheet: numbers and dates as they are."""
    if hasattr(raw, "date") and callable(raw.date):
        return raw.date()
    return raw
