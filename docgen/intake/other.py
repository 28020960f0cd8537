"""The "Other answers" sheet's values typed the way the Posts sheet takes them. Pure.

A value there is written as in an answer file, but a programme officer types it as on the
Posts sheet: a date as ``02/09/2019``, money as ``£80,000``, a pay range as ``£80,000 -
£90,000``. By the key's place in the model, such text is read with the Posts sheet's own
readers (:func:`docgen.intake.cells.from_cell`). A warning accepted is one row each:
Answer ``acknowledge``, Value ``GP014: the reason``. A hint a check gives in the answer
file's form (``write it as key: [...]``) is said as the value to type in the Value cell.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.answers.notknown import is_not_known
from docgen.answers.typed_money import money_hint, typed_money
from docgen.answers.validation import known_keys
from docgen.errors import KeyPath, Problem, closest
from docgen.final_open import FINAL_OPEN
from docgen.intake.book import CellRef, Row
from docgen.intake.cells import CellError, from_cell
from docgen.intake.other_values import parse_value
from docgen.intake.table import (
    POSTS,
    Column,
    branches,
    is_money,
    is_percent,
    load_table,
    node_at,
)
from docgen.intake.typed import folded

#: the answer key of a warning accepted, one row each on the Other answers sheet
ACKNOWLEDGE = "acknowledge"
#: a warning accepted as a programme officer types it: the rule, a colon (or a dash) and
#: the reason, "GP014: VAT treatment confirmed by our VAT adviser"
TYPED_ACK = re.compile(r"^\s*([A-Za-z]{2}\d{3})\s*(?::|\s[-\u2013\u2014]|[-\u2013\u2014]\s)\s*"
                       r"(\S.*?)\s*$", re.DOTALL)
#: one acknowledgement written as in an answer file, ``[{rule: GP014, reason: ...}]``
ONE_FLOW_ACK = re.compile(r"^\[?\s*\{\s*rule\s*:\s*([A-Za-z]{2}\d{3})\s*,\s*reason\s*:\s*"
                          r"(\S.*?)\s*\}\s*\]?$", re.DOTALL)
ACK_EXAMPLE = "GP014: VAT treatment confirmed by our VAT adviser, 1 March 2027"
HOW_TO_ACKNOWLEDGE = (f"write acknowledge in the Answer cell and, in the Value cell, the rule, "
                      f"a colon and the reason, e.g. {ACK_EXAMPLE} (one row for each warning "
                      "accepted)")
#: the two amounts of a range: "£80,000 - £90,000", "[£100,000, £115,000]", "80000 to 90000"
# compiled as the module loads, so the command's table of compiled patterns keeps them
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ACKNOWLEDGE_KEY = re.compile(r"^acknowledge\s*:\s*")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_HINT_CUT = re.compile(r"; write it as |, e\.g\. ")
_SET_OR_KEEP = re.compile(r"\b(set|keep) ([a-z_]+(?:\.[a-z_]+)*): ([^\s;,]+)")
_RANGE_SPLIT = re.compile(r"\s*;\s*|,\s+|\s+(?:-|\u2013|\u2014|to)\s+"
                          r"|(?<=\d)[-\u2013\u2014](?=£?\d)")


def _kind(path: tuple[str, ...]) -> str:
    """How the Posts sheet would read a value at ``path``: date, date_tbc, money, money_list
    (a pay range), percent, or "" (as in an answer file)."""
    node = node_at(path)
    options = branches(node)
    if any(o.get("format") == "date" for o in options):
        return "date_tbc" if any("[Tt][Bb][Cc]" in str(o.get("pattern", "")) for o in options) \
            else "date"
    if is_money(node):
        return "money"
    if is_percent(node):
        return "percent"
    for o in options:
        items = o.get("prefixItems") or ([o["items"]] if isinstance(o.get("items"), dict) else [])
        if o.get("type") == "array" and items and all(is_money(i) for i in items):
            return "money_list"
    return ""


def _amounts(text: str) -> list[Any] | None:
    inner = text.strip()
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    parts = [p for p in _RANGE_SPLIT.split(inner.strip()) if p.strip()]
    found = [typed_money(p) for p in parts]
    if len(parts) < 2 or any(a is None for a in found):
        return None
    return [int(a) if a == a.to_integral_value() else float(a) for a in found if a is not None]


def typed_value(path: tuple[str, ...], text: str) -> Any:
    """``text`` read as the Posts sheet reads a date, money, a pay range or a percentage
    ("60%") when the answer at ``path`` is one; ``None`` when it is not, or ``text`` is not
    of that form (then it is read as in an answer file). Raises :class:`CellError` for a
    date that is not one, or a percentage that is not a number."""
    kind = _kind(path)
    stripped = text.strip()
    if not kind or not stripped or stripped[0] in "[{" and kind != "money_list":
        return None
    if kind in ("date", "date_tbc"):
        if is_not_known(stripped) or _ISO_DATE.fullmatch(stripped):
            return None  # the answer file's own forms: their own advice
        return from_cell(Column("Value", "", kind=kind), stripped)
    if kind == "percent":  # "60%" as the Posts sheet reads it: 60; "60" as in an answer file
        if not stripped.endswith("%"):
            return None
        return from_cell(Column("Value", "", kind="percent", schema=(("example", 60),)),
                         stripped)
    if kind == "money":
        if typed_money(stripped) is None and not money_hint(stripped):
            return None
        return from_cell(Column("Value", "", kind="money", schema=(("example", 78000),)),
                         stripped)
    return _amounts(stripped)


def acknowledgements(raw: Any) -> list[Any]:
    """The warnings one Other answers row accepts: ``GP014: reason`` (the form to type), or
    a list written as in an answer file (``[{rule: GP014, reason: ...}]``, as older
    versions of ``intake write`` wrote it). Raises :class:`CellError` saying the form."""
    text = raw.strip() if isinstance(raw, str) else ""
    text = _ACKNOWLEDGE_KEY.sub("", text)  # the answer file's line, pasted whole
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()  # quoted, as an older hint said to
    found = TYPED_ACK.match(text)
    if found and not text.startswith(("[", "{", "-")):
        reason = _LINE_BREAKS.sub(" ", found.group(2))
        return [{"rule": found.group(1).upper(), "reason": reason}]
    shown = text if len(text) <= 60 else text[:57] + "..."
    if text.startswith(("[", "{", "-")):
        try:
            value = parse_value(text)
        except CellError:
            value = None
        if isinstance(value, dict):
            value = [value]
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            return value
        one = ONE_FLOW_ACK.match(text)  # one item whose reason holds ': ', unquoted
        if one is not None:
            return [{"rule": one.group(1).upper(), "reason": one.group(2).strip("\"' ")}]
    said = f"'{shown}' is not a warning accepted" if text else "give the warning accepted"
    raise CellError(f"{said}; {HOW_TO_ACKNOWLEDGE}")


#: how the sheet leaves a key out (``tbc`` in an optional key's Value cell is told to)
DELETE_ROW = "or delete this row"


def for_the_sheet(message: str, path: tuple[str, ...]) -> str:
    """A check's hint at a Value cell, as the value to type there: "write it as key: [a, b]"
    is "write [a, b] in the Value cell"; an acknowledgement's, the form of one row. An
    optional key's "or leave end_date out" (``tbc`` there) is the row deleted: the sheet
    leaves a key out by having no row for it."""
    if path and str(path[0]) == ACKNOWLEDGE:
        cut = _HINT_CUT.split(message, maxsplit=1)[0]
        return f"{cut}; {HOW_TO_ACKNOWLEDGE}"
    if path:
        message = message.replace(f", or leave {path[-1]} out",
                                  f", {DELETE_ROW} (leaving {path[-1]} out)")
    key = re.escape(str(path[-1])) if path else r"\w+"
    return re.sub(rf"(write it as|e\.g\.|for example) {key}: (.+?)(?=$|; | \(|, or )",
                  r"\1 \2 in the Value cell", message, count=1)


def acknowledgement_cells(value: Any) -> list[str] | None:
    """The Value cells of warnings accepted, one row each (``GP014: the reason``), when
    each reads back the same; None when one would not (a reason on several lines)."""
    if not isinstance(value, list) or not value:
        return None
    texts = []
    for item in value:
        if not isinstance(item, dict) or set(item) != {"rule", "reason"}:
            return None
        text = f"{item['rule']}: {item['reason']}"
        try:
            if acknowledgements(text) != [item]:
                return None
        except CellError:
            return None
        texts.append(text)
    return texts



def worded(message: str, path: tuple[str, ...], sheet: str, row: Row, *,
           open_to_accept: bool = False, partners_at: str | None = None) -> str:
    """A check's message at a cell of ``sheet``, its hint as what to type there: on Other
    answers, :func:`for_the_sheet`; elsewhere "set status: draft" is "choose draft in the
    Status cell (H2)" when the post's Posts ``row`` has that column. A warning still open
    that may be accepted (``open_to_accept``: :func:`accepts`) also says how, once: a row of
    Other answers, which no cell shows. ``partners_at``: where the post's partners are
    given ("its Partners cell, D3"), for an id that is not one of them."""
    columns = {c.key: (c.heading, row.ref(c.heading)) for c in load_table().posts
               if c.heading in row.cells}
    said = _at_cell(_this_post(message, partners_at), path, sheet, columns)
    if not open_to_accept or HOW_TO_ACKNOWLEDGE in said:
        return said
    return f"{said}. To acknowledge a warning, on the Other answers sheet {HOW_TO_ACKNOWLEDGE}"


def partners_at(cells: dict[KeyPath, CellRef], data: dict[str, Any]) -> str | None:
    """Where a row gives its partners, for an id that is not one of them: the cell behind
    them (``cells``: the row's, by key path; the Partners cell, or a row of Other
    answers), else its Base file (``data``: the row's answers)."""
    ref = cells.get(("parties",))
    if ref is not None and ref[0] == POSTS:
        return f"its {ref[2]} cell, {ref[1]}"
    if ref is not None:
        return f"its parties, given on the {ref[0]} sheet in {ref[1]}"
    base = data.get("extends")
    return f"its parties, given by its Base file {base}" if isinstance(base, str) else None


def _this_post(message: str, partners_at: str | None) -> str:
    """An answer file's "not a party id of this file" in a workbook row's words: the post's
    partners, where the row gives them (its Partners cell, a row of Other answers, its
    Base file)."""
    if " of this file" not in message:
        return message
    where = f" ({partners_at})" if partners_at else ""
    return message.replace(" of this file", f" of this post{where}")


def accepts(problem: Problem) -> bool:
    """Whether ``problem`` may be put right by accepting a warning: one of its ways sets
    ``acknowledge`` (as the rules give them, however the message words it: "acknowledge
    this rule"), or it is the final status's "resolve or acknowledge the warnings"."""
    ways = problem.fix.ways if problem.fix is not None else ()
    return any(key == (ACKNOWLEDGE,) for way_ in ways for key, _ in way_) or (
        problem.code == FINAL_OPEN and "acknowledge the warning" in problem.message)


def _at_cell(message: str, path: tuple[str, ...], sheet: str,
             columns: dict[str, tuple[str, str]]) -> str:
    if sheet == load_table().other.name:
        return for_the_sheet(message, path)

    def choose(m: re.Match[str]) -> str:
        if m.group(2) not in columns:
            return m.group()
        heading, cell = columns[m.group(2)]
        verb = "choose" if m.group(1) == "set" else "keep"
        return f"{verb} {m.group(3)} in the {heading} cell ({cell})"
    message = _SET_OR_KEEP.sub(choose, message)
    if not path or ".".join(path) not in columns:
        return message
    return re.sub(rf"(write it as|e\.g\.|for example) {re.escape(path[-1])}: ", r"\1 ", message)


def _spelt(part: str, known: list[str], guess: bool) -> str | None:
    """The key of ``known`` that ``part`` names as people type it (case, spaces and
    underscores aside: Time_Split is time_split), or with ``guess`` the closest; None."""
    if part in known:
        return part
    same = [k for k in known if folded(k) == folded(part)]
    if len(same) == 1:
        return same[0]
    return closest(part, known) if guess else None


def _walk(path: KeyPath, guess: bool) -> tuple[KeyPath, int | None]:
    """``path`` with each part the model's spelling (see :func:`_spelt`), and the index of
    the first part that names no key (None: every part does, or goes where any key may)."""
    out: list[Any] = []
    unknown = None
    for i, part in enumerate(path):
        known = [] if str(part).isdigit() else known_keys(tuple(out))
        if not known:  # an item of a list, or where any key may go (a party's id)
            out.append(part)
            continue
        spelt = _spelt(str(part), known, guess)
        if spelt is None or spelt != part and folded(spelt) != folded(str(part)):
            unknown = i if unknown is None else unknown
        out.append(part if spelt is None else spelt)
    return tuple(out), unknown


def typed_key(path: tuple[str, ...]) -> tuple[str, ...]:
    """An "Other answers" key as the model spells it: each part read as headings and ids
    are, case aside (``Time_Split.Flexibility`` is time_split.flexibility, ``Acknowledge``
    acknowledge); a part that names no key is kept as typed, for :func:`unknown_key`."""
    return tuple(map(str, _walk(path, guess=False)[0]))


def meant_key(path: KeyPath) -> KeyPath:
    """The key an "Other answers" name most likely means (each part spelt as the model
    does, or the closest): a row whose name is misspelt leaves that answer unread."""
    return _walk(path, guess=True)[0]


def unknown_key(path: KeyPath) -> str | None:
    """Why an "Other answers" key names no answer (a misspelt part), with the whole key it
    likely means; None when it is known, or goes where any key may (a party's id)."""
    meant, i = _walk(path, guess=True)
    if i is None:
        return None
    part = path[i]
    where = f"'{'.'.join(map(str, meant[:i]))}' has" if i else "an answer file has"
    if meant[i] != part:
        fix = f"did you mean {'.'.join(map(str, meant))}?"
    else:
        fix = f"the keys here are {', '.join(known_keys(meant[:i]))}"
    return f"no answer is called {'.'.join(map(str, path))}: {where} no '{part}'; {fix}"
