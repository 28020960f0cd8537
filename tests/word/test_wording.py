"""The schedule tables' words are data (docgen/data/templates/schedules.yaml, or a templates
folder's own copy): edited, they reach every document, which still verifies; a file with a
key missing, a name in braces wrong or a format of its own is refused, naming the file and
the key; an edit rebuilds the posts it changes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES

import docgen
from docgen.errors import DocgenError
from docgen.ooxml.readback import read_document
from docgen.publish.incremental import inputs_hash
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.wording import KEYS, WORDING_FILE, wording

HR = next(p for p in EXAMPLES if p.name == "shared-head-of-hr.yaml")


def document_text(path: Path) -> str:
    """The document's text as verification reads it back."""
    return read_document(path.name, path.read_bytes()).text


def _templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    shutil.copytree(BUILTIN_TEMPLATES, folder)
    return folder


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / WORDING_FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_docgens_wording_has_every_key_and_the_documents_print_it(tmp_path: Path) -> None:
    words = wording(BUILTIN_TEMPLATES)
    assert set(words) == set(KEYS)
    report = docgen.build([HR], out=tmp_path / "out")
    assert report.ok
    agreement = document_text(next(o for o in report.posts[0].outputs
                                   if o.name.endswith("-agreement.docx")))
    for key in ("costs.total", "post.politically_restricted", "headings.contents"):
        assert words[key] in agreement


def test_edited_words_reach_the_documents_which_still_verify(tmp_path: Path) -> None:
    folder = _templates(tmp_path)
    _edit(folder, "total: Cost Base (total a year)", "total: Total yearly cost to the partners")
    _edit(folder, "shared: All parties (shared)", "shared: Every partner together")
    _edit(folder, '"{hours} hours a week over {days} days"',
          '"{hours} hours each week, on {days} days"')
    report = docgen.build([HR], out=tmp_path / "out", template_dir=folder)
    assert report.ok, [p.message for p in report.posts]
    texts = {o.name: document_text(o) for o in report.posts[0].outputs}
    agreement = next(t for n, t in texts.items() if n.endswith("-agreement.docx"))
    assert "Total yearly cost to the partners" in agreement
    assert "Cost Base (total a year)" not in agreement
    assert "hours each week, on" in agreement  # (a clause says "hours a week" too)
    assert any("Every partner together" in t for t in texts.values())


@pytest.mark.parametrize(("old", "new", "said"), [
    ("  salary: Salary\n", "", "costs.salary must be words"),
    ('"{hours} hours a week over {days} days"', '"{hours} hours a week"',
     "post.hours_value must use {days}, {hours}"),
    ('"{role} of {party}"', '"{role} of {party.__class__}"', "post.statutory_role_value"),
    ('"{hours} hours a week over {days} days"', '"{hours:>99999999} hours over {days} days"',
     "post.hours_value must use"),
    ("  grade: Grade\n", "  grade: Grade {\n", "post.grade"),
])
def test_a_wrong_wording_file_is_refused_naming_the_file_and_key(
        tmp_path: Path, old: str, new: str, said: str) -> None:
    folder = _templates(tmp_path)
    _edit(folder, old, new)
    with pytest.raises(DocgenError) as caught:
        wording(folder)
    assert str(folder / WORDING_FILE) in str(caught.value) and said in str(caught.value)
    report = docgen.build([HR], out=tmp_path / "out", template_dir=folder)
    assert not report.ok and said in report.posts[0].message
    assert not (tmp_path / "out" / "EWK-WSM-HR-01").exists()  # nothing written


def test_an_edit_to_the_wording_rebuilds_the_post(tmp_path: Path) -> None:
    folder, out = _templates(tmp_path), tmp_path / "out"
    assert docgen.build([HR], out=out, template_dir=folder).posts[0].status == "built"
    assert docgen.build([HR], out=out, template_dir=folder).posts[0].status == "skipped"
    _edit(folder, "salary: Salary", "salary: Basic salary")
    again = docgen.build([HR], out=out, template_dir=folder)
    assert again.posts[0].status == "built"
    agreement = next(o for o in again.posts[0].outputs if o.name.endswith("-agreement.docx"))
    assert "Basic salary" in document_text(agreement)


def test_the_inputs_hash_reads_the_clauses_and_templates_once_per_signature(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hashing what every post shares (docgen's version, the clause library, the templates
    and their wording) is done once while their files are unchanged, not once a post; a
    wording file added to a templates folder later is still seen."""
    folder = _templates(tmp_path)
    (folder / WORDING_FILE).unlink()
    reads: list[Path] = []
    read_bytes = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    first = inputs_hash([HR], [], folder)
    shared = len(reads)
    assert shared > 3  # the clause files and the templates, read for the first post
    assert inputs_hash([HR], [], folder) == first and len(reads) == shared  # none again
    shutil.copy(BUILTIN_TEMPLATES / WORDING_FILE, folder / WORDING_FILE)
    _edit(folder, "salary: Salary", "salary: Basic salary")
    assert inputs_hash([HR], [], folder) != first  # its own words now: another input


@pytest.mark.parametrize(("old", "new", "example"), [
    ('  restricted_yes: "Yes"\n', "  restricted_yes: Yes\n", "restricted_yes: 'Yes'"),
    ('  hours_value: "{hours} hours a week over {days} days"\n', "  hours_value:\n",
     "hours_value: '{hours} hours a week over {days} days'"),
])
def test_the_example_in_the_error_pasted_as_printed_is_read_as_those_words(
        tmp_path: Path, old: str, new: str, example: str) -> None:
    """``restricted_yes: Yes`` is read as true: the message says to quote it, and its example
    (quoted as YAML writes it, as is one starting with a brace) reads back as words."""
    folder = _templates(tmp_path)
    _edit(folder, old, new)
    with pytest.raises(DocgenError) as caught:
        wording(folder)
    message = str(caught.value)
    assert f"e.g. `{example}`; it is " in message
    assert ("put them in quotes" in message) == new.endswith("Yes\n")
    pasted = re.search(r"e\.g\. `(.*?)`; it is ", message)
    assert pasted is not None
    _edit(folder, new, f"  {pasted.group(1)}\n")
    key = example.split(":", 1)[0]
    assert wording(folder)[f"post.{key}"] == old.split(": ", 1)[1].strip().strip('"')
