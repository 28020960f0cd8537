"""An answer's name on the Other answers sheet is read case-blind, as headings and ids are:
``Time_Split.Flexibility`` is time_split.flexibility; a misspelt name is told the whole
name it likely means, not one part at a time."""

from __future__ import annotations

from intake_programme import run

from .examples_book import examples, typed


def test_names_typed_with_capitals_are_read(tmp_path):
    """Row 8 gives time_split.flexibility, row 99 acknowledges GP014 for its post."""
    book = examples(tmp_path)
    typed(book, {"Other answers!B8": "Time_Split.Flexibility", "Other answers!B99": "Acknowledge"})
    code, text = run("check", str(book))
    assert code == 0, text
    assert "!B8 " not in text and "!B99 " not in text, text
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    answers = (out / ".docgen-intake" / "programme" / "EWK-WSM-HR-01.yaml").read_text()
    assert "flexibility: The split is measured over each quarter" in answers, answers
    assert "Flexibility" not in answers


def test_a_misspelt_name_is_told_the_whole_name_meant(tmp_path):
    book = examples(tmp_path)
    typed(book, {"Other answers!B8": "Time_Splt.Flexibilty"})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("programme.xlsx!'Other answers'!B8 (answer, post EWK-WSM-HR-01): no answer is "
            "called Time_Splt.Flexibilty: an answer file has no 'Time_Splt'; did you mean "
            "time_split.flexibility?") in " ".join(text.split()), text
