"""The rule on a monitoring officer's deputy (``post.statutory_roles.deputy``): kept apart
from :mod:`docgen.rulebook.statutory_roles`, the rules on the rest of the post's statutory
roles, which is near the size a newcomer reads in one sitting."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.role_titles import role_kinds
from docgen.rulebook.common import DOMAIN, Findings, named_in
from docgen.rulebook.registry import rule, told, way


@rule("GP069", "warning", "post.statutory_roles.deputy", "Local Government and Housing Act "
      "1989 s.5(7) and s.5(1)(b) (" + DOMAIN + ": statutory officers)",
      "a monitoring officer's deputy is a member of the monitoring officer's staff, so of the "
      "council's own staff or staff placed with it", clauses=("agreement.statutory_roles",))
def deputy_from_another_party(a: AnswerFile, f: Facts) -> Findings:
    """Section 5(7) of the 1989 Act has the monitoring officer nominate "a member of his
    staff" as deputy: the staff the council provides for the office (s.5(1)(b)). A deputy
    whose words name another party and not the council ("Democratic Services Manager,
    Brookfield" for Ashby Vale's monitoring officer) is on that party's staff unless placed
    with the council (s.113 of the 1972 Act; in Scotland, where s.113 does not extend, s.35
    of the Local Government (Scotland) Act 1966). Found by the names alone, so a warning.
    Not in Northern Ireland, to which Part I of the 1989 Act does not extend."""
    if a.jurisdiction == "northern_ireland":
        return
    for i, r in enumerate(a.post.statutory_roles):
        own = f.party.get(r.party)
        if not r.deputy or own is None or "monitoring officer" not in role_kinds(r.role) \
                or named_in(own, r.deputy):
            continue
        other = next((p for p in f.parties if p.id != own.id and named_in(p, r.deputy)), None)
        if other is None:
            continue
        placed = ("section 35 of the Local Government (Scotland) Act 1966"
                  if a.jurisdiction == "scotland" else
                  "section 113 of the Local Government Act 1972")
        yield ("post", "statutory_roles", i, "deputy"), told(
            f"the deputy named for {own.short_name}'s monitoring officer, '{r.deputy}', is by "
            f"its words on {other.short_name}'s staff; section 5(7) of the Local Government "
            "and Housing Act 1989 has the monitoring officer nominate a member of their own "
            f"staff as deputy, which is the staff {own.short_name} provides for the office "
            f"(section 5(1)(b)). The deputy must be on {own.short_name}'s staff, or placed "
            f"at its disposal under {placed}. ", "Name a post on "
            f"{own.short_name}'s staff as the deputy, or acknowledge GP069",
            way(f"post.statutory_roles.{i}.deputy"), way("acknowledge=GP069"),
            after=f" saying that the {other.short_name} post is placed at {own.short_name}'s "
            "disposal")
