"""An id that is not one of the post's partners (an Employer typed wrong) is told where the
row gives its partners: the Partners cell, the row of Other answers, or the Base file; not
an empty Partners cell."""

from __future__ import annotations

from intake_programme import run

from .examples_book import examples, typed


def _said(tmp_path, cells: dict[str, object], base: str | None = None) -> str:
    book = examples(tmp_path)
    if base is not None:
        (book.parent / "_tri.yaml").write_text(base)
    typed(book, cells)
    code, text = run("check", str(book))
    assert code == 1, text
    return " ".join(text.split())


def test_partners_on_other_answers_are_named_there(tmp_path):
    """Row 3's parties are on Other answers (C45); its Partners cell D3 is empty."""
    text = _said(tmp_path, {"Posts!E3": "eastwik"})
    assert ("programme.xlsx!Posts!E3 (employer, post EWK-WSM-HR-01-HS): 'eastwik' is not a "
            "party id of this post (its parties, given on the Other answers sheet in C45); "
            "did you mean 'eastwick'?") in text, text
    assert "D3" not in text


def test_partners_in_the_partners_cell_are_named_there(tmp_path):
    text = _said(tmp_path, {"Posts!E4": "eastwik"})
    assert ("'eastwik' is not a party id of this post (its Partners cell, D4); did you mean "
            "'eastwick'?") in text, text


def test_partners_in_a_base_file_are_named_there(tmp_path):
    text = _said(tmp_path, {"Posts!D4": None, "Posts!Z4": "_tri.yaml", "Posts!E4": "eastwik"},
                 base="docgen: 1\nparties: [eastwick, westmere]\n")
    assert ("'eastwik' is not a party id of this post (its parties, given by its Base file "
            "_tri.yaml); did you mean 'eastwick'?") in text, text
