"""Good-practice checks for shared posts, drawn from the joint-appointment guides.

Each rule is one small function with an id, a severity, the key it concerns,
the guidance it comes from and the clauses a drafting note belongs on.
Warnings may be acknowledged in the answer file (``acknowledge:``), and are
then reported as acknowledged rather than hidden.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from docgen._records import record
from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.answers.model import AnswerFile
from docgen.errors import Fix, KeyPath, Setting
from docgen.facts.derive import Facts


@record(frozen=True)
class Told:
    """A finding's message with what a reader that words it its own way needs: a ``code``
    (a rule that finds more than one thing) and the ``fix`` it instructs, as data."""

    message: str
    code: str = ""
    fix: Fix | None = None


def way(*settings: str) -> tuple[Setting, ...]:
    """One way to put a finding right, as the answers it sets: ``"key.path=value"`` each
    (``"key.path"`` alone: an answer to give; ``"key.path=?"``: an answer to give as well if
    it applies, such as months of pay protection if pay is protected; the other values are
    documented on :data:`docgen.errors.Setting`)."""
    out: list[Setting] = []
    for one in settings:
        key, _, value = one.partition("=")
        out.append((tuple(key.split(".")), value))
    return tuple(out)


def told(before: str, said: str, *ways: tuple[Setting, ...], after: str = "",
         code: str = "") -> Told:
    """A message made of what is wrong (``before``), the instruction in the answer file's
    terms (``said``, which the command line prints as it is) and anything after it; ``ways``
    are the instruction as data, each a way to put it right (any one)."""
    return Told(before + said + after, code, Fix(said, ways) if ways else None)


#: what a rule finds: the key path and its message (plain, or with a code and a fix)
Finding = tuple[KeyPath, str | Told]
#: a rule's body: the answer file and its facts in, findings out
Check = Callable[[AnswerFile, Facts], Iterable[Finding]]


@record(frozen=True)
class Rule:
    id: str
    severity: str  # "error" or "warning"
    key: str
    source: str
    summary: str
    clauses: tuple[str, ...]
    check: Check
    #: the documents whose drafting notes show this rule's findings
    documents: tuple[str, ...] = DOCUMENT_KINDS


#: every rule, in the order its module registered it (``catalogue.RULES`` gives the order
#: they run in)
REGISTERED: list[Rule] = []


def rule(id: str, severity: str, key: str, source: str, summary: str,
         clauses: tuple[str, ...] = (),
         documents: tuple[str, ...] | None = None) -> Callable[[Check], Check]:
    """Register a rule. Its note shows in ``documents``; by default, the documents its
    ``clauses`` belong to (a VAT point is for the agreement, not the employee's contract),
    or every document when it names no clause."""
    if documents is None:
        named = {c.split(".", 1)[0] for c in clauses}
        documents = tuple(k for k in DOCUMENT_KINDS if k in named) or DOCUMENT_KINDS

    def register(fn: Check) -> Check:
        REGISTERED.append(Rule(id, severity, key, source, summary, clauses, fn, documents))
        return fn
    return register
