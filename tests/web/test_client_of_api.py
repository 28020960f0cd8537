"""The interview is a client of docgen.api (issue 24 point 3): it lists the posts of its
folder by the rule ``docgen build`` uses, saves no post under a name Windows keeps for a
device, names documents from the one table of kinds, and an import-linter contract keeps
it from docgen's internals."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.answers.kinds import BY_KIND, KINDS  # noqa: E402
from docgen.api import answer_files  # noqa: E402
from docgen.api.interview import posts_in, save_name_problem  # noqa: E402
from docgen.web.drafts import Draft, list_files  # noqa: E402
from docgen.web.pages import titles_for  # noqa: E402
from docgen.web.wording import choice  # noqa: E402
from docgen.web.yamltext import parse  # noqa: E402

from .helpers import Interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docgen" / "data" / "examples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """``My Post.yaml`` and ``ok.yaml`` (two posts), ``notes.yaml`` (YAML, not a post)."""
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path / "My Post.yaml")
    shutil.copy(EXAMPLES / "joint-director-public-health.yaml", tmp_path / "ok.yaml")
    (tmp_path / "notes.yaml").write_text("title: things to ask the partners\n", "utf-8")
    return tmp_path


def test_the_interview_lists_the_posts_docgen_build_finds(folder: Path) -> None:
    found, _ = answer_files([folder])
    assert [p.name for p in list_files(folder)] == sorted(p.name for p in found) \
        == ["My Post.yaml", "ok.yaml"]
    start = lxml.html.fromstring(Interview(folder).client.get("/").text)
    files = [" ".join(f.text_content().split())
             for f in start.xpath("//span[contains(@class, 'docgen-file')]")]
    assert files == ["My Post.yaml", "ok.yaml"]


def test_a_post_whose_name_has_a_space_opens_and_saves_under_its_name(folder: Path) -> None:
    web = Interview(folder)
    start = lxml.html.fromstring(web.client.get("/").text)
    link = start.xpath("//a[contains(@href, '/open/My')]/@href")[0]
    assert link == "/open/My%20Post.yaml"
    response = web.client.get(link)
    assert response.status_code == 200, response.text
    web.base = str(response.url).rsplit("/", 1)[0]
    saved = web.save("My Post")
    assert saved.status_code == 200 and "Saved as My Post.yaml" in saved.text
    assert sorted(p.name for p in folder.glob("*.yaml")) == ["My Post.yaml", "notes.yaml",
                                                             "ok.yaml"]


@pytest.mark.parametrize("typed", ["nul", "con.yaml", "COM1", "lpt9.draft", "Aux.yml"])
def test_a_device_name_is_refused_in_plain_words(tmp_path: Path, typed: str) -> None:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path)
    web = Interview(tmp_path)
    web.open("shared-head-of-hr.yaml")
    response = web.save(typed)
    assert response.status_code == 422
    page = lxml.html.fromstring(response.text)
    said = " ".join(page.xpath("//p[@id='name-error']")[0].text_content().split())
    assert "a name Windows keeps for a device" in said and "choose another name" in said
    for word in (".yaml", "docgen", "YAML", "answer-file"):
        assert word not in said
    assert sorted(p.name for p in tmp_path.glob("*.y*ml")) == ["shared-head-of-hr.yaml"]


def test_the_documents_are_named_as_the_one_table_names_them() -> None:
    assert {k: choice(k) for k in BY_KIND} == {k.kind: k.label for k in KINDS}
    officer = Draft("x", parse((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8")))
    assert "postholder" in officer.view()
    assert titles_for(officer) == {k.kind: k.label for k in KINDS}
    recruit = Draft("y", parse("docgen: 1\nreference: X-1\n"))
    assert titles_for(recruit)["contract"] == BY_KIND["contract"].recruit_label


def test_an_import_contract_keeps_the_interview_a_client_of_the_api() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))[
        "tool"]["importlinter"]["contracts"]
    web = [c for c in contracts if c.get("source_modules") == ["docgen.web"]
           and c["type"] == "forbidden"]
    assert len(web) == 1 and web[0]["name"].startswith("The interview is a client of docgen.api")
    assert {"docgen.publish", "docgen.pipeline", "docgen.word", "docgen.ooxml", "docgen.facts",
            "docgen.rulebook", "docgen.clauses", "docgen.intake", "docgen.cli",
            "docgen.answers.yamlfile", "docgen.answers.bounded", "docgen.answers.profiles",
            "docgen.answers.validation", "docgen.answers.safeyaml"} <= set(
        web[0]["forbidden_modules"])


@pytest.mark.parametrize(("name", "ok"), [
    ("EWK-01.yaml", True), ("ewk_01.v2.yml", True), ("a" * 80 + ".yaml", True),
    ("a" * 81 + ".yaml", False), ("My Post.yaml", False), ("_base.yaml", False),
    ("café.yaml", False), ("post.txt", False), (".yaml", False),
    ("nul.yaml", False), ("NUL.yaml", False), ("com0.backup.yaml", False),
    ("console.yaml", True), ("nully.yaml", True), ("lpt10.yaml", True),
])
def test_the_names_a_post_may_be_saved_under(name: str, ok: bool) -> None:
    assert (save_name_problem(name) is None) is ok


def test_only_the_folders_own_posts_are_listed(folder: Path) -> None:
    (folder / "sub").mkdir()
    shutil.copy(folder / "ok.yaml", folder / "sub" / "deeper.yaml")
    (folder / "linked.yaml").symlink_to(folder / "ok.yaml")
    assert [p.name for p in posts_in(folder)] == ["My Post.yaml", "ok.yaml"]
    assert posts_in(folder / "none") == [] and posts_in(folder / "sub" / "x") == []
    empty = folder / "empty"
    empty.mkdir()
    assert posts_in(empty) == []
