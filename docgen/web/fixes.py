"""A rule's "how to fix" instruction in the browser's words. The rulebook states it as data
(``Problem.fix``: the answers to set, and to what) beside its message, which the command
line prints as it is; here it is said from the questions' labels, the choices' labels
(docgen/web/wording.py) and the pages that ask them (docgen/web/fields.py), so it never
depends on the instruction's English ("set registers: all_parties" becomes "choose ‘All
partners’ for ‘Whose register of interests?’ on the page ‘Conflicts of interest’")."""

from __future__ import annotations

import datetime as dt
import re

from docgen.api.interview import long_date
from docgen.errors import Fix, KeyPath, Setting
from docgen.web.fields import question_at
from docgen.web.wording import MONEY, choice, words

#: kinds of question whose answer is a list to add to
_LISTS = frozenset({"strlist", "party_map", "group", "intlist"})


def _page(path: KeyPath) -> str:
    step, _ = question_at(path)
    return step.title if step is not None else ""


def _label(path: KeyPath) -> str:
    found = words(path)
    return found.label if found is not None else ""


def _indexed(path: KeyPath) -> KeyPath:
    """A key path with its list indices as numbers (a rule's ``way()`` gives "0")."""
    return tuple(int(p) if isinstance(p, str) and p.isdigit() else p for p in path)


def _row(path: KeyPath) -> str:
    """For an answer in one row of a repeating group (or the row itself), the row as the
    page heads it ("statutory role 2"); "" elsewhere."""
    at = next((i for i, p in enumerate(path) if isinstance(p, int)), None)
    group = question_at(path[:at])[1] if at else None
    if group is None or group.kind != "group" or not group.item:
        return ""
    return f"{group.item[:1].lower()}{group.item[1:]} {int(path[at]) + 1}"  # type: ignore[index]


def _one(setting: Setting, names: dict[str, str]) -> str:
    """One answer to set, as the page asks for it (without saying which page)."""
    path, value = setting
    if path[:1] == ("acknowledge",):
        return "accept this warning"
    label = _label(path)
    step, q = question_at(path)
    row = _row(path)
    if row and isinstance(path[-1], int) and value == "-":
        return f"remove {row}"  # one row of a group: "remove statutory role 2"
    where = f" in {row}" if row else ""
    kind = q.kind if q is not None else ""
    if value in ("true", "false"):
        return f"answer {'yes' if value == 'true' else 'no'} to ‘{label}’{where}"
    if value == "-":
        return f"leave ‘{label}’ blank{where}"
    if value == "~":  # an answer given, to change: "change ‘Job title’ in member 1"
        return f"change ‘{label}’{where}"
    if kind == "date" and value[:2] in ("<=", ">="):  # a date no earlier (later) than a day
        day = long_date(dt.date.fromisoformat(value[2:]))
        return f"enter a date on or {'after' if value[0] == '>' else 'before'} {day} for " \
            f"‘{label}’{where}"
    low, dots, high = value.partition("..")
    if kind == "intlist" and dots:  # a number to add to a list of numbers
        said = low if low == high else f"a number from {low} to {high}"
        return f"add {said} to ‘{label}’"
    if dots or value[:2] in ("<=", ">="):  # a number in a range: "6..12", "<=28", ">=3"
        cash = ".".join(p for p in path if isinstance(p, str)) in MONEY  # whole pounds
        ends = (low, high) if dots else (value[2:],)
        low, *rest = (f"£{int(n):,}" if cash else n for n in ends)
        high = rest[0] if rest else low
        said = (low if low == high else f"from {low} to {high}") if dots else (
            f"{low} or {'less' if cash else 'fewer'}" if value.startswith("<=")
            else f"at least {low}")
        return f"enter {said} for ‘{label}’{where}"
    if kind == "group" and value and q is not None and q.item and len(path) == len(q.path):
        # a row to add for a partner: "add a location for Westmere to ‘Places of work’"
        return f"add a {q.item.lower()} for {names.get(value, value)} to ‘{label}’"
    if value in names:  # a partner, by its short code
        return f"choose {names[value]} for ‘{label}’{where}"
    if value and kind in ("text", "textarea"):  # words to type: "enter ‘Chief Executive’"
        return f"enter ‘{value}’ for ‘{label}’{where}"
    if kind == "party_map" and value.isdigit():  # a figure for each partner, in all
        return f"enter figures that add up to {value} for ‘{label}’"
    if value and kind == "number":  # a figure to type: "enter 5000 for ‘…’"
        return f"enter {value} for ‘{label}’{where}"
    if value:
        return f"choose ‘{choice(value, path)}’ for ‘{label}’{where}"
    if len(path) == 1 and step is not None and q is None:  # a whole section (postholder)
        return f"fill in the page ‘{step.title}’"
    if q is not None and q.kind in _LISTS:
        what = label[:1].lower() + label[1:]
        if q.kind == "party_map" and len(path) > len(q.path) and path[-1] in q.extra:
            return f"add {path[-1]} {what}"  # "add shared objectives"
        if q.kind == "party_map" and q.inner == "number":  # a figure for each partner
            return f"enter {what}" + ("" if "each partner" in what else " for each partner")
        return f"add {what} for each partner" if q.kind == "party_map" else f"add {what}"
    return f"answer ‘{label}’{where}"


