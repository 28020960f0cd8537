"""What "Check your answers" and the money panel show: every answer in human form
(£52,000.00, 60%, Yes, Not known yet, 1 September 2027), choices and partners by name;
and where a warning's rule comes from, by the sources anyone can look up.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from docgen.api.interview import money as printed_money
from docgen.api.interview import percent as printed_percent
from docgen.errors import KeyPath
from docgen.web.fields import NOT_KNOWN, Q, Step, asked, choice_label, label_for, no_postholder
from docgen.web.forms import get
from docgen.web.nouns import phrase
from docgen.web.views import KNOWN_ASKED, kind_choice, party_names
from docgen.web.wording import MONEY, PERCENT


def money(amount: Any) -> str:
    """A sum as the documents print it (``docgen.api.interview.money``: -£75,887.20, a half
    penny rounded up), or as written when it is no number."""
    value = _figure(amount)
    return printed_money(value) if value is not None else str(amount)


def percent(amount: Any) -> str:
    """A percentage as the documents print it (60%, 2.5%), or as written when it is no
    number."""
    value = _figure(amount)
    return printed_percent(value) if value is not None else str(amount)


def _figure(amount: Any) -> Decimal | None:
    """The number ``amount`` holds (a float as it reads: 0.125 is 0.125), or None."""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def money_view(facts: dict[str, Any] | None) -> dict[str, Any] | None:
    """The figures a finance officer checks, formatted as the documents print them."""
    if not facts:
        return None
    m = facts["money"]
    extra = [] if _zero(m["premium"]) else [  # none: no line of "(0%) £0.00"
        (f"Extra pay for the shared role ({percent(m['premium_percent'])})",
         money(m["premium"]))]
    return {
        "rows": [("Salary", money(m["salary"])), *extra,
                 *[(oc["label"], money(oc["amount"])) for oc in m["on_costs"]],
                 ("Cost base (pay and on-costs)", m["cost_base_text"])],
        "parties": [{"name": p["name"], "employer": p["is_employer"],
                     "time": percent(p["time_percent"]),
                     "annual": p["annual_text"],
                     # the employer pays the post-holder and sends the invoices: none to it
                     "per_invoice": "Not invoiced (the employer)" if p["is_employer"]
                     else p["per_invoice_text"]}
                    for p in facts["parties"]],
        "invoices_per_year": m["invoices_per_year"],
        "timing": choice_label(str(m["timing"])).lower(),
        "recharged": money(m["recharged"]), "employer_net": money(m["employer_net"]),
    }


def _zero(amount: Any) -> bool:
    try:
        return Decimal(str(amount)) == 0
    except (InvalidOperation, ValueError):
        return False


def answer(q: Q, value: Any, names: dict[str, str], path: KeyPath = ()) -> str:
    """An answer as a person reads it: money, percentages, Yes/No, dates in words,
    choices and partners by name, "Not known yet" for tbc."""
    path = path or q.path
    dotted = ".".join(str(p) for p in path if not isinstance(p, int))
    if isinstance(value, list) and q.kind != "group":
        return "; ".join(answer(q, v, names, path) for v in value)
    if isinstance(value, str) and value.strip().lower() == NOT_KNOWN:
        return "Not known yet"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    if dotted in MONEY and not isinstance(value, str):
        return money(value)
    if dotted in PERCENT and not isinstance(value, str):
        return percent(value)
    if q.kind in ("radios", "select", "checkboxes") and isinstance(value, str):
        return choice_label(value, path)
    if q.kind == "intortext" and value == "indefinite":  # a number of years, or a word
        return "Indefinitely"
    if isinstance(value, str) and value in names:
        return names[value]
    if q.kind == "party":
        return choice_label(str(value)) if str(value) in q.extra else not_listed(str(value))
    return "" if value is None else str(value)


def not_listed(code: str) -> str:
    """A partner named by an id (its abbreviation) no partner has now (renamed or removed
    elsewhere)."""
    return phrase("partner_id.not_listed", code=code)


#: a row's answer after its first, in words (a number with its unit, yes as "Essential")
IN_A_ROW: dict[str, Callable[[Any, str], str]] = {
    "governance.disputes.days": lambda value, text: f"within {text} working "
                                                    f"{'day' if value == 1 else 'days'}",
    "job.person_specification.essential": lambda value, text: "Essential" if value
                                                              else "Desirable",
    "job.person_specification.assessed_by": lambda value, text: f"assessed by {text.lower()}",
    "post.statutory_roles.deputy": lambda value, text: f"deputy: {text}",
    "payment.on_costs.above": lambda value, text: f"on pay above {text}",
}


def row_text(q: Q, row: dict[str, Any], names: dict[str, str]) -> str:
    """One row of a repeating group, every answer in it: "Line managers, within 10 working
    days"; "Leading change, Skills, Essential, assessed by interview and test"."""
    parts = []
    for sub in q.fields:
        value = get(row, sub.path)
        if value is None or value == "" or value == []:
            continue
        path = q.path + sub.path
        dotted = ".".join(str(p) for p in path)
        if isinstance(value, list) and sub.kind == "checkboxes":
            words = [answer(sub, v, names, path) for v in value]
            text = ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 \
                else words[0]
        elif dotted == "payment.on_costs.above" and not isinstance(value, str):
            text = money(value)
        else:
            text = answer(sub, value, names, path)
        said = IN_A_ROW.get(dotted)
        parts.append(said(value, text) if said is not None and text else text)
    return ", ".join(parts)


