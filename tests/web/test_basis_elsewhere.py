"""The law changed after the legal basis was chosen (section 113, then Scotland): the
Legal basis page shows the answer chosen and says what docgen says of it, its warning
(GP016: a power of another jurisdiction), as ``docgen check`` does; it does not refuse it.
The page once dropped section 113 from Scotland's choices and said an error of its own
("Your answer was ..."), so the browser refused what the command line and the API only
warn of; the section then stayed *In progress* however the officer answered the warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview, Shown  # noqa: E402

#: the interview's words for docgen's GP016 (tests/web/test_rule_case_words.py)
SAID = ("is a power in England and Wales, not Scotland; choose ‘Section 35 of the Local "
        "Government (Scotland) Act 1966’ or ‘A secondment’")
REFUSED = "Your answer was"


def _text(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def _in_scotland(tmp_path: Path) -> Interview:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Interview(tmp_path)
    web.open("shared-head-of-hr.yaml")
    assert SAID not in _text(web.client.get(f"{web.base}/basis").text)
    web.submit("about", jurisdiction="scotland")
    return web


def test_the_page_shows_the_answer_and_docgens_warning(tmp_path: Path) -> None:
    web = _in_scotland(tmp_path)
    page = Shown(web.client.get(f"{web.base}/basis"))
    assert page.checked("legal_basis") == ["lga_1972_s113"]  # was: none chosen
    said = page.text()
    assert SAID in said and REFUSED not in said
    assert not [t for t, _ in page.errors() if "Legal basis" in t or "power" in t]
    offered = [str(e.get("value")) for e in page.find("//input[@name='legal_basis']")]
    assert offered[:2] == ["lga_1972_s113", "lgs_1966_s35"]
    chosen = web.submit("basis", legal_basis="lgs_1966_s35")
    assert chosen.status_code == 200 and SAID not in _text(chosen.text)
    page = Shown(web.client.get(f"{web.base}/basis"))
    assert page.checked("legal_basis") == ["lgs_1966_s35"]
    # the other law's power, no longer given, is no longer offered
    assert "lga_1972_s113" not in [str(e.get("value"))
                                   for e in page.find("//input[@name='legal_basis']")]
    assert web.task_states()["Legal basis"] == "Completed"


def test_the_warning_is_the_one_docgen_check_gives(tmp_path: Path) -> None:
    """Check your answers lists it with the other warnings, and the answer is kept."""
    web = _in_scotland(tmp_path)
    web.submit("basis", legal_basis="lga_1972_s113")
    assert web.on_disk()["legal_basis"] == "lga_1972_s113"
    check = _text(web.client.get(f"{web.base}/check").text)
    assert SAID in check and REFUSED not in check


def test_kept_on_continue_the_section_is_completed_with_the_warning(tmp_path: Path) -> None:
    """Marked to check again when the law changed; the officer who keeps section 113 (an
    arrangement a lawyer has confirmed) completes the section, as with any warning."""
    web = _in_scotland(tmp_path)
    assert web.task_states()["Legal basis"] == "Check again"
    web.submit("basis", legal_basis="lga_1972_s113")
    assert web.task_states()["Legal basis"] == "Completed"
    assert SAID in _text(web.client.get(f"{web.base}/basis").text)


def _says(web: Interview, page: str) -> list[str]:
    """The sentences saying the law changed, on ``page`` (the basis page or the task list)."""
    text = _text(web.client.get(f"{web.base}/{page}").text)
    return [s for s in text.split("The law of ")[1:] if " now applies" in s]


def test_the_reason_follows_the_law_as_it_is_now(tmp_path: Path) -> None:
    """Scotland, then England and Wales, then Scotland again: section 35 fits again, so
    the section is no longer to check again, and neither page says "The law of England
    and Wales now applies" (it did: the first change's reason was kept for ever, beside
    each later one's). A later change is said once, in the law now chosen."""
    web = _in_scotland(tmp_path)
    web.submit("basis", legal_basis="lgs_1966_s35")
    web.submit("about", jurisdiction="england_and_wales")
    assert web.task_states()["Legal basis"] == "Check again"
    assert len(_says(web, "basis")) == 1
    web.submit("about", jurisdiction="scotland")
    assert web.task_states()["Legal basis"] == "Completed"
    assert _says(web, "basis") == [] and _says(web, "tasks") == []
    web.submit("about", jurisdiction="england_and_wales")
    web.submit("about", jurisdiction="wales")
    for page in ("basis", "tasks"):
        said = _says(web, page)
        assert len(said) == 1 and said[0].startswith("Wales now applies"), said
