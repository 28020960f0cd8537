"""The questions' and choices' words are data (docgen/web/question_words.yaml), not Python:
read and checked whole when the web loads, so an editor's slip is an error naming the file
and the key, never a page with a hole in it. The words themselves are the editor's: only
which questions and choices there are, and their order, are held here (``messages._pair``
takes the first key ending ``.name``). When they moved out of Python (8cf2061) every word
was compared once with the old literals, and 85 pages rendered byte for byte the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.answers.kinds import KINDS  # noqa: E402
from docgen.errors import DocgenError  # noqa: E402
from docgen.web import wording  # noqa: E402


def test_every_question_and_choice_is_given_in_its_order() -> None:
    assert tuple(wording.WORDS) == wording.QUESTIONS  # every question, in this order
    assert all(wording.WORDS[key].label for key in wording.QUESTIONS)
    documents = {k.kind for k in KINDS}
    assert [k for k in wording.CHOICES if k not in documents] == list(wording.CHOICE_KEYS)
    assert documents <= set(wording.CHOICES)  # the documents' names, from the one table


def test_the_words_come_from_the_file_beside_the_module() -> None:
    assert Path(wording.__file__).with_name("question_words.yaml") == wording.WORDS_FILE
    assert wording.read_words(wording.WORDS_FILE) == (wording.WORDS, wording.CHOICES)


def _edited(tmp_path: Path, before: str, after: str) -> Path:
    text = wording.WORDS_FILE.read_text(encoding="utf-8")
    assert text.count(before) == 1, before
    edited = tmp_path / "question_words.yaml"
    edited.write_text(text.replace(before, after), encoding="utf-8")
    return edited


def _refused(path: Path, message: str) -> None:
    with pytest.raises(DocgenError, match=re.escape(f"{path}: {message}")):
        wording.read_words(path)


def test_an_editors_change_of_words_is_read(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "  post.title:\n    label: Job title\n",
                     "  post.title:\n    label: Title of the job\n")
    questions, _ = wording.read_words(edited)
    assert questions["post.title"].label == "Title of the job"
    edited = _edited(tmp_path, "  draft: Draft\n", "  draft: Not final yet\n")
    assert wording.read_words(edited)[1]["draft"] == "Not final yet"


def test_a_hint_left_out_or_emptied_is_no_hint(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "    hint: Across all the partners\n", "    hint:\n")
    assert wording.read_words(edited)[0]["post.hours_per_week"].hint == ""
    edited = _edited(tmp_path, "    hint: Across all the partners\n", "")
    assert wording.read_words(edited)[0]["post.hours_per_week"].hint == ""


def test_a_question_left_out_is_named(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "  post.title:\n    label: Job title\n"
                     "    missing: Enter the job title\n", "")
    _refused(edited, "questions.post.title.label must be words, e.g. `label: Job title`; "
                     "it is None")


def test_a_misspelt_question_is_named_with_the_key_meant(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "  post.title:\n", "  post.titel:\n")
    _refused(edited, "questions.post.titel is not a key docgen knows; did you mean "
                     "questions.post.title?")


def test_a_misspelt_field_is_named(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "    hint: Across all the partners\n",
                     "    hnit: Across all the partners\n")
    _refused(edited, "questions.post.hours_per_week.hnit is not a key docgen knows; did "
                     "you mean questions.post.hours_per_week.hint?")


def test_a_label_left_empty_is_refused(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "  post.title:\n    label: Job title\n",
                     "  post.title:\n    label: ''\n")
    _refused(edited, "questions.post.title.label must be words, e.g. `label: Job title`; "
                     "it is ''")


def test_words_yaml_reads_as_a_number_say_to_quote_them(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "    example: '37'\n", "    example: 37\n")
    _refused(edited, "questions.post.hours_per_week.example must be words, e.g. "
                     "`example: '37'`; it is 37 (YAML reads those words as a true/false or "
                     "a number: put them in quotes)")
    edited = _edited(tmp_path, "  '1': '1'\n", "  1: '1'\n")
    _refused(edited, "choices.1 must be in quotes ('1'): YAML reads it as a number")


def test_a_question_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "  post.grade:\n    label: Pay grade\n",
                     "  post.grade: Pay grade\n")
    _refused(edited, "questions.post.grade must give its words under label:, hint:, "
                     "missing:, example:, help:; it reads 'Pay grade'")


def test_a_choice_left_out_or_misspelt_is_named(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "  exempt: Exempt\n", "")
    _refused(edited, "choices.exempt must be words, e.g. `exempt: Exempt`; it is None")
    edited = _edited(tmp_path, "  exempt: Exempt\n", "  exmept: Exempt\n")
    _refused(edited, "choices.exmept is not a key docgen knows; did you mean choices.exempt?")
    edited = _edited(tmp_path, "  exempt: Exempt\n", "  exempt:\n    words: Exempt\n")
    _refused(edited, "choices.exempt must be words, e.g. `exempt: Exempt`; it is "
                     "{'words': 'Exempt'}")


def test_a_file_that_is_not_the_two_sections_is_refused(tmp_path: Path) -> None:
    edited = _edited(tmp_path, "choices:\n", "choises:\n")
    _refused(edited, "choises is not a key docgen knows; did you mean choices?")
    edited.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(DocgenError, match=re.escape(f"{edited} must give `questions:` and "
                                                    "`choices:`; it reads ['just a list']")):
        wording.read_words(edited)
    edited.write_text("questions: [post.title]\nchoices: {}\n", encoding="utf-8")
    _refused(edited, "questions must give each key its words; it reads ['post.title']")
    edited.write_text("questions: {\n", encoding="utf-8")
    with pytest.raises(DocgenError, match=re.escape(f"{edited} cannot be read as YAML")):
        wording.read_words(edited)


def test_a_missing_or_oversized_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocgenError, match=r"question_words\.yaml is missing; reinstall"):
        wording.read_words(tmp_path / "question_words.yaml")
    big = tmp_path / "question_words.yaml"
    big.write_text("#" * (wording.MAX_BYTES + 1), encoding="utf-8")
    with pytest.raises(DocgenError, match=re.escape(
            f"{big} is {wording.MAX_BYTES + 1} bytes; the questions' words are at most")):
        wording.read_words(big)
