"""Posted form fields → answer-file values, merged into the round-trip document in place.

Field names are the key path, dotted (``parties.0.signatory.name``); dates are
three fields (``-day``, ``-month``, ``-year``) as in the GOV.UK date pattern;
repeating groups post their row count in ``<name>.__n``. Unchanged values are
left untouched, so a file opened and saved keeps its quoting and comments.
Values that cannot be read (a date of 31 February, "lots" for a number) are
written as typed so that docgen's own validator names the problem.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from starlette.datastructures import FormData

from docgen.answers.forms import field_at
from docgen.answers.pence import is_money_field
from docgen.answers.typed_dates import ORDINAL, date_parts, full_year, month_text
from docgen.answers.typed_money import refused, typed_money
from docgen.errors import KeyPath
from docgen.web.fields import Q, Step, asked, empty_is_whole

DELETE: Any = object()  # sentinel: the answer was left blank, so the key is removed
MAX_ROWS = 60


def dotted(path: KeyPath) -> str:
    return ".".join(str(p) for p in path)


#: a space between groups of three digits ("110 000"; also no-break and narrow no-break
#: spaces), which the number is read without, as it is without commas
_DIGIT_GROUP_SPACE = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))")


#: a number whose commas each separate a group of exactly three digits ("78,000",
#: "1,234,567.50"): only those commas are read past; any other ("2,5", "37,5") may be a
#: decimal comma, so the number is refused, never read ten or a hundred times too big
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
#: a number in figures, as people write one ("37.5", "-2", ".5"): never "1e5", which
#: Python reads as 100000, nor "Infinity"
_FIGURES = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def parse_number(raw: str) -> Any:
    """The number typed in ``raw`` (a £ sign, a % sign and digit groups allowed), DELETE
    for none, else ``raw`` as typed, so the validator asks for a number."""
    text = _DIGIT_GROUP_SPACE.sub("", raw)
    text = text.strip().replace("£", "").rstrip("%").strip()
    if "," in text and not _THOUSANDS.fullmatch(text):
        return raw.strip()
    text = text.replace(",", "")
    if not text:
        return DELETE
    if not _FIGURES.fullmatch(text):
        return raw.strip()
    try:
        value = Decimal(text)
    except InvalidOperation:
        return raw.strip()
    if not value.is_finite() or abs(value.adjusted()) > 15:
        return raw.strip()  # absurdly big or small: the validator explains, no huge int()
    if value == value.to_integral_value():
        return int(value)
    return float(text)


def parse_money(raw: str) -> Any:
    """Money typed in ``raw``, read as the programme workbook and ``docgen new`` read it
    (:func:`~docgen.answers.typed_money.typed_money`: "£52,000", "52 000", "52000.50"),
    DELETE for none. Anything else is kept as typed, so the validator refuses it and the
    page says what to write (``messages.money_typed`` for "104.250", "104.2501": a dot
    marks pence, never thousands). The browser read money as any number before: "1e5" was
    £100,000 and "52000%" £52,000, which the workbook refuses."""
    text = raw.strip()
    if not text:
        return DELETE
    if refused(text):
        return text
    amount = typed_money(text)
    if amount is None and _FIGURES.fullmatch(text):  # "52000.", ".50", "+52000", "-5": a
        return parse_number(text)  # number all the same (the validator bounds it), never
    return text if amount is None else parse_number(str(amount))  # kept as quoted text


def money_at(name: str) -> bool:
    """Whether the box posted as ``name`` (``payment.salary``, ``payment.fee.amounts.<id>``,
    ``payment.on_costs.0.above``) asks for money: the model's ``Money`` fields say so."""
    return is_money_field(field_at(tuple(name.split("."))))


