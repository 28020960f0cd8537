"""A party's id made from its name, the same for ``docgen new`` and the interview."""

from __future__ import annotations

from docgen.answers.party_ids import party_id


def test_party_ids_from_names() -> None:
    assert party_id("London Borough of Eastwick", []) == "eastwick"
    assert party_id("The Mayor and Burgesses of the London Borough of Eastwick", []) \
        == "eastwick"
    assert party_id("The Lord Mayor and Citizens of the City of Westminster", []) \
        == "westminster"
    assert party_id("NHS Northbridge and Vale Integrated Care Board", []) == "northbridge_vale"
    assert party_id("Eastwick Council", ["eastwick"]) == "eastwick_2"
    assert party_id("2gether NHS Foundation Trust", []) == "gether"
    for city in ("The Mayor and Commonalty and Citizens of the City of London",
                 "Common Council of the City of London", "City of London Corporation",
                 "City of London"):
        assert party_id(city, []) == "city_of_london", city
    assert party_id("City of London", ["city_of_london"]) == "city_of_london_2"
    assert party_id("The Council", []) == "party"  # nothing but generic words


def test_long_names_are_cut_at_a_word() -> None:
    assert party_id("Swansea Bay University Health Board", []) == "swansea_bay_university_health"
    assert party_id("Swansea Bay University Local Health Board", []) \
        == "swansea_bay_university_local"  # was "swansea_bay_university_local_h"
    assert party_id("Cwm Taf Morgannwg University Health Board", []) \
        == "cwm_taf_morgannwg_university"
    assert party_id("Betsi Cadwaladr University Health Board", ["betsi_cadwaladr_university"]) \
        == "betsi_cadwaladr_university_2"
    assert party_id("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysilio Council", []) \
        == "llanfairpwllgwyngyllgogerychwy"  # one word: cut where it must be


def test_accents_are_written_without_them_not_dropped() -> None:
    assert party_id("Cyngor Sir Ynys Môn / Isle of Anglesey County Council", []) \
        == "ynys_mon_isle_anglesey"  # was "cyngor_sir_ynys_m_n_isle"
    assert party_id("Cyngor Bwrdeistref Sirol Pen-y-bont ar Ogwr", []) == "pen_y_bont_ar_ogwr"


def test_a_short_name_given_makes_the_id() -> None:
    assert party_id("Cyngor Sir Ynys Môn / Isle of Anglesey County Council", [],
                    short_name="Ynys Môn") == "ynys_mon"
    assert party_id("Mid Sussex District Council", [], short_name="Mid Sussex") == "mid_sussex"
    assert party_id("Mid Sussex District Council", ["mid_sussex"], short_name="Mid Sussex") \
        == "mid_sussex_2"


def test_an_nhs_body_whose_place_is_another_bodys_id_is_told_apart() -> None:
    assert party_id("NHS Highland", ["highland"]) == "nhs_highland"
    assert party_id("NHS Highland", []) == "highland"
    assert party_id("NHS Highland", ["highland", "nhs_highland"]) == "highland_2"
    assert party_id("The Highland Council", ["highland"]) == "highland_2"
