"""Every rule, in the order they run: importing each section's module registers its rules
with :mod:`docgen.rulebook.registry`.

A rule lives in the module of the answer-file section its key is in (``SECTIONS``, the
longest key there its key starts with: :func:`module_for`), so a rule about
``exit.notice_months`` is in ``exit.py`` and one about ``payment.on_costs`` in
``on_costs.py``. The order the rules run in decides the order of the warnings printed and
of the drafting notes on a clause, so it is kept
as it was before the rules were filed by section (``RUN_ORDER``); every rule is named
there (a test holds it), a new one at the end.
"""

from __future__ import annotations

from types import ModuleType

from docgen.rulebook import (
    conflicts,
    deputies,
    exit,
    governance,
    job,
    legal,
    on_costs,
    parties,
    payment,
    post,
    postholder,
    review,
    scottish_answers,
    statutory_roles,
)
from docgen.rulebook.registry import REGISTERED, Rule

#: answer-file section (the first part of a rule's key) → the module that holds its rules
SECTIONS: dict[str, ModuleType] = {
    "payment": payment, "payment.on_costs": on_costs,
    "post": post, "post.statutory_roles": statutory_roles,
    "post.statutory_roles.deputy": deputies, "time_split": post, "job": job,
    "postholder": postholder,
    "review": review,
    "exit": exit,
    "governance": governance, "management": governance,
    "conflicts_of_interest": conflicts, "confidentiality": conflicts,
    "legal_basis": legal, "jurisdiction": legal, "status": legal,
    "execution": scottish_answers, "integration_joint_board": scottish_answers,
    "integration_joint_board_enforces": scottish_answers,
    "integration_joint_board_party": scottish_answers,
    "employer": parties, "parties": parties,
}

#: the order the rules run in: the order they ran in when they were kept in book*.py (the
#: order those modules happened to be imported in), then the rules added since, in the
#: order they first ran; output bytes depend on it, so it stays, and moving a rule to
#: another module does not change it. A new rule is added at the end.
RUN_ORDER: tuple[str, ...] = (
    "GE001", "GE002", "GE003", "GE004", "GE005", "GE006",
    "GP001", "GP002", "GP003", "GP004", "GP005", "GP006", "GP007", "GP008", "GP009", "GP010",
    "GP031", "GP032", "GP033", "GP034", "GP035",
    "GE007", "GP046", "GP047", "GP048", "GP049", "GE008",
    "GP041", "GP042", "GP043", "GP044", "GP045",
    "GP011", "GP012", "GP013", "GP014", "GP015", "GP016", "GP017", "GP018", "GP019", "GP020",
    "GP021", "GP022", "GP023", "GP024", "GP025", "GP026", "GP027", "GP028", "GP029", "GP030",
    "GE009", "GP050", "GP054", "GE010", "GE011", "GP051", "GP052", "GP055", "GP053", "GP056",
    "GP057", "GE012", "GP058", "GP059", "GP060", "GP061", "GP062", "GP063",
    "GP064", "GP065", "GP066", "GP067", "GP068", "GP069",
)


def module_for(key: str) -> ModuleType | None:
    """The module that holds the rules keyed on ``key`` (``payment.on_costs.0.percent`` →
    ``on_costs``): the longest section in :data:`SECTIONS` the key is in, or None."""
    parts = key.split(".")
    for n in range(len(parts), 0, -1):
        module = SECTIONS.get(".".join(parts[:n]))
        if module is not None:
            return module
    return None


def _run_position(r: Rule) -> tuple[int, int]:
    """Where ``r`` runs: its place in ``RUN_ORDER``, or after all of those."""
    if r.id in RUN_ORDER:
        return RUN_ORDER.index(r.id), 0
    return len(RUN_ORDER), REGISTERED.index(r)


#: every rule, in the order they run
RULES: list[Rule] = sorted(REGISTERED, key=_run_position)

__all__ = ["RULES", "RUN_ORDER", "SECTIONS", "Rule", "module_for"]
