"""About offered "Remove this answer" for the post's list of its own clause folders when
one entry was refused for where it is (outside the project, an absolute path, a link that
loops: the answers layer's errors carry no code), so an HR officer dropped all the
organisation's own wording, the good folders with the bad. Such an error is now said as
the own wording that cannot be used, for whoever keeps it to put right, with nothing to
remove. Removing a refused list of documents now says what that means: all three
documents are made."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from yaml_text import load_yaml

from docgen.api.interview import join_words
from docgen.web.pages import in_sentence, titles_for

from .conftest import EXAMPLES
from .helpers import PROGRAMMER_WORDS, Browser

OWN_WORDING = ("This post's own wording of clauses cannot be used. Ask whoever gave "
               "this post its own wording of clauses to put it right")


def _answers() -> dict:
    return load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))


@pytest.mark.parametrize("bad", ["/etc", "../outside", "loop"],
                         ids=["absolute", "outside", "link loop"])
def test_a_refused_clause_folder_is_not_offered_for_removal(tmp_path: Path, bad: str) -> None:
    project = tmp_path / "project"
    (project / "ours").mkdir(parents=True)
    os.symlink("loop", project / "loop")
    data = _answers()
    data["clauses"] = ["ours", bad]
    web = Browser.on(project, "p.yaml", yaml.safe_dump(data, sort_keys=False))
    check = web.go(f"{web.base}/check")
    said = check.text("//div[contains(@class, 'govuk-error-summary')]")
    assert OWN_WORDING in said, said
    assert [e for e in check.errors() if "own wording" in e[0]] == []  # no link: no answer
    for word in (*PROGRAMMER_WORDS, bad, "clauses folder", "Remove"):
        assert word not in said, word
    about = web.go(f"{web.base}/about")
    assert not about.find("//*[@id='unknown-answers']")
    assert not about.find("//button[starts-with(@value, 'drop-ask:clauses')]")
    assert web.client.post(f"{web.base}/about", data={
        "csrf_token": web.token, "action": "drop:clauses"}).status_code in (200, 303)
    web.save("p.yaml")
    assert load_yaml((project / "p.yaml").read_text("utf-8"))["clauses"] == ["ours", bad]


def test_removing_a_refused_list_of_documents_says_all_three_are_made(tmp_path: Path) -> None:
    data = _answers()
    data["documents"] = ["agreement", "agreement"]
    web = Browser.on(tmp_path, "p.yaml", yaml.safe_dump(data, sort_keys=False))
    about = web.go(f"{web.base}/about")
    asked = web.press(about, "#remove-unknown-0")
    assert asked.text("//h1") == "Remove the answer \u2018Documents\u2019?"
    titles = join_words([f"the {in_sentence(t)}" for t in titles_for(None).values()])
    assert asked.text("//*[@id='removing-means']") == (
        f"If you remove it, all three documents are made: {titles}.")
    done = web.press(asked, "#confirm-remove")
    assert not done.find("//*[@id='unknown-answers']")