def partner_text(q: Q, row: dict[str, Any], names: dict[str, str], doc: Any = None) -> str:
    """A partner, its legal name said once: "The Mayor and Burgesses of the London Borough
    of Eastwick (Eastwick), local authority, Town Hall, 1 High Street, London E20 1AA,
    signed by Priya Shah (Chief Executive), formal notices to the Director of Law and
    Governance at legal@eastwick.example.gov.uk" (its short code, which links the answers
    to it, is not shown: every answer names the partner)."""
    def said(*path: str) -> str:
        value = get(row, path)
        if isinstance(value, str) and value.strip().lower() == NOT_KNOWN:
            return NOT_KNOWN_SAID
        return "" if value is None else " ".join(str(value).split())

    name, short, kind = said("name"), said("short_name"), said("kind")
    short = "" if short == NOT_KNOWN_SAID else short
    kind = kind_choice(kind, doc) if kind and kind != NOT_KNOWN_SAID else ""  # by the law
    kind = kind if kind.split(" ")[0].isupper() else kind[:1].lower() + kind[1:]
    signs, title = said("signatory", "name"), said("signatory", "title")
    address = said("address")
    address = f"address {NOT_KNOWN_SAID}" if address == NOT_KNOWN_SAID else ", ".join(
        line.strip(" ,") for line in str(get(row, ("address",)) or "").splitlines()
        if line.strip(" ,"))
    parts = [f"{name} ({short})" if short and short != name else name or short, kind, address,
             signed_by(signs, title), notices_to(said("notices", "title"),
                                                 said("notices", "email"))]
    return ", ".join(part for part in parts if part)


#: an answer "tbc" in a partner's description (never the word "tbc" itself)
NOT_KNOWN_SAID = "not known yet"


def signed_by(signs: str, title: str) -> str:
    """"signed by Priya Shah (Chief Executive)"; with the name not known yet, "signed by
    the Chief Executive (name not known yet)"; with neither known, "signed by: not known
    yet"; "" when neither is given."""
    if signs == NOT_KNOWN_SAID:
        if title in ("", NOT_KNOWN_SAID):
            return f"signed by: {NOT_KNOWN_SAID}"
        return f"signed by the {title} (name {NOT_KNOWN_SAID})"
    if title == NOT_KNOWN_SAID:
        return f"signed by {signs} (job title {NOT_KNOWN_SAID})"
    return f"signed by {signs}{f' ({title})' if title else ''}" if signs else ""


def notices_to(to: str, email: str) -> str:
    """"formal notices to the Monitoring Officer at mo@…"; a part not known yet said so
    ("formal notices to the Monitoring Officer (email address not known yet)"); neither
    known, "formal notices: not known yet"; "" when neither is given."""
    if to in ("", NOT_KNOWN_SAID) and email in ("", NOT_KNOWN_SAID):
        return f"formal notices: {NOT_KNOWN_SAID}" if NOT_KNOWN_SAID in (to, email) else ""
    if email == NOT_KNOWN_SAID:
        return f"formal notices to the {to} (email address {NOT_KNOWN_SAID})"
    if to == NOT_KNOWN_SAID:
        return f"formal notices to {email} (job title {NOT_KNOWN_SAID})"
    return f"formal notices to the {to}{f' at {email}' if email else ''}" if to \
        else f"formal notices to {email}"


PAUSES = ("payment", "during_absence")


def paused(doc: Any) -> str:
    """Payments that pause during absence, with the weeks the next question gives (4 if
    it gives none): "They stop after 6 weeks of continuous absence"; "" when not known."""
    weeks = get(doc, ("payment", "pause_after_weeks"))
    weeks = 4 if weeks is None or weeks == "" else weeks
    if isinstance(weeks, bool) or not isinstance(weeks, int):
        return ""
    return f"They stop after {weeks} week{'' if weeks == 1 else 's'} of continuous absence"


#: a share of the time in its unit
UNITS = {"days_per_week": ("day", "days"), "hours_per_week": ("hour", "hours")}


