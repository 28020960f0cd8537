"""Check your answers lists each section still to answer while the documents cannot be
made: with seven sections "Not started" it showed no error summary at all, yet Preview and
Download then refused ("Management: Enter this answer"). Its error summary now says the
documents cannot be made yet and links to each section docgen still needs, in plain words."""

from __future__ import annotations

from pathlib import Path

from .helpers import Browser, said_plainly


def _new_post(tmp_path: Path) -> Browser:
    """A new post in a folder with no organisation profiles, only its start page answered."""
    web = Browser(tmp_path)
    begin = web.press(web.go("/"), "#new-post")
    page = web.press(begin, reference="SUMM-02", postholder_known="no")
    web.base = page.path.rsplit("/", 1)[0]
    return web


def test_each_section_still_to_answer_is_listed_and_linked(tmp_path: Path) -> None:
    web = _new_post(tmp_path)
    check = web.go(f"{web.base}/check")
    assert check.status == 200, check.status
    title = check.text("//h2[contains(@class, 'govuk-error-summary__title')]")
    assert title == "There is a problem: the documents cannot be made yet", title
    errors = check.errors()
    for slug, section in (("partners", "Partners"), ("post", "The post"),
                          ("management", "Management"), ("job", "Job")):
        assert [f"{section}: Answer the questions in this section",
                f"{web.base}/{slug}"] in errors, (section, errors)
    said_plainly(check)
    assert web.client.get(f"{web.base}/download").status_code == 422  # as before


def test_a_section_answered_is_not_listed_as_still_to_answer(tmp_path: Path) -> None:
    web = _new_post(tmp_path)
    page = web.go(f"{web.base}/post")
    web.press(page, fields={"post.title": "Head of Audit"})
    said = [text for text, _ in web.go(f"{web.base}/check").errors()]
    assert "The post: Answer the questions in this section" not in said, said
    assert any(text.startswith("The post: ") for text in said), said  # its own errors


def test_a_post_without_problems_lists_none(folder: Path) -> None:
    web = Browser.opened(folder, "shared-head-of-hr.yaml")
    check = web.go(f"{web.base}/check")
    assert not any("Answer the questions" in text for text, _ in check.errors())


def test_the_documents_asked_for_too_soon_name_the_sections_the_same_way(
        tmp_path: Path) -> None:
    """Download refused with "Management: Enter this answer" for a section not answered."""
    web = _new_post(tmp_path)
    refused = web.go(f"{web.base}/download")
    assert refused.status == 422, refused.status
    said = refused.text()
    assert "Management: Answer the questions in this section" in said, said
    assert "Enter this answer" not in said, said
