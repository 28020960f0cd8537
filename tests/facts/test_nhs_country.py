"""Which country an NHS body's kind fixes, from its legal name (``facts/nhs_bodies.py``), and
how the agreement's list of powers groups the NHS parties by it (``legal.nhs_acts``).

England only: an integrated care board, an NHS foundation trust, NHS England. Wales only: a
Local Health Board, the Welsh special health authorities. Open: an NHS trust (Wales has them
too), any body not recognised, and every party that is not an NHS body."""

from __future__ import annotations

import pytest
from legal_answers import answers

from docgen import load
from docgen.facts.derive import derive
from docgen.facts.nhs_bodies import nhs_country, nhs_kind


@pytest.mark.parametrize(("name", "country"), [
    ("NHS Shawbury and Wrekin Integrated Care Board", "england"),
    ("Shawbury ICB", "england"),
    ("Shawbury Community Health NHS Foundation Trust", "england"),
    ("NHS England", "england"),
    ("Powys Teaching Local Health Board", "wales"),
    ("Aneurin Bevan University Health Board", "wales"),
    ("Bwrdd Iechyd Prifysgol Aneurin Bevan", "wales"),
    ("Health Education and Improvement Wales", "wales"),
    ("Digital Health and Care Wales", "wales"),
    ("Health Education and Improvement Wales (HEIW)", "wales"),
    ("Digital Health and Care Wales (DHCW)", "wales"),
    ("Addysg a Gwella Iechyd Cymru", "wales"),
    ("Addysg a Gwella Iechyd Cymru (AaGIC)", "wales"),
    ("iechyd a gofal digidol  cymru", "wales"),
    # Wales's three NHS trusts, by name (case, spacing and a bracketed suffix aside)
    ("Velindre University NHS Trust", "wales"),
    ("Public Health Wales NHS Trust", "wales"),
    ("Welsh Ambulance Services University NHS Trust", "wales"),
    ("  velindre   university nhs TRUST ", "wales"),
    ("Public Health Wales NHS Trust (PHW)", "wales"),
    ("Welsh Ambulance Services University NHS Trust (WAST)", "wales"),
    # open: any other NHS trust may be English or Welsh; a body not recognised says nothing
    ("Shawbury Community Health NHS Trust", ""),
    ("Velindre Partnership NHS Trust", ""),
    ("Public Health Wales", ""),
    ("Health Education and Improvement Wales Partnership", ""),
    ("NHS England and Wales Partnership Trust", ""),
    ("NHS Glenmuir", ""),
    ("NHS Blood and Transplant", ""),
])
def test_an_nhs_bodys_kind_fixes_its_country_or_leaves_it_open(name: str,
                                                               country: str) -> None:
    assert nhs_country("nhs_body", name) == country


def test_only_an_nhs_body_has_an_nhs_country() -> None:
    assert nhs_country("other_public_body", "NHS Shawbury Integrated Care Board") == ""
    assert nhs_country("local_authority", "Powys County Council") == ""


def _groups(data: dict[str, object]) -> list[tuple[str, list[str]]]:
    f = derive(load(data))
    return [(g.country, [p.id for p in g.parties]) for g in f.legal.nhs_acts]


def test_the_powers_are_grouped_by_each_bodys_country_under_england_and_wales() -> None:
    data = answers("nhs-icb-employs-dass", jurisdiction="england_and_wales")
    assert _groups(data) == [("england", ["icb"])]
    data["parties"][0]["name"] = "Shawbury Community Health NHS Trust"
    assert _groups(data) == [("", ["icb"])]
    data["parties"][0]["name"] = "Powys Teaching Local Health Board"
    assert _groups(data) == [("wales", ["icb"])]


def test_under_one_countrys_law_it_decides_where_the_kind_does_not() -> None:
    trust = "Shawbury Community Health NHS Trust"
    assert _groups(answers("nhs-icb-employs-dass", parties__0__name=trust)) == [
        ("england", ["icb"])]
    assert _groups(answers("nhs-icb-employs-dass", jurisdiction="wales",
                           parties__0__name=trust)) == [("wales", ["icb"])]


def test_a_bodys_kind_names_its_act_whatever_the_law() -> None:
    """An ICB's powers are the National Health Service Act 2006's, a Local Health Board's the
    Welsh Act's, even where the answers put the post under the other country's law."""
    assert _groups(answers("nhs-icb-employs-dass", jurisdiction="wales")) == [
        ("england", ["icb"])]
    data = answers("nhs-icb-employs-dass",
                   parties__0__name="Powys Teaching Local Health Board")
    assert _groups(data) == [("wales", ["icb"])]


def test_a_welsh_nhs_trust_keeps_the_welsh_act_under_englands_law() -> None:
    """Velindre is one of Wales's three NHS trusts: under ``jurisdiction: england`` its
    powers are still the Welsh Act's, not England's."""
    data = answers("nhs-icb-employs-dass", parties__0__name="Velindre University NHS Trust")
    assert _groups(data) == [("wales", ["icb"])]