def parse_date(day: str, month: str, year: str) -> Any:
    """A date from the three boxes, or from one box holding the whole date. What cannot be
    read is kept as typed (day/month/year), so the page shows it back with a message."""
    parts = [day.strip(), month.strip(), year.strip()]
    if not any(parts):
        return DELETE
    typed = [p for p in parts if p]
    if len(typed) == 1 and (whole := date_parts(typed[0])) is not None:
        parts = list(whole)
    else:
        parts[0] = ORDINAL.sub("", parts[0])  # 1st in the day box
        parts[1] = month_text(parts[1])  # April, Apr or 4 in the month box
    parts[2] = full_year(parts[2])
    try:
        return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    except (ValueError, OverflowError):  # 31 February, month 99999999999999999999
        pass
    if all(parts) or (len(typed) == 1 and not re.fullmatch(r"[A-Za-z0-9]+\.?", typed[0])):
        return "/".join(parts) if all(parts) else typed[0]  # a whole date that is not real
    return "/".join(parts)  # a box left empty: "1//2027", so the message names the month


def _rows(form: Any, name: str) -> int:
    try:
        return max(0, min(MAX_ROWS, int(form.get(f"{name}.__n", "0"))))
    except ValueError:
        return 0


def typed_too(form: Any, name: str) -> bool:
    """Whether text was typed in the box ``name`` as well as "Not known yet" ticked: the
    words are kept (not thrown away for "tbc") and the page asks for one or the other."""
    text = form.get(name, "")
    return isinstance(text, str) and bool(text.strip())


def ticked_and_typed(form: Any) -> list[str]:
    """The boxes sent with text typed and "Not known yet" ticked (see :func:`typed_too`)."""
    return [key[:-4] for key in form
            if key.endswith("-tbc") and form.get(key) == "tbc" and typed_too(form, key[:-4])]


def _group_rows(q: Q, form: Any, name: str,
                parties: list[str]) -> list[tuple[int, dict[str, Any]]]:
    """Each row of the group ``q`` posted as ``name`` that is saved, with its posted index:
    a row left blank is dropped, so the rows after it move up."""
    rows = []
    for i in range(_rows(form, name)):
        item: dict[str, Any] = {}
        for sub in q.fields:
            nest(item, sub.path, read(sub, form, f"{name}.{i}.{dotted(sub.path)}", parties))
        if any(v is not DELETE for v in _leaves(item)):
            rows.append((i, item))
    return rows


def kept_rows(q: Q, form: Any, name: str, parties: list[str] | None = None,
              kind: str | None = None) -> list[int]:
    """The posted indices of the rows of list ``q`` (a group or a text list, posted as
    ``name``; ``kind``: a party's list of a party_map) that are saved, in order: a row's
    index once saved is its place here, as blank rows are dropped (the page shown again
    names each box by it); none for an answer that is not a list."""
    kind = kind or q.kind
    if kind == "strlist":
        return [i for i in range(_rows(form, name)) if form.get(f"{name}.{i}", "").strip()]
    if kind == "group":
        return [i for i, _ in _group_rows(q, form, name, parties or [])]
    return []


def read(q: Q, form: Any, name: str, parties: list[str], kind: str | None = None) -> Any:
    """The value the form gives for question ``q`` posted as ``name``, or DELETE."""
    kind = kind or q.kind
    if form.get(f"{name}-tbc") == "tbc" and not typed_too(form, name):
        return "tbc"  # "not known yet" ticked (offered only where the model allows it)
    if kind == "date":
        return parse_date(form.get(f"{name}-day", ""), form.get(f"{name}-month", ""),
                          form.get(f"{name}-year", ""))
    if kind == "number":
        typed = form.get(name, "")
        return parse_money(typed) if money_at(name) else parse_number(typed)
    if kind == "yesno":
        return {"yes": True, "no": False}.get(form.get(name, ""), DELETE)
    if kind == "checkboxes":
        return [v for v in form.getlist(name) if v in q.choices] or DELETE
    if kind == "intlist":
        values = [parse_number(v) for v in form.get(name, "").replace(";", ",").split(",")]
        return [v for v in values if v is not DELETE] or DELETE
    if kind == "strlist":
        return [form.get(f"{name}.{i}", "").strip()
                for i in kept_rows(q, form, name, kind=kind)] or DELETE
    if kind == "group":
        return [item for _, item in _group_rows(q, form, name, parties)] or DELETE
    if kind == "party_map":
        mapping = {key: read(q, form, f"{name}.{key}", parties, kind=q.inner)
                   for key in (*q.extra, *parties)}
        mapping = {k: v for k, v in mapping.items() if v is not DELETE}
        return mapping or ({} if q.path in EMPTY_IS_AN_ANSWER else DELETE)
    text = form.get(name, "").replace("\r\n", "\n").strip()
    if not text:
        return DELETE
    if kind == "intortext":
        return read_years(text)
    return text


