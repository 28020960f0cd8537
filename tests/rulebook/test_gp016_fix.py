"""GP016 (a legal basis from another jurisdiction) names the power of the post's own
jurisdiction, as its instruction and as data: s.113 of the Local Government Act 1972 in
England and Wales, s.35 of the Local Government (Scotland) Act 1966 in Scotland, s.105 of the
Local Government Act (Northern Ireland) 1972 in Northern Ireland; or a secondment."""

from __future__ import annotations

import pytest

from docgen.rulebook.registry import way

from .test_rules import example, problems_for


@pytest.mark.parametrize(("jurisdiction", "basis", "power"), [
    ("scotland", "lga_1972_s113", "lgs_1966_s35"),
    ("england", "lgs_1966_s35", "lga_1972_s113"),
    ("wales", "lgni_1972_s105", "lga_1972_s113"),
    ("northern_ireland", "lga_1972_s113", "lgni_1972_s105")])
def test_gp016_names_the_power_of_the_posts_jurisdiction(
        jurisdiction: str, basis: str, power: str) -> None:
    data = example("hr")
    data.update(jurisdiction=jurisdiction, legal_basis=basis)
    [p] = [p for p in problems_for(data) if p.rule == "GP016"]
    assert p.message.endswith(f"; set legal_basis: {power} (the power for this jurisdiction) "
                              "or legal_basis: secondment, and have it confirmed by a lawyer")
    assert p.fix is not None
    assert p.fix.ways == (way(f"legal_basis={power}"), way("legal_basis=secondment"))
