"""The lock file Microsoft Office (``~$post.yaml``, ``~$a.docx``) or LibreOffice
(``.~lock.post.yaml#``) keeps beside a file it has open, named in that file's place, is
said to be that program's lock file for it, by every door: ``check``, ``build``, the
library's ``docgen.check``, ``compare`` and ``verify --answers``. Before, ``~$post.yaml`` was
read as YAML ("a control character"), ``compare`` said "compare two answer files (.yaml or
.yml) or two Word documents" of either lock, and ``verify --answers`` told LibreOffice's to
rename itself. One rule: docgen/answers/lock_names.py (the names), read by
docgen/intake/lockfiles.py (what is said of one named) and a folder's scan."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from lock_bytes import LIBREOFFICE, OFFICE

import docgen
from docgen.api import compare
from docgen.cli import cli
from docgen.errors import DocgenError

OFFICE_SAYS = ("this is Microsoft Office's lock file for post.yaml, there while post.yaml is "
               "open in Microsoft Office (by Jo Bloggs), not an answer file; name the answer "
               "file itself, ")


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An answer file open in Word (its lock file beside it) and in LibreOffice."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES[0], tmp_path / "post.yaml")
    (tmp_path / "~$post.yaml").write_bytes(OFFICE)
    (tmp_path / ".~lock.post.yaml#").write_bytes(LIBREOFFICE)
    return tmp_path


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "out"]])
def test_offices_lock_file_of_an_answer_file_is_said_to_be_one(
        here: Path, command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "~$post.yaml"])
    said = " ".join(result.output.split())
    example = f"e.g. docgen {command[0]} post.yaml"  # the command run (build said check)
    assert result.exit_code == 1 and OFFICE_SAYS + example in said, said
    assert "control character" not in said and not (here / "out").exists()


def test_the_library_says_so_too(here: Path) -> None:
    [error] = docgen.check("~$post.yaml").to_dict()["errors"]
    assert error["message"] == OFFICE_SAYS + "e.g. docgen check post.yaml"
    with pytest.raises(docgen.AnswerFileError, match="Microsoft Office's lock file"):
        docgen.load("~$post.yaml")


@pytest.mark.parametrize("lock", ["~$post.yaml", ".~lock.post.yaml#"])
def test_compare_says_which_file_a_lock_file_keeps(here: Path, lock: str) -> None:
    """The library refuses before the redline engine is asked for; the command says the
    same (exit 1), whichever side the lock file is named on."""
    program = "LibreOffice" if lock.startswith(".~lock") else "Microsoft Office"
    words = (f"{lock}: this is {program}'s lock file for post.yaml, there while post.yaml "
             f"is open in {program} (by Jo Bloggs), not an answer file; name the answer file "
             "itself, post.yaml (docgen reads it as last saved: save it first)")
    with pytest.raises(DocgenError) as raised:
        compare("post.yaml", lock, here / "cmp")
    assert str(raised.value) == words
    if importlib.util.find_spec("python_redlines") is None:
        pytest.skip("docgen compare needs the redline extra")
    for sides in ([lock, "post.yaml"], ["post.yaml", lock]):
        result = CliRunner().invoke(cli, ["compare", *sides, "--out", "cmp"])
        said = " ".join(result.output.split())
        assert result.exit_code == 1 and words in said, said
        assert "compare two answer files" not in said and not (here / "cmp").exists()


def test_compare_says_words_lock_file_is_words(here: Path) -> None:
    """Word's ``~$`` lock file of a document, and of a longer name, whose first two letters
    Word drops (``~$ared-post.docx`` beside ``shared-post.docx``)."""
    for name, lock in (("a.docx", "~$a.docx"), ("shared-post.docx", "~$ared-post.docx")):
        (here / name).write_bytes(b"PK")
        (here / lock).write_bytes(OFFICE)
        with pytest.raises(DocgenError) as raised:
            compare(lock, "b.docx", here / "cmp")
        assert str(raised.value) == (
            f"{lock}: this is Word's lock file for {name}, there while {name} is open in Word "
            f"(by Jo Bloggs), not a Word document; name the Word document itself, {name} "
            "(docgen reads it as last saved: save it first)")


@pytest.mark.parametrize("lock", ["~$post.yaml", ".~lock.post.yaml#"])
def test_verify_answers_says_a_lock_file_is_one(here: Path, lock: str) -> None:
    """``verify``'s folder named as a lock file is click's "is a file" (clear: it takes a
    folder); ``--answers`` naming one said it was an answer file to rename, or read it."""
    folder = here / "out" / "EWK-WSM-HR-01"
    folder.mkdir(parents=True)
    result = CliRunner().invoke(cli, ["verify", str(folder), "--answers", lock])
    said = " ".join(result.output.split())
    assert result.exit_code == 1, said
    assert f"{lock}: this is" in said and "not an answer file; name the answer file itself, " \
        f"e.g. docgen verify {folder} --answers post.yaml" in said
    assert "rename it" not in said and "control character" not in said