@pytest.mark.parametrize(("name", "kind"), [
    ("NHS Shropshire, Telford and Wrekin ICB", "integrated_care_board"),
    ("Shawbury Community Health NHS Foundation Trust", "foundation_trust"),
    ("Powys Teaching Local Health Board", "local_health_board"),
    ("Health Education and Improvement Wales (HEIW)", "special_health_authority"),
    ("Public Health Wales NHS Trust", "welsh_nhs_trust"),
    ("Shawbury Community Health NHS Trust", ""),
    ("Shawbury ICB and Powys Teaching Local Health Board", ""),  # both countries: open
])
def test_the_kind_a_name_shows_is_what_the_warning_names(name: str, kind: str) -> None:
    """GP067 words its warning by the kind (``nhs_kind``), the agreement its Act by the
    country that kind is in."""
    assert nhs_kind("nhs_body", name) == kind


@pytest.mark.parametrize(("name", "kind"), [
    # a kind's words end the name: a trust hosted by, or named with, an ICB is no ICB
    ("Shawbury Community Health NHS Trust, hosted by NHS Shawbury ICB", ""),
    ("Shawbury Community Health NHS Trust hosted by NHS Shawbury Integrated Care Board", ""),
    ("Shawbury Community Health NHS Trust (NHS Shawbury ICB)", ""),
    ("ICB Shared Services NHS Trust", ""),
    ("Integrated Care Board Partnership NHS Trust", ""),
    ("NHS Foundation Trust Network", ""),
    ("Local Health Board Partnership NHS Trust", ""),
    ("NHS Shawbury ICB (Shawbury)  ", "integrated_care_board"),
    ("Shawbury NHS Foundation Trust (SFT)", "foundation_trust"),
    ("Aneurin Bevan University Health Board (ABUHB) ", "local_health_board"),
    ("Bwrdd Iechyd Addysgu Powys", "local_health_board"),
    # the English special health authorities' names with "Special Health Authority" after them
    ("Digital Health and Care Wales Special Health Authority", "special_health_authority"),
    ("Health Education and Improvement Wales Special Health Authority (HEIW)",
     "special_health_authority"),
    # the ambulance trust in the singular, and the three trusts' Welsh names
    ("Welsh Ambulance Service NHS Trust", "welsh_nhs_trust"),
    ("Ymddiriedolaeth GIG Prifysgol Felindre", "welsh_nhs_trust"),
    ("Iechyd Cyhoeddus Cymru", "welsh_nhs_trust"),
    ("Ymddiriedolaeth GIG Iechyd Cyhoeddus Cymru", "welsh_nhs_trust"),
    ("Ymddiriedolaeth GIG Gwasanaethau Ambiwlans Cymru", "welsh_nhs_trust"),
    ("Ymddiriedolaeth GIG Prifysgol Gwasanaethau Ambiwlans Cymru (WAST)", "welsh_nhs_trust"),
    ("Ymddiriedolaeth GIG Shawbury", ""),
])
def test_a_kind_is_read_from_the_end_of_the_name_and_the_welsh_names(name: str,
                                                                     kind: str) -> None:
    assert nhs_kind("nhs_body", name) == kind


@pytest.mark.parametrize(("name", "kind"), [
    # a bilingual name, read by halves (a slash or a spaced dash between them): the halves
    # must show the same kind, and halves of different kinds or countries stay open
    ("Hywel Dda University Health Board / Bwrdd Iechyd Prifysgol Hywel Dda",
     "local_health_board"),
    ("Velindre University NHS Trust / Ymddiriedolaeth GIG Prifysgol Felindre",
     "welsh_nhs_trust"),
    ("Velindre University NHS Trust \u2013 Ymddiriedolaeth GIG Prifysgol Felindre",
     "welsh_nhs_trust"),
    ("Hywel Dda University Health Board - Bwrdd Iechyd Prifysgol Hywel Dda",
     "local_health_board"),
    ("NHS Frimley ICB / Bwrdd Iechyd Prifysgol Hywel Dda", ""),
    ("Velindre University NHS Trust / Bwrdd Iechyd Prifysgol Hywel Dda", ""),
    ("Shawbury Community Health NHS Trust / Ymddiriedolaeth GIG Shawbury", ""),
    # a trailing full stop
    ("NHS Frimley ICB.", "integrated_care_board"),
    ("Aneurin Bevan University Health Board (ABUHB).", "local_health_board"),
    # a clause saying for whom the body acts is left out, "acting" with it
    ("NHS Frimley ICB, acting on behalf of NHS England", "integrated_care_board"),
    ("Shawbury Community Health NHS Trust, acting on behalf of NHS Frimley ICB", ""),
    # NHS England with its abbreviation in brackets
    ("NHS England (NHSE)", "nhs_england"),
    # still no ICB: a trust hosted by one, or named with one
    ("Shawbury Community Health NHS Trust, hosted by NHS Frimley ICB.", ""),
    ("ICB Shared Services NHS Trust", ""),
    ("ICB Shared Services NHS Trust.", ""),
])
def test_bilingual_names_a_full_stop_acting_for_and_nhs_englands_abbreviation(
        name: str, kind: str) -> None:
    assert nhs_kind("nhs_body", name) == kind
