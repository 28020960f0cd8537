"""A workbook whose Organisations sheet was renamed or deleted (audit: intake, finding 6).

Every post naming an organisation failed with "there is no organisation 'north'; add a row
for it to the Organisations sheet", as though one row were missing, never saying the
sheet itself was not there. The workbook now gets one error naming the missing sheet and
the sheets it has; each post's error says the same cause.
"""

from __future__ import annotations

from pathlib import Path

from intake_programme import name_organisations, run, write_programme


def test_a_renamed_organisations_sheet_is_named_once_for_the_workbook(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    name_organisations(book, sheet="Partner bodies")
    for args in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out"))):
        code, text = run(*args)
        assert code == 1, text
        assert ("posts.xlsx: there is no sheet named 'Organisations', but the posts name "
                "organisations by id that it would list: eastwick (Posts!H2), westmere "
                "(Posts!H2). The sheets are 'Posts', 'Responsibilities', 'Partner bodies': "
                "rename the sheet that lists the organisations to 'Organisations'") in text, text
        assert text.count("there is no sheet named 'Organisations'") == 1
        assert ("posts.xlsx!Posts!H3 (partners, post EWK-0002): there is no organisation "
                "'eastwick' or 'westmere': the workbook has no Organisations sheet") in text
        assert "add a row for it" not in text


def test_posts_that_name_no_organisation_need_no_organisations_sheet(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)  # the partners come from the base file
    code, text = run("check", str(book))
    assert code == 0, text
    assert "Organisations" not in text
