"""A post in the folder that docgen cannot check through (an answer refused) is listed on
the start page by its reference and title, as any other post is: it was listed as
"finance-post — finance-post.yaml Has problems", its file name twice and no title, as the
title was read only from a post without problems."""

from __future__ import annotations

from pathlib import Path

from .helpers import Browser


def _row(folder: Path, name: str) -> str:
    page = Browser(folder).go("/")
    [row] = [r for r in page.find("//dl[contains(@class, 'docgen-posts')]/div")
             if name in r.text_content()]
    return " ".join(row.text_content().split())


def test_a_post_refused_is_listed_by_its_reference_and_title(folder: Path) -> None:
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    (folder / "shared-head-of-hr.yaml").unlink()
    (folder / "hr-post.yaml").write_text(
        text.replace("hours_per_week: 37", "hours_per_week: lots"), encoding="utf-8")
    row = _row(folder, "hr-post.yaml")
    assert row.startswith("EWK-WSM-HR-01 Shared Head of Human Resources"), row
    assert "hr-post.yaml" in row and "hr-post —" not in row, row
    assert "Has problems" in row, row


def test_a_post_with_only_the_rules_errors_keeps_its_title(folder: Path) -> None:
    """Read through, but refused by a rule between answers (a time fee not given whole)."""
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    (folder / "shared-head-of-hr.yaml").write_text(
        text.replace("  mechanism: salary_share", "  mechanism: time_fee"), encoding="utf-8")
    row = _row(folder, "shared-head-of-hr.yaml")
    assert row.startswith("EWK-WSM-HR-01 Shared Head of Human Resources"), row
    assert "Has problems" in row, row


def test_a_file_that_is_not_yaml_is_still_listed_by_its_name(folder: Path) -> None:
    (folder / "broken.yaml").write_text("docgen: 1\nreference: [unclosed\n", encoding="utf-8")
    row = _row(folder, "broken.yaml")
    assert "Has problems" in row, row
