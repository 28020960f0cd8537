"""An answer no page asks for (the date, the currency, which documents, an agreement style:
set outside the interview) whose value docgen refuses is listed on About with "Remove
this answer", as an answer docgen does not use is, and said so on check your answers. Its
error linked to the reference on About, where nothing could put it right, and said only
what docgen allows ("Must be ‘GBP’"), not which answer: a dead end. Removed, docgen takes
its usual answer and the documents can be made."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from yaml_text import load_yaml

import docgen
from docgen.web.messages import BY_CODE

from .conftest import EXAMPLES
from .helpers import Browser

SAID = BY_CODE["unasked_answer"]


@pytest.mark.parametrize(("key", "value", "name"), [
    ("currency", "EUR", "Currency"), ("documents", ["agreement", "letter"], "Documents"),
    ("date", "next week", "Agreement date"), ("agreement_style", "nowhere", "Agreement style")],
    ids=["currency", "documents", "date", "style"])
def test_a_refused_answer_no_page_asks_is_removed_on_about(tmp_path: Path, key: str,
                                                           value: Any, name: str) -> None:
    """Named by its name in docgen's reference, never by its key in the file."""
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))
    data[key] = value
    web = Browser.on(tmp_path, "p.yaml", yaml.safe_dump(data, sort_keys=False))
    check = web.go(f"{web.base}/check")
    assert check.errors() == [[SAID, f"{web.base.removeprefix('http://testserver')}"
                               "/about#unknown-answers"]], check.errors()
    about = web.go(check.errors()[0][1], check)
    assert about.errors() == [[SAID, "#remove-unknown-0"]], about.errors()
    assert about.text("//*[@id='unknown-answers']//dt") == f"\u2018{name}\u2019"
    asked = web.press(about, "#remove-unknown-0")
    assert asked.text("//h1") == f"Remove the answer \u2018{name}\u2019?"
    assert f"\u2018{key}\u2019" not in asked.text("//main") or key == "documents"
    done = web.press(asked, "#confirm-remove")
    assert done.path.endswith("/about") and not done.find("//*[@id='unknown-answers']")
    assert web.go(f"{web.base}/check").errors() == []
    response = web.save("p.yaml")
    assert response.status_code == 200 and "saved=p.yaml" in str(response.url)
    saved = load_yaml((tmp_path / "p.yaml").read_text("utf-8"))
    assert key not in saved and docgen.check(saved).ok


def test_an_answer_no_page_asks_that_docgen_accepts_is_left_alone(tmp_path: Path) -> None:
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))
    data["documents"] = ["agreement", "job_spec"]
    web = Browser.on(tmp_path, "p.yaml", yaml.safe_dump(data, sort_keys=False))
    assert web.go(f"{web.base}/check").errors() == []
    assert not web.go(f"{web.base}/about").find("//*[@id='unknown-answers']")