def _way(settings: tuple[Setting, ...], names: dict[str, str]) -> str:
    """The answers one way sets, joined by "and", each page named once, a verb said once
    for the answers in a row it applies to on one page ("answer ‘Which post …?’ and ‘Grade
    of that post’"; "leave ‘A’, ‘B’ and ‘C’ blank"), then any answer to give as well if it
    applies (``"?"``: ", and answer ‘Months of pay protection …’ if it applies")."""
    settings = tuple((_indexed(path), value) for path, value in settings)
    also = [path for path, value in settings if value == "?"]
    settings = tuple((path, value) for path, value in settings if value != "?")
    pages = [_page(path) for path, _ in settings]
    groups: list[tuple[str, list[str], str]] = []  # verb, what it applies to, its page
    for i, setting in enumerate(settings):
        said = _one(setting, names)
        verb, _, rest = said.partition(" ")
        if verb in ("answer", "change", "leave") and rest.startswith("‘"):
            what = rest.removesuffix(" blank") if verb == "leave" else rest
            if groups and groups[-1][0] == verb and groups[-1][2] == pages[i]:
                groups[-1][1].append(what)
                continue
            groups.append((verb, [what], pages[i]))
        else:
            groups.append(("", [said], pages[i]))
    parts: list[str] = []
    for i, (verb, items, page) in enumerate(groups):
        listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
        said = f"{verb} {listed}" if verb else listed
        said += " blank" if verb == "leave" else ""
        last_on_page = i + 1 == len(groups) or groups[i + 1][2] != page
        if last_on_page and page and "the page" not in said:
            said += f" on the page ‘{page}’"
        parts.append(said)
    said = " and ".join(parts)
    for path in also:
        row, page = _row(path), _page(path)
        where = f" in {row}" if row else ""
        on = f" on the page ‘{page}’" if page and page not in pages else ""
        said += f"{', and ' if said else ''}answer ‘{_label(path)}’{where}{on} if it applies"
    return said


def fix_words(fix: Fix, names: dict[str, str] | None = None) -> str:
    """The instruction: its ways to put the problem right, any one of them (``names``: the
    partners' names, by short code)."""
    names = names or {}
    ways = tuple(tuple((_indexed(path), value) for path, value in w) for w in fix.ways)
    chosen = [w[0] for w in ways if len(w) == 1 and w[0][1] and w[0][1] not in (
        "true", "false", "-", "?", "~") and ".." not in w[0][1] and w[0][1][:2] not in ("<=", ">=")
        and w[0][1] not in names]
    paths = {path for path, _ in chosen}
    if len(chosen) == len(ways) > 1 and len(paths) == 1 and ("acknowledge",) not in paths:
        (path,) = paths  # one question, more than one choice: "choose ‘A’ or ‘B’ for ‘…’"
        options = " or ".join(f"‘{choice(value, path)}’" for _, value in chosen)
        page = _page(path)
        return f"choose {options} for ‘{_label(path)}’" + (f" on the page ‘{page}’"
                                                           if page else "")
    said: list[str] = []
    for w in ways:  # a question or page named by an earlier way is not named again
        text = _way(w, names)
        for again in re.findall(r" for ‘[^’]*’| on the page ‘[^’]*’", text):
            if any(again in before for before in said):
                text = text.replace(again, "", 1)
        said.append(text)
    return ", or ".join(said)

