"""Under ``jurisdiction: england_and_wales`` the agreement's list of powers gave every NHS
party "the National Health Service Act 2006 (in England) or the National Health Service (Wales)
Act 2006 (in Wales)", and its note asked legal review which Act applied: an integrated care
board, which exists only in England, was offered the Welsh Act too. Where an NHS body's kind,
as its legal name says, fixes its country (``facts/nhs_bodies.py``), the agreement names that
country's Act alone; an NHS trust, which may be in either, keeps both and the question.

Read back from the built agreement, from the ICB example of tests/data/legal/."""

from __future__ import annotations

import copy
from typing import Any

from legal_answers import answers, icb_council_and_trust, text

ENGLISH = "the National Health Service Act 2006"
WELSH = "the National Health Service (Wales) Act 2006"
BOTH = f"{ENGLISH} (in England) or {WELSH} (in Wales)"
WHICH_ACT = "which Act applies"


def _icb_as(name: str, short_name: str) -> dict[str, Any]:
    """The ICB example under England and Wales' law, its NHS party renamed."""
    data = answers("nhs-icb-employs-dass", jurisdiction="england_and_wales")
    data["parties"][0].update(name=name, short_name=short_name)
    return data


def _powers(t: str) -> list[str]:
    """The agreement's lines naming an NHS party's powers, and its notes about them."""
    return [line for line in t.splitlines() if "powers under" in line and "Act 2006" in line
            or line.startswith("Note for legal review") and "names the Act under which" in line]


def test_an_icb_is_given_englands_act_alone() -> None:
    t = text(_icb_as("NHS Shawbury and Wrekin Integrated Care Board", "the ICB"))
    assert f"the ICB: its powers under {ENGLISH}." in t.splitlines()
    assert WELSH not in t
    assert "(in England)" not in "\n".join(_powers(t))
    note = next(line for line in _powers(t) if line.startswith("Note"))
    assert "names the Act under which the ICB acts, not a section of it" in note
    assert WHICH_ACT not in note


def test_a_local_health_board_is_given_the_welsh_act_alone() -> None:
    for name in ("Powys Teaching Local Health Board", "Aneurin Bevan University Health Board"):
        t = text(_icb_as(name, "the Health Board"))
        lines = _powers(t)
        assert f"the Health Board: its powers under {WELSH}." in lines, name
        assert not any(ENGLISH in line for line in lines), name
        assert not any(WHICH_ACT in line for line in lines), name


def test_an_nhs_trust_keeps_both_acts_and_the_question() -> None:
    t = text(_icb_as("Shawbury Community Health NHS Trust", "the Trust"))
    assert f"the Trust: its powers under {BOTH}." in t.splitlines()
    assert any(f"and {WHICH_ACT} to it, and name it" in line for line in _powers(t))


def test_each_country_is_listed_for_its_own_bodies() -> None:
    data = copy.deepcopy(icb_council_and_trust())  # cached: never changed in place
    data["jurisdiction"] = "england_and_wales"
    t = text(data)
    assert f"the ICB and the Foundation Trust: their powers under {ENGLISH}." in t.splitlines()
    assert WELSH not in t
    data["parties"][2].update(name="Shawbury Community Health NHS Trust",
                              short_name="the Trust")
    lines = text(data).splitlines()
    assert f"the ICB: its powers under {ENGLISH};" in lines
    assert f"the Trust: its powers under {BOTH}." in lines
    assert any(f"and {WHICH_ACT} to the Trust, and name it" in line for line in _powers(
        "\n".join(lines)))


def test_under_englands_law_alone_nothing_changes() -> None:
    t = text(answers("nhs-icb-employs-dass"))
    assert f"the ICB: its powers under {ENGLISH}." in t.splitlines()
    assert WELSH not in t


def test_under_the_other_countrys_law_the_body_keeps_its_own_act() -> None:
    """An ICB's powers come from England's Act even where the answers say ``wales``, a Local
    Health Board's from the Welsh Act where they say ``england``."""
    lines = text(answers("nhs-icb-employs-dass", jurisdiction="wales")).splitlines()
    assert f"the ICB: its powers under {ENGLISH}." in lines
    assert not any(WELSH in line for line in _powers("\n".join(lines)))
    data = answers("nhs-icb-employs-dass")
    data["parties"][0].update(name="Powys Teaching Local Health Board",
                              short_name="the Health Board")
    assert f"the Health Board: its powers under {WELSH}." in text(data).splitlines()


