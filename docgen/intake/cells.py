"""One cell ↔ one answer-file value, by the column's kind. Pure.

A cell that cannot be read gives a message in the command line's words (what is
wrong; how to write it, with an example), never an exception. Writing is the
reverse; :func:`to_cell` returns :data:`NO_CELL` for a value the column could not
give back unchanged, which then goes to the "Other answers" sheet instead.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from docgen.answers.forms import found, leaving_out, needed_now
from docgen.answers.notknown import is_not_known
from docgen.answers.party_ids import ID_FORM
from docgen.answers.typed_dates import typed_date
from docgen.answers.typed_money import money_hint, typed_money
from docgen.errors import NOT_KNOWN_NEEDED, NOT_KNOWN_OPTIONAL
from docgen.intake.book import FormulaError, NoResult
from docgen.intake.partner_entries import PAIRS, id_words
from docgen.intake.partner_entries import run_on as run_on  # rows.py reads it here
from docgen.intake.table import Column
from docgen.intake.typed import DATE_FORMS, excel_number, folded

NO_CELL = object()
EXCEL_EPOCH = dt.date(1899, 12, 30)
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
PARTY = ID_FORM  # a party id, as the answer file's model has it
# compiled as the module loads, so the command's table of compiled patterns keeps them
_AMPERSAND = re.compile(r"\s*&\s*")
_ITEMS = re.compile(r"[,;\n]")  # what separates a list cell's items
_BREAK = re.compile(r"[\n\r]")
MAX_SERIAL = 2_958_465  # 9999-12-31 in Excel
#: no post, consultation or agreement in a workbook is older than this: a smaller number in
#: a date column (12, 2027) is a slip, not a date in 1900
EARLIEST = dt.date(1990, 1, 1)
MIN_SERIAL = (EARLIEST - EXCEL_EPOCH).days
YES = {"yes", "y", "true"}
NO = {"no", "n", "false"}


#: the kinds of cell that need a value: ``tbc`` there is not known yet, not malformed (a
#: date that may be not known yet is ``date_tbc``, and reads it)
NEEDED = ("money", "percent", "number", "int", "date", "bool")


class CellError(ValueError):
    """A cell that cannot be read: ``str`` is the message for people; ``code`` its kind,
    for a later step that rewords it (``tbc`` a row's Base file answers: left_blank.py)."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


#: what ``tbc`` in a cell that may be empty is told to do instead (then what blank means)
LEAVE_BLANK = "or leave the cell blank"


def _plain_number(value: Any, what: str, example: str) -> int | float:
    said = "write a number" if what == "a number" else f"write {what} as a number"
    if isinstance(value, bool):
        raise CellError(f"{said}, e.g. {example}")
    if isinstance(value, int | float | Decimal):
        number = value
    elif isinstance(value, str) and NUMBER.match(value.strip()):
        number = Decimal(value.strip())
    else:
        raise CellError(f"{said}, e.g. {example} (found '{value}')")
    if isinstance(number, float) and number != number:  # NaN
        raise CellError(f"{said}, e.g. {example}")
    exact = excel_number(number)  # =60000*1.035 is 62100, as the cell shows it
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _money_text(text: str, example: str) -> Decimal | str:
    """Money typed as text: "£52,000" or "52000.50" is the amount. Any other text is refused
    here, never read as a plain decimal: "104.250" (a dot between thousands) would be
    £104.25 in the contract. Text that is no number at all ("78k") is left to
    :func:`_plain_number`, which says how to write money."""
    amount = typed_money(text)
    if amount is not None:
        return amount  # "£52,000" typed as text means 52000
    hint = money_hint(text)
    if hint:
        raise CellError(f"write money as a number, e.g. {example} (found '{text.strip()}')"
                        f"{hint}")
    return text


def _date(value: Any, allow_tbc: bool) -> dt.date | str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value < EARLIEST:  # a small number in a date-formatted cell: 12 is 1900-01-12
            raise CellError(f"{value.isoformat()} is not a plausible date for a post (the "
                            f"cell holds Excel's day {(value - EXCEL_EPOCH).days}); write a "
                            "date, e.g. 2027-04-01")
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not MIN_SERIAL <= value <= MAX_SERIAL:
            raise CellError(f"{value} is not a date; write a date, e.g. 2027-04-01")
        return EXCEL_EPOCH + dt.timedelta(days=int(value))  # an Excel date serial
    text = str(value).strip()
    if allow_tbc and is_not_known(text):
        return "tbc"
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        typed = typed_date(text)  # 1 April 2027, 01/04/2027: text as people type a date
    shown = text if len(text) <= 40 else text[:37] + "..."  # a cell may hold 32,767
    if typed is None:
        tail = ", or tbc" if allow_tbc else ""
        raise CellError(f"'{shown}' is not a date; write a date, e.g. {DATE_FORMS}{tail}")
    if typed < EARLIEST:
        raise CellError(f"'{shown}' is not a plausible date for a post; write a date, e.g. "
                        f"{DATE_FORMS}")
    return typed


def _text(value: Any) -> str:
    if isinstance(value, float) and value == int(value):
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else str(value).strip()


def _without_percent_sign(text: str) -> str:
    """"5%" or "5 %" typed as text means 5; anything else stays as typed."""
    stripped = text.strip()
    return stripped[:-1].rstrip() if stripped.endswith("%") else text


def _choice(text: str, choices: list[str]) -> str:
    """The choice ``text`` names as a person types it ("Final", "England and Wales",
    "days per week"): case, spaces and underscores aside, when it names exactly one."""
    if not choices or text in choices:
        return text
    typed = folded(_AMPERSAND.sub(" and ", text))  # "England & Wales"
    named = [c for c in choices if folded(c) == typed]
    return named[0] if len(named) == 1 else text


def _party(text: str) -> str:
    """An organisation id; "Eastwick" typed with a capital is the id eastwick (ids are
    lower case, so it can mean no other)."""
    text = text.strip()
    if not PARTY.match(text) and PARTY.match(text.lower()):
        text = text.lower()
    if not PARTY.match(text):
        raise CellError(f"'{text}' is not an organisation id; ids are lower case letters, "
                        "digits and _, e.g. eastwick")
    return text


def organisation_id(value: Any) -> str:
    """An id in the Organisations sheet's Id column, read as the Posts sheet reads the ids
    that name it (``North`` is north): otherwise a capital typed there, and not in Partners,
    would leave every post that names it without its organisation."""
    return _party(_text(value))


def _partners(text: str) -> list[str]:
    """The ids of a Partners cell ("eastwick, westmere"). An id listed twice is refused
    here, at the cell: read on, it made two parties with one id, reported at the
    Organisations row (which is right) rather than at the cell to change."""
    ids = [_party(p) for p in _ITEMS.split(text) if p.strip()]
    twice = next((pid for i, pid in enumerate(ids) if pid in ids[:i]), None)
    if twice is not None:
        raise CellError(f"'{twice}' is listed twice; list each partner once, e.g. "
                        f"{', '.join(dict.fromkeys(ids))}")
    return ids


def _pairs(text: str, column: Column) -> list[tuple[str, str]]:
    example = ("eastwick: 60; westmere: 40" if column.value == "number"
               else "eastwick: Chief Executive; westmere: Director of Resources")
    pairs = []
    for part in (p for p in PAIRS.split(text) if p.strip()):
        pid, colon, rest = part.partition(":")
        if not colon or not rest.strip():
            raise CellError(f"write each organisation id, a colon and its value, separated "
                            f"by ';', e.g. {example}")
        pairs.append((_party(pid), rest.strip()))
    ids = [p for p, _ in pairs]
    if len(set(ids)) != len(ids):
        raise CellError(f"an organisation is named twice; name each once, e.g. {example}")
    return pairs


def place(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set ``path`` in nested mappings, making the mappings on the way."""
    node = data
    for part in path[:-1]:
        node = node.setdefault(part, {})
        if not isinstance(node, dict):
            raise CellError("this key is inside a value that is not a mapping")
    node[path[-1]] = value


def unreadable(value: Any) -> str | None:
    """Why a cell has no value to read (a formula never calculated, or one whose result is
    an Excel error), or None."""
    if isinstance(value, NoResult):
        return ("this cell holds a formula with no saved result; type the value instead (or "
                "open the workbook in Excel and save it)")
    if isinstance(value, FormulaError):
        return (f"this cell's formula gives an error ({value.code}), not a value; fix the "
                "formula (a lookup that finds nothing gives #N/A) or type the value")
    return None


def _not_known(column: Column, value: str, eg: str) -> str:
    """``tbc`` in a cell: a column docgen needs says so, in the answer file's words; an
    optional one (End date) offers filling it in or leaving the cell blank, and what blank
    means (``answers.forms.leaving_out``, in a cell's words: a cell has no key to leave out)."""
    left = leaving_out(column.path)
    if not left:
        return needed_now(value, eg)
    means = left.removeprefix(f"leave {column.path[-1]} out").strip()
    blank = f" {means}" if means.startswith("(") else f" ({means})" if means else ""
    return (f"is not known yet{found(value)}, and {column.heading} takes no tbc; fill it "
            f"in{eg}, {LEAVE_BLANK}{blank}")


def from_cell(column: Column, value: Any) -> Any:
    """The answer-file value of one non-empty cell (raises :class:`CellError`)."""
    if (why := unreadable(value)) is not None:
        raise CellError(why)
    kind = column.kind
    example = column.meta("example")
    if kind in NEEDED and isinstance(value, str) and is_not_known(value):
        shown = ("yes" if example else "no") if isinstance(example, bool) else example
        raise CellError(_not_known(column, value.strip(), "" if example is None else
                                   f", e.g. {shown}"), NOT_KNOWN_OPTIONAL
                        if leaving_out(column.path) else NOT_KNOWN_NEEDED)
    if kind == "percent" and isinstance(value, str):
        value = _without_percent_sign(value)
    if kind == "money" and isinstance(value, str):
        value = _money_text(value, str(example if example is not None else 92000))
    if kind in ("money", "percent", "number", "int"):
        what = {"money": "money", "percent": "a percentage", "int": "a whole number"}.get(
            kind, "a number")
        number = _plain_number(value, what, str(example if example is not None else 37))
        if kind == "int" and not isinstance(number, int):
            raise CellError(f"write a whole number, e.g. {example}")
        return number
    if kind in ("date", "date_tbc"):
        return _date(value, kind == "date_tbc")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = _text(value).lower()
        if text in YES or text in NO:
            return text in YES
        raise CellError(f"write yes or no (found '{_text(value)}')")
    text = _text(value)
    if kind == "choice":
        choices = column.choices
        text = _choice(text, choices)
        if choices and text not in choices:
            raise CellError(f"'{text}' is not one of the choices; choose one of "
                            f"{', '.join(choices)}")
        return text
    if kind == "party":
        return _party(text)
    if kind == "parties":
        return _partners(text)
    if kind == "list":
        items = [_choice(p.strip(), column.choices) for p in _ITEMS.split(text) if p.strip()]
        bad = [i for i in items if column.choices and i not in column.choices]
        if bad:
            raise CellError(f"'{bad[0]}' is not one of the choices; write any of "
                            f"{', '.join(column.choices)}, separated by commas")
        return items
    if kind == "party_map":
        pairs = _pairs(text, column)
        if column.value == "number":  # "eastwick: 60%" is a share of 60, as "60" is
            if why := run_on(text, id_words(text)):
                raise CellError(why)  # "60, westmere: 40": no number, but a comma for ';'
            return {p: _plain_number(_without_percent_sign(v), "each share", "60")
                    for p, v in pairs}
        return dict(pairs)
    if kind == "party_records":
        return [{"party": p, column.field: v} for p, v in _pairs(text, column)]
    return text


def _cell(column: Column, value: Any) -> Any:
    kind = column.kind
    if kind in ("money", "percent", "number", "int"):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return value if ok else NO_CELL
    if kind in ("date", "date_tbc"):
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        return value if kind == "date_tbc" and value == "tbc" else NO_CELL
    if kind == "bool":
        return ("yes" if value else "no") if isinstance(value, bool) else NO_CELL
    if kind == "parties":
        ok = isinstance(value, list) and all(isinstance(p, str) for p in value)
        return ", ".join(value) if ok else NO_CELL
    if kind == "list":
        ok = isinstance(value, list) and all(isinstance(p, str) and "," not in p for p in value)
        return ", ".join(value) if ok else NO_CELL
    if kind == "party_map":
        if not isinstance(value, dict):
            return NO_CELL
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if kind == "party_records":
        if not isinstance(value, list) or not all(
                isinstance(v, dict) and set(v) == {"party", column.field} for v in value):
            return NO_CELL
        return "; ".join(f"{v['party']}: {v[column.field]}" for v in value)
    if column.breaks and isinstance(value, str) and _BREAK.search(value):
        return NO_CELL  # read back as one line: kept on "Other answers" as it is
    return value if isinstance(value, str) else NO_CELL


def to_cell(column: Column, value: Any) -> Any:
    """The cell for ``value``, or :data:`NO_CELL` when reading it back would not give
    ``value`` unchanged (a different type, a ';' inside a title, ...)."""
    cell = _cell(column, value)
    if cell is NO_CELL:
        return NO_CELL
    try:
        back = from_cell(column, cell)
    except CellError:
        return NO_CELL
    same = back == value and type(back) is type(value) or (
        isinstance(value, float) and back == value)
    return cell if same else NO_CELL
