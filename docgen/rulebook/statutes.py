"""The statutory powers an answer file can name for the post (``legal_basis``), where each
applies, and how free text (``legal_basis_text``, the VAT rationale) cites them. Kept apart
from :mod:`docgen.rulebook.legal`, the rules on the legal frame, as the statutes those rules
and the rules on ``payment`` (GP059) and ``payment.on_costs`` read. How text cites the
statutory legal bases (``CITED``, ``cited_in``) is ``docgen.facts.jurisdictions``'."""

from __future__ import annotations

import re

from docgen.answers.powers import LEGAL_BASIS_HOME, home_of
from docgen.facts.jurisdictions import CITED, SECTION, cited_in

#: the names the rules read here: how text cites the legal bases (:data:`CITED`,
#: :func:`cited_in`) is the facts' (``docgen.facts.jurisdictions``, where ``legal.cites_s113``
#: is worked out), so that the rules and the clauses read one pattern; where each power
#: applies (:data:`LEGAL_BASIS_HOME`, :func:`home_of`) is ``docgen.answers.powers``', which
#: the interview reads too
__all__ = ["CITED", "LEGAL_BASIS_HOME", "PARTNERSHIP_CITED", "cited_in", "home_of",
           "partnership_in", "partnership_only"]

#: partnership powers free text may give as the reason for a VAT treatment ("section 75 NHS
#: Act 2006 pooled budget"), or as the power the post relies on, with the jurisdictions
#: each applies in, for GP059 and GP064: s.75 of the NHS Act 2006 in England, s.33 of the
#: NHS (Wales) Act 2006 in Wales. They make partnership arrangements (one body exercising
#: another's functions) and pooled funds and place no one (staff are supplied through s.113
#: or by secondment), so no post is placed under one
PARTNERSHIP_CITED: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    "section 75 of the National Health Service Act 2006": (re.compile(
        SECTION.format(75) + r"\b(?:National Health Service Act 2006|NHS\s*Act\s*2006)",
        re.IGNORECASE), ("england", "england_and_wales")),
    "section 33 of the National Health Service (Wales) Act 2006": (re.compile(
        SECTION.format(33) + r"\b(?:National Health Service \(Wales\) Act 2006|"
        r"NHS\s*\(Wales\)\s*Act\s*2006)", re.IGNORECASE), ("wales", "england_and_wales"))}
#: any section of any Act, or a secondment, that free text names beside a partnership power
_ANOTHER_POWER = re.compile(r"\b(?:section|s\.?)\s*\d+|\bsecond(?:ment|ed)\b", re.IGNORECASE)


def partnership_in(text: str | None) -> tuple[str, tuple[str, ...]] | None:
    """The partnership power ``text`` cites and the jurisdictions it applies in, or None."""
    return next(((name, where) for name, (pattern, where) in PARTNERSHIP_CITED.items()
                 if pattern.search(text or "")), None)


def partnership_only(text: str | None) -> str | None:
    """The partnership power ``text`` cites when it names no other section of an Act and no
    secondment beside it (``"section 75 of the NHS Act 2006"``, not ``"section 113 of the
    Local Government Act 1972, the pooled fund under section 75 of the NHS Act 2006"``), or
    None."""
    found = partnership_in(text)
    if found is None:
        return None
    rest = PARTNERSHIP_CITED[found[0]][0].sub("", text or "")
    return None if _ANOTHER_POWER.search(rest) else found[0]