def test_a_welsh_nhs_trust_is_given_the_welsh_act_under_englands_law() -> None:
    """Velindre University NHS Trust is one of Wales's three NHS trusts: under
    ``jurisdiction: england`` it was silently given England's Act."""
    data = answers("nhs-icb-employs-dass")
    data["parties"][0].update(name="Velindre University NHS Trust", short_name="the Trust")
    lines = _powers(text(data))
    assert f"the Trust: its powers under {WELSH}." in lines
    assert not any(ENGLISH in line for line in lines)
    assert not any(WHICH_ACT in line for line in lines)


def test_an_open_trust_under_one_countrys_law_keeps_the_question() -> None:
    """An NHS trust the names do not place is given the chosen country's Act, but the note
    still asks legal review which Act applies to it: under ``wales`` an English trust would
    otherwise be given the Welsh Act with nothing said."""
    for jurisdiction, act in (("england", ENGLISH), ("wales", WELSH)):
        data = answers("nhs-icb-employs-dass", jurisdiction=jurisdiction)
        data["parties"][0].update(name="Shawbury Community Health NHS Trust",
                                  short_name="the Trust")
        lines = _powers(text(data))
        assert f"the Trust: its powers under {act}." in lines, jurisdiction
        assert any(f"and {WHICH_ACT} to it, and name it" in line for line in lines), \
            jurisdiction


def test_a_welsh_special_health_authority_by_its_welsh_or_bracketed_name() -> None:
    """HEIW's name with its abbreviation after it, and the Welsh-language names of HEIW and
    Digital Health and Care Wales, were open: both Acts, and the question."""
    for name in ("Health Education and Improvement Wales (HEIW)",
                 "Addysg a Gwella Iechyd Cymru", "Iechyd a Gofal Digidol Cymru"):
        lines = _powers(text(_icb_as(name, "the Authority")))
        assert f"the Authority: its powers under {WELSH}." in lines, name
        assert not any(WHICH_ACT in line for line in lines), name


def _s113_1a(data: dict[str, Any]) -> str:
    """The agreement's sentence placing the officer with an NHS body under s.113(1A)(a)."""
    return next(line for line in text(data).splitlines() if "113(1A)(a)" in line)


def test_s113_1a_names_a_local_health_board_where_a_partner_is_welsh() -> None:
    """Under England and Wales' law, a council placing its officer with a Welsh health board
    read that s.113(1A)(a) reaches 'an integrated care board, an NHS trust and an NHS
    foundation trust', naming no Local Health Board: it named one only under ``wales``."""
    data = answers("county-council-nhs-trust-dph", jurisdiction="england_and_wales")
    data["parties"][1].update(name="Aneurin Bevan University Health Board",
                              short_name="the Health Board")
    assert "an integrated care board, a Local Health Board, an NHS trust" in _s113_1a(data)
    data["jurisdiction"] = "england"  # the partner is still Welsh
    assert "a Local Health Board" in _s113_1a(data)
    data["parties"][1].update(name="Haldon Community Health NHS Trust")  # open: not named
    assert "Local Health Board" not in _s113_1a(data)
    assert "a Local Health Board" in _s113_1a(
        answers("county-council-nhs-trust-dph", jurisdiction="wales"))


def test_s113_1a_names_the_hosts_own_kinds_of_nhs_body() -> None:
    """The sentence never named NHS England or a Special Health Authority, and for Health
    Education and Improvement Wales (a Special Health Authority) named 'a Local Health
    Board', which it is not: the bodies named now follow the NHS hosts' kinds."""
    data = answers("county-council-nhs-trust-dph", jurisdiction="england_and_wales")
    data["parties"][1].update(name="Health Education and Improvement Wales",
                              short_name="HEIW")
    said = _s113_1a(data)
    assert ("including an integrated care board, a special health authority, an NHS trust and "
            "an NHS foundation trust, for the purposes") in said, said
    data["jurisdiction"] = "wales"  # HEIW's kind is known: still no Local Health Board
    assert "Local Health Board" not in _s113_1a(data)
    data["jurisdiction"] = "england_and_wales"
    data["parties"][1].update(name="NHS England", short_name="NHS England")
    said = _s113_1a(data)
    assert ("including NHS England, an integrated care board, an NHS trust and an NHS "
            "foundation trust") in said, said
    assert "special health authority" not in said and "Local Health Board" not in said
