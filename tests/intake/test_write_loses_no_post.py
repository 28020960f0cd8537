"""``docgen intake write`` writes nothing when an answer file of the folder cannot be read:
a workbook without it would lose its post, and a later check of that workbook would pass."""

from __future__ import annotations

from intake_programme import run

from .examples_book import examples, typed


def test_a_file_that_cannot_be_read_writes_no_workbook(tmp_path):
    """The README's flow: a row with a Base file, read into a subfolder, written back."""
    book = examples(tmp_path)
    folder = book.parent
    (folder / "_base.yaml").write_text("docgen: 1\nparties: [eastwick, westmere]\n")
    typed(book, {"Posts!Z4": "_base.yaml", "Posts!D4": None})
    code, text = run("intake", "read", str(book), "--into", str(folder / "posts"))
    assert code == 0, text
    back = tmp_path / "back.xlsx"
    code, text = run("intake", "write", str(folder / "posts"), str(back))
    text = " ".join(text.split())
    assert code == 1, text
    assert not back.exists(), text
    assert (f"error: {back} was not written: 2 answer files in {folder / 'posts'} could not "
            "be read, and a workbook without them would lose their posts") in text, text
    assert ("EWK-WSM-PROC-01.yaml:12: extends: extends '../_base.yaml' leads outside the "
            "project folder") in text, text
    assert (f"copy the file into {folder / 'posts'} and give its path from there, or write "
            "the workbook from a folder that holds both the posts and that file") in text, text
    assert "command line" not in text and "Traceback" not in text, text
    assert f"then write the workbook again: docgen intake write {folder / 'posts'}" in text
