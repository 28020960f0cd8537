"""A post with one partner (or none) was told pydantic's own words with a dump of what it
found: "List should have at least 2 items, not 1 (found [{id: council, name: ...". It is
now told that a shared post needs two or more partners, with an example in the file's
own ids, at the file, line and key; the code the browser words it by is kept."""

from __future__ import annotations

from pathlib import Path

import docgen
from docgen.errors import TOO_FEW

ROOT = Path(__file__).resolve().parents[2]
DPH = ROOT / "inputs" / "joint-director-public-health.yaml"


def _one_partner(tmp_path: Path) -> Path:
    """The public-health example without the ICB (so with its Council alone)."""
    text = DPH.read_text(encoding="utf-8")
    start = text.index("  - id: icb\n")
    end = text.index("\n\n", start)
    post = tmp_path / "post.yaml"
    post.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    return post


def test_one_partner_is_told_a_shared_post_needs_two(tmp_path: Path) -> None:
    errors = docgen.check(_one_partner(tmp_path)).errors
    [error] = [p for p in errors if p.key == "parties"]
    assert error.message == (
        "a shared post needs two or more partners (found one: council); list each partner, "
        "e.g. parties: [council, eastwick]; a partner is given by its id when it has an "
        "organisation profile, else written out in full"), error.message
    assert (error.file.name, error.line, error.code) == ("post.yaml", 21, TOO_FEW)


def test_no_partner_is_told_so_too(tmp_path: Path) -> None:
    post = tmp_path / "post.yaml"
    post.write_text("docgen: 1\nreference: X-1\nparties: []\n", encoding="utf-8")
    [error] = [p for p in docgen.check(post).errors if p.key == "parties"]
    assert error.message.startswith("a shared post needs two or more partners (found none); "
                                    "list each partner, e.g. parties: [eastwick, westmere]")
    assert error.code == TOO_FEW


def test_another_list_left_empty_says_what_it_needs(tmp_path: Path) -> None:
    """Any list with fewer items than it needs is said in plain words, with its example."""
    text = DPH.read_text(encoding="utf-8")
    start = text.index("  disputes:\n")
    end = text.index("\n\n", start)
    post = tmp_path / "post.yaml"
    post.write_text(text[:start] + "  disputes: []" + text[end:], encoding="utf-8")
    [error] = docgen.check(post).errors
    assert error.key == "governance.disputes" and error.code == TOO_FEW
    assert error.message.startswith("needs at least 1 item (found none); for example "
                                    "disputes: [{level: "), error.message
    assert "List should" not in error.message