def share(value: Any, unit: Any) -> str:
    """A partner's share of the time with its unit ("3 days a week", "1 hour a week",
    "60%"); "" for an answer that is no number (not known yet)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return ""
    if unit == "percent":
        return percent(value)
    if unit not in UNITS:
        return ""
    number = Decimal(str(value)).normalize()
    return f"{number:f} {UNITS[str(unit)][number != 1]} a week"


#: the questions every post must answer that a new post may start without (the law and the
#: power, when the partners' profiles do not settle them): shown unanswered, with their
#: Change link, as the error summary sends the officer to answer them
SHOWN_UNANSWERED: tuple[KeyPath, ...] = (("jurisdiction",), ("legal_basis",))
#: an answer not given yet, in the words the page uses for a section with none
NOT_ANSWERED = "Not answered yet"


def summary_rows(step: Step, doc: Any) -> list[tuple[str, str]]:
    """Check-your-answers rows for one step: (question, answer as text)."""
    names = {**party_names(doc), "shared": "Shared"}
    if step.slug == "postholder" and no_postholder(doc):
        return [(KNOWN_ASKED, "Not yet: we are recruiting")]
    unit = get(doc, ("time_split", "unit"))
    rows = []
    for q in step.questions:
        value = get(doc, q.path)
        if not asked(q, doc):
            continue
        if value is None:
            if q.path in SHOWN_UNANSWERED:  # a row to change, beside the error summary's
                rows.append((label_for(q), NOT_ANSWERED))
            continue
        if q.kind == "group":
            text = "; ".join(partner_text(q, row, names, doc) if q.path == ("parties",)
                             else row_text(q, row, names) for row in value if isinstance(row, dict))
        elif isinstance(value, dict) and not any(value.values()):
            text = "None yet"  # objectives: {} (allowed, with a warning), not a blank row
        elif isinstance(value, dict):
            inner = Q(q.path, q.inner)
            shown = {k: answer(inner, v, names) for k, v in value.items()}
            if q.path == ("time_split", "shares"):  # "3 days a week", "60%": with its unit
                shown = {k: share(v, unit) or shown[k] for k, v in value.items()}
            text = "; ".join(f"{names.get(k) or not_listed(k)}: {v}" for k, v in shown.items())
        else:
            text = paused(doc) if q.path == PAUSES and value == "pauses" else ""
            text = text or answer(q, value, names)
        rows.append((label_for(q), text))
    return rows


def suggested(step: Step, doc: Any, suggestions: Any) -> set[str]:
    """The labels of ``step``'s rows whose answer is still docgen's suggestion (``doc`` as
    :func:`~docgen.web.standing.suggestions` gives them): shown as a suggestion for the
    officer to check fits the post. An answer changed from it is the officer's own."""
    return {label_for(q) for q in step.questions if asked(q, doc)
            and get(suggestions, q.path) not in (None, "", [], {})
            and get(doc, q.path) == get(suggestions, q.path)}


def public_source(source: str) -> str:
    """A rule's sources as an HR officer can look them up: Acts, guides and manuals by
    their public titles, without docgen's own notes and reviews ("docgen legal review of
    November 2026, docs/sources.md, 8 (governance)"), which no one outside can open; ""
    when every source is docgen's own. The rule catalogue and the command line keep the
    sources whole."""
    kept: list[str] = []
    for part in _parts(source):
        said, inner = _public(part)
        kept += [said] if not _OWN.search(said) else [  # a law or code docgen's notes name
            named for text in inner for named in _parts(text)
            if _NAMED.search(named) and not _OWN.search(named)]
    return re.sub(r"\bLGA (\d{4})", r"Local Government Act \1", "; ".join(filter(None, kept)))


#: a source that is docgen's own: its notes and reviews, a file of its repository
_OWN = re.compile(r"^docgen\b|\bdocs/", re.IGNORECASE)
#: a source anyone can look up, named in docgen's own notes: an Act or a code of practice
_NAMED = re.compile(r"\bAct \d{4}|\bLGA \d{4}|\bcode\b")


def _parts(text: str) -> list[str]:
    """``text`` split at each ";" outside brackets."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(text):
        depth += 1 if char == "(" else -1 if char == ")" and depth else 0
        if char == ";" and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    return [*parts, text[start:].strip()]


def _public(part: str) -> tuple[str, list[str]]:
    """One source with its brackets made public, one that named only docgen's own left
    out ("s.5 (docgen practice notes, docs/sources.md)" is "s.5"); and what each held."""
    said, held, depth, start = "", [], 0, 0
    for i, char in enumerate(part):
        if char == "(":
            start, depth = i if depth == 0 else start, depth + 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                held.append(part[start + 1:i])
                inner = public_source(held[-1])
                said = f"{said}({inner})" if inner else said.rstrip()
        elif depth == 0:
            said += char
    return (said + part[start:] if depth else said).strip(), held