#: what an HR officer writes for "no end" to a number of years (the model's "indefinite")
WITHOUT_LIMIT = frozenset({"indefinite", "indefinitely", "forever", "for ever", "without limit",
                           "without limit of time", "no limit", "unlimited", "permanently",
                           "always"})
_YEARS = re.compile(r"(?:for\s+)?(\d{1,4})\s*(?:years?|yrs?\.?|y)?")


def read_years(text: str) -> Any:
    """A number of years or "indefinite", as typed loosely ("2 years", "Indefinitely",
    "forever"); anything else as typed, for the checker to refuse."""
    loose = " ".join(text.casefold().replace("’", "'").split()).rstrip(".")
    if loose in WITHOUT_LIMIT:
        return "indefinite"
    years = _YEARS.fullmatch(loose) if loose.isascii() else None  # not "²"
    return int(years.group(1)) if years else text


#: required per-partner answers that may be empty: no objectives or responsibilities yet
#: is allowed (docgen warns), so a page left blank writes ``{}``, not "Enter objectives"
#: for a key the post must have (test_round3_empty.py checks docgen accepts each empty)
EMPTY_IS_AN_ANSWER: frozenset[KeyPath] = frozenset({("governance", "objectives"),
                                                    ("job", "responsibilities")})


def nest(target: dict[str, Any], path: KeyPath, value: Any) -> None:
    node: Any = target  # nested mappings, each made when first needed
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value


