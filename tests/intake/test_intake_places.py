"""`docgen check posts.xlsx` and `docgen build posts.xlsx` name one place for each problem:
a key missing from the row and its base file at the row (never the base file's line 1),
a key written in the base file at that file's line; and a base file's own `extends`
problems at the base file's line, with advice a workbook user can follow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from intake_programme import write_programme
from openpyxl import load_workbook
from yaml_text import load_yaml

from .test_intake_cells import run, set_posts


def _programme(tmp_path: Path, drop: tuple[str, ...] = (), **base: object) -> Path:
    """Two rows whose Base file is ``_common.yaml`` (the standing facts, written by a
    program), with the keys ``drop`` (dotted) left out of it and ``base`` laid over it."""
    book = write_programme(tmp_path, 2)
    data = load_yaml((tmp_path / "_partners.yaml").read_text(encoding="utf-8"))
    (tmp_path / "_partners.yaml").unlink()
    for dotted in drop:
        *parents, last = dotted.split(".")
        node = data
        for part in parents:
            node = node[part]
        node.pop(last)
    for dotted, value in base.items():
        *parents, last = dotted.split("__")
        node = data
        for part in parents:
            node = node[part]
        node[last] = value
    (tmp_path / "_common.yaml").write_text(yaml.safe_dump(data, sort_keys=False),
                                           encoding="utf-8")
    for row in (2, 3):
        set_posts(book, row, "Base file", "_common.yaml")
    return book


def _both(book: Path, tmp_path: Path) -> tuple[str, str]:
    """What check and build print (both fail)."""
    code, checked = run("check", str(book))
    assert code == 1, checked
    code, built = run("build", str(book), "--out", str(tmp_path / "out"), "-q")
    assert code == 1, built
    return " ".join(checked.split()), " ".join(built.split())


def test_a_key_missing_from_row_and_base_is_at_the_row_in_check_and_build(tmp_path):
    book = _programme(tmp_path, drop=("management",))
    checked, built = _both(book, tmp_path)
    for text in (checked, built):
        assert "_common.yaml:1" not in text, text
        assert ("posts.xlsx!Posts!A2 (reference, post EWK-0001): this post gives no "
                "Management (Who manages the post-holder, and for what); give it in the "
                "'Other answers' sheet (a row with Reference EWK-0001, Answer "
                "management.appraisal, Value joint), or add it to its Base file, "
                "_common.yaml") in text
        assert "posts.xlsx!Posts!A3 (reference, post EWK-0002)" in text, text


def test_a_missing_key_with_a_posts_column_is_at_that_column_of_the_row(tmp_path):
    book = _programme(tmp_path, drop=("post.title",))
    wb = load_workbook(book)
    wb["Posts"]["B2"].value = None  # the Job title of EWK-0001 left empty
    wb.save(book)
    checked, built = _both(book, tmp_path)
    for text in (checked, built):
        assert ("posts.xlsx!Posts!B2 (job title, post EWK-0001): the Job title cell of row 2 "
                "is empty; give the Job title (The post's title in all three documents), e.g. "
                "Shared Head of Human Resources") in text, text
        assert "_common.yaml:1" not in text and "(post.title" not in text, text


def test_a_value_written_in_the_base_file_is_at_its_line_in_check_and_build(tmp_path):
    book = _programme(tmp_path, exit__notice_months=-2)
    lines = (tmp_path / "_common.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "notice_months: -2" in text)
    checked, built = _both(book, tmp_path)
    for text in (checked, built):
        assert f"_common.yaml:{line}: exit.notice_months:" in text, text
        assert "(exit.notice_months, post" not in text, text


@pytest.mark.parametrize("extends, said", [
    ("../outside.yaml", "extends '../outside.yaml' leads outside the project folder"),
    ("/etc/passwd", "extends must be a path relative to this file, not an absolute path"),
    ("missing.yaml", "the base file 'missing.yaml' does not exist"),
])
def test_a_base_file_s_own_extends_is_at_its_line_with_workbook_advice(tmp_path, extends,
                                                                       said):
    (tmp_path / "outside.yaml").write_text("docgen: 1\n", encoding="utf-8")
    folder = tmp_path / "proj"
    folder.mkdir()
    book = _programme(folder)
    base = folder / "_common.yaml"
    base.write_text(f"extends: {extends}\n" + base.read_text(encoding="utf-8"),
                    encoding="utf-8")
    name = "outside.yaml" if "outside" in extends else \
        "missing.yaml" if "missing" in extends else "_partners.yaml"
    checked, built = _both(book, tmp_path)
    for text in (checked, built):
        assert f"_common.yaml:1: extends: {said}" in text, text
        assert (f"a base file used by posts.xlsx may extend only a .yaml file in the workbook's "
                f"folder ({folder.resolve()}): put the file there and write just its name in "
                f"_common.yaml, e.g. extends: {name}, or remove the extends line") in text, text
        assert "name its folder on the command line" not in text, text
        assert "Posts!G2" not in text, text  # the Base file cell names a file that is there


def _places(text: str) -> dict[str, set[tuple[str, str]]]:
    return {r["reference"]: {(p["cell"], p["message"]) for p in r["problems"]}
            for r in json.loads(text) if "problems" in r}


def test_check_json_and_build_json_give_each_row_its_reference_and_the_same_places(
        tmp_path):
    book = _programme(tmp_path, drop=("management",), exit__notice_months=-2)
    code, checked = run("check", str(book), "--json")
    assert code == 1, checked
    code, built = run("build", str(book), "--out", str(tmp_path / "out"), "--json")
    assert code == 1, built
    assert set(_places(built)) == {"EWK-0001", "EWK-0002"}, built
    assert _places(built) == _places(checked)


def test_a_base_file_s_house_style_outside_the_folder_gets_workbook_advice(tmp_path):
    (tmp_path / "style.docx").write_bytes(b"")
    folder = tmp_path / "proj"
    folder.mkdir()
    book = _programme(folder)
    base = folder / "_common.yaml"
    data = load_yaml(base.read_text(encoding="utf-8"))
    data["parties"][0]["house_style"] = "../style.docx"
    base.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    checked, built = _both(book, tmp_path)
    for text in (checked, built):
        assert ("parties[0].house_style: a house style file '../style.docx' leads outside the "
                f"project folder {folder.resolve()}") in text, text
        assert (f"a base file used by posts.xlsx may name only files in the workbook's folder "
                f"({folder.resolve()}): put the file there and write just its name in "
                "_common.yaml, e.g. house_style: style.docx, or remove the house_style line") \
            in text, text
        assert "name its folder on the command line" not in text, text
