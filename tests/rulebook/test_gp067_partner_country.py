"""GP067: a partner whose country docgen knows (an NHS body whose kind exists in one country
alone, by ``facts/nhs_bodies.py``; a London council in its corporate name, ``in_england``)
contradicts a single-country jurisdiction. Before, an integrated care board under
``jurisdiction: wales`` or a Local Health Board under ``england`` drew no warning at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from legal_answers import answers

from docgen import check
from docgen.answers.validation import validate
from docgen.answers.yamlfile import Located
from docgen.facts.derive import derive
from docgen.rulebook.engine import run_rules

ICB = "NHS Shropshire, Telford and Wrekin ICB"


def _gp067(data: dict[str, Any]) -> list[tuple[str, str]]:
    """GP067's open findings: (key path, message)."""
    return [(".".join(map(str, p.path)), p.message) for p in check(data).problems
            if p.rule == "GP067" and not p.acknowledged]


def test_an_icb_under_welsh_law_is_warned_about_in_plain_words() -> None:
    data = answers("nhs-icb-employs-dass", jurisdiction="wales", parties__0__name=ICB)
    [(path, said)] = _gp067(data)
    assert path == "parties.0.name"
    assert said == (
        f"{ICB} is an integrated care board, which exists in England only, but the answers "
        "choose the law of Wales; set jurisdiction: england or england_and_wales (England if "
        "every partner is in England, England and Wales if the partners are in both "
        "countries)"), said


def test_both_ways_out_are_given_as_data_for_the_partners_own_country() -> None:
    """Under Wales' law with an English partner, England alone is right when every partner
    is in England: both England and England and Wales are offered (the mirror for a Welsh
    body under England's law), as ways the browser words from its own question."""
    for jurisdiction, name, own in (("wales", ICB, "england"), (
            "england", "Powys Teaching Local Health Board", "wales")):
        data = answers("nhs-icb-employs-dass", jurisdiction=jurisdiction,
                       parties__0__name=name)
        [found] = [p for p in check(data).problems if p.rule == "GP067"]
        assert found.fix is not None, found
        assert [w[0][1] for w in found.fix.ways] == [own, "england_and_wales"], found.fix


def test_a_welsh_body_under_englands_law_is_warned_about() -> None:
    for name, what in (("Powys Teaching Local Health Board", "a Local Health Board"),
                       ("Velindre University NHS Trust", "one of the three NHS trusts in Wales"),
                       ("Addysg a Gwella Iechyd Cymru", "a special health authority")):
        [(_, said)] = _gp067(answers("nhs-icb-employs-dass", parties__0__name=name))
        assert said.startswith(f"{name} is {what}"), said
        assert "but the answers choose the law of England;" in said, said


def test_a_london_council_under_welsh_law_is_warned_about() -> None:
    data = answers("nhs-icb-employs-dass", jurisdiction="wales")
    data["parties"][1]["name"] = "The Mayor and Burgesses of the London Borough of Eastwick"
    data["parties"][0]["name"] = "Velindre University NHS Trust"  # Welsh: not warned
    [(path, said)] = _gp067(data)
    assert path == "parties.1.name"
    assert "London" in said and "the law of Wales" in said, said


def test_no_warning_where_the_country_fits_or_is_not_known() -> None:
    assert not _gp067(answers("nhs-icb-employs-dass"))  # an ICB under England's law
    assert not _gp067(answers("nhs-icb-employs-dass", jurisdiction="england_and_wales"))
    trust = "Shawbury Community Health NHS Trust"  # an NHS trust: its country is open
    assert not _gp067(answers("nhs-icb-employs-dass", jurisdiction="wales",
                              parties__0__name=trust))
    assert not _gp067(answers("nhs-icb-employs-dass", jurisdiction="wales",
                              parties__0__name="Powys Teaching Local Health Board"))