def _leaves(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [leaf for v in node.values() for leaf in _leaves(v)]
    return [node]


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return Decimal(str(old)) == Decimal(str(new))
    if isinstance(old, dt.date) and isinstance(new, dt.date):
        return old == new
    return bool(old == new)


def _same_choices(old: list[Any], new: list[Any]) -> bool:
    scalars = all(isinstance(v, str) for v in [*old, *new])
    return scalars and len(old) == len(new) and sorted(map(str, old)) == sorted(new)


def fresh(value: Any) -> Any:
    if isinstance(value, dict):
        out = CommentedMap()
        for k, v in value.items():
            if v is not DELETE:
                out[k] = fresh(v)
        return out
    if isinstance(value, list):
        return CommentedSeq(fresh(v) for v in value)
    return value


def merge(old: Any, new: Any, exact: bool = False) -> Any:
    """``new`` written over ``old`` keeping old containers (and their comments) where it can.

    Mappings keep keys the form does not ask about, unless ``exact`` (a per-party
    mapping, where a key not posted belongs to a party that was removed).
    """
    if isinstance(new, dict) and isinstance(old, CommentedMap):
        for key, value in new.items():
            if value is DELETE:
                old.pop(key, None)
            else:
                old[key] = merge(old.get(key), value, exact)
        if exact:
            for key in [k for k in old if k not in new]:
                del old[key]
        return old
    if isinstance(new, list) and isinstance(old, CommentedSeq):
        if _same_choices(old, new):  # ticked boxes come in the form's order, not the file's
            return old
        for i, value in enumerate(new):
            if i < len(old):
                old[i] = merge(old[i], value, exact)
            else:
                old.append(fresh(value))
        del old[len(new):]
        return old
    if old is not None and not isinstance(new, dict | list) and _same(old, new):
        return old
    return fresh(new)


def put(doc: CommentedMap, path: KeyPath, value: Any, exact: bool = False) -> None:
    """Set (or, for DELETE, remove) the value at ``path``, creating mappings on the way."""
    node = doc
    for key in path[:-1]:
        child = node.get(key)
        if not isinstance(child, CommentedMap):
            if value is DELETE:
                return
            child = node[key] = CommentedMap()
        node = child
    if value is DELETE:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = merge(node.get(path[-1]), value, exact)


def get(doc: Any, path: KeyPath) -> Any:
    node = doc
    for key in path:
        in_map = isinstance(node, dict) and key in node
        if in_map or isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            node = node[key]
        else:
            return None
    return node


def party_ids(doc: Any) -> list[str]:
    parties = doc.get("parties") if isinstance(doc, dict) else None
    out = []
    for p in parties if isinstance(parties, list) else []:
        pid = p.get("id") if isinstance(p, dict) else None
        if isinstance(pid, str) and pid and pid not in out:
            out.append(pid)
    return out


def visible(q: Q, form_or_doc: Any, step: Step) -> bool:
    """A conditional question applies only when its parent radio has one of its values."""
    if not q.reveal_when:
        return True
    parent = step.questions[0]
    if hasattr(form_or_doc, "getlist"):
        chosen = form_or_doc.get(dotted(parent.path), "")
    else:
        chosen = get(form_or_doc, parent.path)
    return chosen in q.reveal_when


def apply(doc: CommentedMap, step: Step, form: Any, parties: list[str] | None = None,
          view: Any = None) -> None:
    """Merge one step's posted answers into the document (``parties``: the party ids, when
    the file takes them from a base it extends; ``view``: the file with that base merged,
    which says whether a Scotland-only question was asked)."""
    view = doc if view is None else view
    parties = parties if parties is not None else party_ids(doc)
    if step.slug == "postholder" and form.get("postholder_known") == "no":
        doc.pop("postholder", None)
        return
    for q in step.questions:
        name = dotted(q.path)
        if not asked(q, view):
            continue  # not on the page: left as it is
        if not visible(q, form, step):
            if q.drop_hidden:  # e.g. fee questions once the mechanism is salary_share
                put(doc, q.path, DELETE)
            continue
        payers = [p for p in parties if p != view.get("employer")] if q.not_employer \
            else parties  # the employer pays the salary itself: it is not asked its fee
        put(doc, q.path, read(q, form, name, payers), exact=q.kind == "party_map")
    if step.slug == "postholder" and form.get("postholder_known") == "yes" and \
            not isinstance(doc.get("postholder"), dict):
        doc["postholder"] = CommentedMap()  # "Yes, a named person", nothing typed yet: kept
    if step.slug == "payment" and get(doc, ("payment", "fee")) == {}:
        doc["payment"].pop("fee", None)
    wholes = {q.path[:n] for q in step.questions if asked(q, view)
              for n in range(1, len(q.path))}
    for path in sorted(wholes, key=len):
        if empty_is_whole(path) and get(doc, path) is None:
            put(doc, path, {})
    if "docgen" not in doc:
        doc.insert(0, "docgen", 1)


def without_row(form: Any, action: str) -> FormData:
    """The form as if row ``i`` of ``remove:<name>:<i>`` had been left blank (so it is dropped
    with the other blank rows, before indices move)."""
    name, _, index = action.removeprefix("remove:").rpartition(":")
    row = f"{name}.{index}"
    return FormData([(k, v) for k, v in form.multi_items()
                     if not (k == row or k.startswith((row + ".", row + "-")))])


def row_name(action: str) -> str:
    """The list an ``add-text:<name>`` / ``add-row:<name>`` button adds a row to."""
    return action.partition(":")[2]
