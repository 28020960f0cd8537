"""A post built before whose rebuild fails keeps the documents of its last successful build
(publishing is all or nothing): the register gives their figures on its row, in the
Parties table and in the Partners totals, marked failed with why; a post that failed with
no earlier documents has no Parties rows and is not in the totals, and the notes say so."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES_DIR
from register_sheets import HR, OTHER, notes, parties_csv, partner_totals, two_posts_built

from docgen import build, read_register

REFERENCE = "EWK-WSM-HR-01"
STANDS = ("; the documents of its last successful build stand, and the details on this "
          "line are theirs")








def test_a_rebuild_that_fails_keeps_the_figures_of_the_documents_that_stand(
        tmp_path: Path) -> None:
    inputs, out, before = two_posts_built(tmp_path)
    parties, partners = parties_csv(out), partner_totals(out)
    assert notes(out, "Parties") == []

    # the HR answer file can no longer be read: the build fails, its documents stand
    text = (inputs / HR).read_text(encoding="utf-8")
    (inputs / HR).write_text(text + "post: [\n", encoding="utf-8")
    assert not build([inputs], out).ok
    assert (out / REFERENCE / f"{REFERENCE}-agreement.docx").is_file()
    rows = {r["reference"]: r for r in read_register(out / "register.csv")}
    assert rows == {r["reference"]: r for r in read_register(out / "register.xlsx")}
    hr = rows[REFERENCE]
    assert hr["build"] == "failed" and hr["why"].endswith(STANDS)
    for key in ("title", "cost_base", "split", "start_date", "parties", "status"):
        assert hr[key] == before[REFERENCE][key], key  # the figures of the documents
    assert parties_csv(out) == parties
    assert partner_totals(out) == partners  # counted as the documents that stand have it
    assert notes(out, "Parties") == [
        f"The latest answers of 1 post failed ({REFERENCE}): its rows give the figures of "
        "its last successful build, whose documents still stand."]
    assert notes(out, "Partners")[0].startswith(
        "Totals of the 2 posts whose documents stand: 1 whose last build succeeded, and 1 "
        f"whose latest answers failed ({REFERENCE}), counted with the figures of its last "
        "successful build")

    # fixed: built again, and nothing more is said
    (inputs / HR).write_text(text, encoding="utf-8")
    assert build([inputs], out).ok
    assert read_register(out / "register.csv") == list(before.values())
    assert notes(out, "Parties") == []


def test_a_post_with_no_documents_that_stand_is_neither_listed_nor_counted(
        tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    (inputs / OTHER).write_bytes((EXAMPLES_DIR / OTHER).read_bytes())
    text = (EXAMPLES_DIR / HR).read_text(encoding="utf-8")
    assert "  salary: 92000\n" in text
    (inputs / HR).write_text(text.replace("  salary: 92000\n", "  salary: -5\n"),
                             encoding="utf-8")
    assert not build([inputs], out).ok
    rows = {r["reference"]: r for r in read_register(out / "register.xlsx")}
    assert rows[REFERENCE]["build"] == "failed"
    assert not rows[REFERENCE]["why"].endswith(STANDS)
    assert rows[REFERENCE]["parties"] == []  # its figures are in no document
    assert REFERENCE not in {r[0] for r in parties_csv(out)}
    assert all(REFERENCE not in refs for _, _, refs in partner_totals(out).values())
    assert notes(out, "Parties") == [
        "Not listed: 1 post whose build failed and which has no documents from an earlier "
        f"build ({REFERENCE}); the Register sheet's Why it failed says why. Build it again "
        "once fixed and it is listed."]