def test_an_english_or_welsh_body_under_scottish_or_northern_irish_law_is_warned_about() -> None:
    """A legal reviewer's finding: under Scotland's law an integrated care board's agreement
    put it under the Freedom of Information (Scotland) Act 2002 and Scotland's NHS guidance,
    and under Northern Ireland's a Local Health Board was called a health and social care
    body, with no warning (GP067 read England and Wales only). The way out is the partner's
    own country, or an acknowledgement once a lawyer has adapted the agreement."""
    data = answers("nhs-icb-employs-dass", jurisdiction="scotland", parties__0__name=ICB)
    [(path, said)] = _gp067(data)
    assert path == "parties.0.name"
    assert said == (
        f"{ICB} is an integrated care board, which exists in England only, but the answers "
        "choose the law of Scotland, so the documents would put it under Scotland's freedom "
        "of information law, NHS guidance and vetting scheme; set jurisdiction: england, or "
        "acknowledge GP067 (England if every partner is in England; if some are in Scotland, "
        "only once a lawyer has adapted the agreement for a post that crosses the border)"), said
    [found] = [p for p in check(data).problems if p.rule == "GP067"]
    assert found.fix is not None
    assert [w[0] for w in found.fix.ways] == [(("jurisdiction",), "england"),
                                             (("acknowledge",), "GP067")], found.fix
    lhb = "Powys Teaching Local Health Board"
    [(_, said)] = _gp067(answers("nhs-icb-employs-dass", jurisdiction="northern_ireland",
                                 parties__0__name=lhb))
    assert said.startswith(f"{lhb} is a Local Health Board, which exists in Wales only, but "
                           "the answers choose the law of Northern Ireland, so "), said
    assert "set jurisdiction: wales, or acknowledge GP067 (Wales if every partner is in " \
        "Wales; if some are in Northern Ireland, only once" in said, said


def test_it_can_be_acknowledged() -> None:
    data = answers("nhs-icb-employs-dass", jurisdiction="wales")
    data["acknowledge"].append({"rule": "GP067", "reason": "The post works in Wales only"})
    found = [p for p in check(data).problems if p.rule == "GP067"]
    assert [p.acknowledged for p in found] == ["The post works in Wales only"]
    assert found[0].severity == "warning"


def test_the_city_of_london_is_named_as_itself_and_poole_is_not_london() -> None:
    """The City of London's corporation is no borough's council, and "The Mayor and
    Burgesses of the Borough of Poole" is the same corporate form outside London: its
    country is not known from its name, so it is not warned about."""
    data = answers("nhs-icb-employs-dass", jurisdiction="wales")
    data["parties"][0]["name"] = "Velindre University NHS Trust"  # Welsh: not warned
    data["parties"][1]["name"] = "The Mayor and Commonalty and Citizens of the City of London"
    [(_, said)] = _gp067(data)
    assert said.startswith("The Mayor and Commonalty and Citizens of the City of London is "
                           "the City of London Corporation, which is in England, "), said
    data["parties"][1]["name"] = "The Mayor and Burgesses of the London Borough of Eastwick"
    [(_, said)] = _gp067(data)
    assert "is a London council, which is in England, " in said, said
    data["parties"][1]["name"] = "The Mayor and Burgesses of the Borough of Poole"
    assert not _gp067(data)


def test_a_bilingual_or_full_stopped_name_is_read_from_the_partys_own_facts() -> None:
    """GP067 reads the kind PartyFacts holds (``nhs_kind``): a Welsh body's bilingual name
    under England's law, an ICB's name with a full stop under Wales', are warned about."""
    welsh = "Hywel Dda University Health Board / Bwrdd Iechyd Prifysgol Hywel Dda"
    [(_, said)] = _gp067(answers("nhs-icb-employs-dass", parties__0__name=welsh))
    assert said.startswith(f"{welsh} is a Local Health Board, which exists in Wales only, "
                           "but the answers choose the law of England;"), said
    [(_, said)] = _gp067(answers("nhs-icb-employs-dass", jurisdiction="wales",
                                 parties__0__name="NHS Frimley ICB."))
    assert said.startswith("NHS Frimley ICB. is an integrated care board"), said


def test_a_london_council_is_read_once_into_the_partys_facts() -> None:
    """Which London council a party's corporate name shows is a fact of the party
    (``PartyFacts.london_kind``, from which ``in_england`` follows), read once when the
    facts are derived; GP067 takes it from there rather than reading the name again."""
    data = answers("nhs-icb-employs-dass", jurisdiction="wales")
    data["parties"][0]["name"] = "Velindre University NHS Trust"  # Welsh: not warned
    data["parties"][1]["name"] = "The Mayor and Burgesses of the London Borough of Eastwick"
    located = Located(data=data, path=Path("x.yaml"))
    valid = validate(located)
    facts = derive(valid)
    council = facts.parties[1]
    assert (council.london_kind, council.in_england) == ("borough", True)
    assert [p.rule for p in run_rules(valid, facts, located)].count("GP067") == 1
    council.london_kind = ""  # the facts, not the name, decide
    assert "GP067" not in [p.rule for p in run_rules(valid, facts, located)]
    data["parties"][1]["name"] = "The Mayor and Commonalty and Citizens of the City of London"
    assert derive(validate(Located(data=data, path=Path("x.yaml")))).parties[1].london_kind \
        == "city"
