"""The browser's words: from the model's choices, plain English, never a key path or command."""

from __future__ import annotations

import re
import shutil
import typing
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.answers.model import AnswerFile  # noqa: E402
from docgen.web.fields import STEPS, Q, _unwrap, model_choices  # noqa: E402
from docgen.web.forms import read_years  # noqa: E402
from docgen.web.messages import plain  # noqa: E402
from docgen.web.pages import rule_source  # noqa: E402
from docgen.web.wording import CHOICES, words  # noqa: E402

from .helpers import Interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docgen" / "data" / "examples"
TOP = "|".join(AnswerFile.model_fields)
KEY_PATH = re.compile(rf"\b(?:{TOP})\.[a-z_]+|\b[a-z]+_[a-z_]+\b")
FORBIDDEN = [KEY_PATH, re.compile(r"answer file", re.I), re.compile(r"\btbc\b", re.I),
             re.compile(r"\bGP\d+\b"), re.compile(r"\bdocgen (?:check|build|new|schema|serve|"
                                                  r"rules|verify)\b"),
             re.compile(r"\bYAML\b")]  # a post's file name (….yaml) may show
#: model keys with a closed set of values that the interview does not ask (fixed or internal)
NOT_ASKED = {("docgen",), ("currency",), ("documents",)}


def _questions() -> list[tuple[tuple, Q]]:
    out = []
    for step in STEPS:
        for q in step.questions:
            out.append((q.path, q))
            out += [(q.path + sub.path, sub) for sub in q.fields]
    return out


def test_every_question_has_plain_words_and_every_choice_a_human_label():
    for path, q in _questions():
        found = words(path)
        assert found is not None, path
        # no key path (post_title); an underscore shown as the character itself, "(_)",
        # where the words say an abbreviation may hold one, is allowed
        assert "_" not in (found.label + found.hint).replace("(_)", ""), path
        for value in q.choices:
            assert value in CHOICES or any(k.endswith(f":{value}") for k in CHOICES), value
            assert "_" not in CHOICES.get(value, ""), value


def _literal_paths(model: type, prefix: tuple = ()) -> list[tuple]:
    out = []
    for key, info in model.model_fields.items():
        path = (*prefix, key)
        if model_choices(path):
            out.append(path)
        inner = _unwrap(info.annotation)
        if inner is not None and typing.get_origin(info.annotation) is not dict:
            out += _literal_paths(inner, path)
    return out


def test_every_model_choice_is_offered_by_the_form():
    asked = {path: q.choices for path, q in _questions()}
    typed = {path for path, q in _questions() if q.kind == "intortext"}
    for path in _literal_paths(AnswerFile):
        if path in NOT_ASKED or path[0] == "acknowledge":
            continue
        assert path in asked, f"{'.'.join(path)} has choices the interview does not offer"
        if path in typed:  # a number or a word, typed: the hint names a word the form
            quoted = re.findall("\u2018([^\u2019]+)\u2019", words(path).hint)  # reads so
            assert {read_years(w) for w in quoted} >= set(model_choices(path))
            continue
        assert set(model_choices(path)) <= set(asked[path]) or path == ("legal_basis",)
    assert "wales" in asked[("jurisdiction",)]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "answers"
    out.mkdir()
    for p in EXAMPLES.glob("*.yaml"):
        shutil.copy(p, out)
    return out


def test_a_name_not_known_yet_shows_as_a_ticked_box_and_stays_tbc(folder):
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    (folder / "not-known.yaml").write_text(text.replace("name: Morgan Ellis", "name: tbc"),
                                     encoding="utf-8")
    web = Interview(folder)
    web.open("not-known.yaml")
    page = web.client.get(f"{web.base}/postholder").text
    assert_plain(page, "postholder")
    doc = lxml.html.fromstring(page)
    assert doc.xpath("//input[@name='postholder.name-tbc']/@checked")
    assert web.submit("postholder").status_code == 200
    web.save("not-known.yaml")
    assert (folder / "not-known.yaml").read_text(encoding="utf-8") == text.replace(
        "name: Morgan Ellis", "name: tbc")


def test_a_post_in_wales_opens_with_wales_selected(folder):
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text = text.replace("reference: EWK-WSM-HR-01", "reference: EWK-WSM-HR-CY")  # its own
    (folder / "welsh.yaml").write_text(
        re.sub(r"(?m)^jurisdiction: .*$", "jurisdiction: wales", text), encoding="utf-8")
    web = Interview(folder)
    web.open("welsh.yaml")
    page = lxml.html.fromstring(web.client.get(f"{web.base}/about").text)
    checked = page.xpath("//input[@name='jurisdiction'][@checked]")
    assert [i.get("value") for i in checked] == ["wales"]
    label = page.xpath(f"//label[@for='{checked[0].get('id')}']")[0].text_content().strip()
    assert label == "Wales"
    basis = web.client.get(f"{web.base}/basis").text
    assert 'value="lga_1972_s113"' in basis  # s.113 applies in Wales too
    assert web.submit("about").url.path.endswith("/check")  # all completed


def visible_text(html: str) -> str:
    doc = lxml.html.fromstring(html)
    for bad in doc.xpath("//script|//style|//textarea|//code[@class='docgen-file']"):
        bad.drop_tree()
    return " ".join(doc.text_content().split())


def assert_plain(html: str, where: str) -> None:
    values = lxml.html.fromstring(html).xpath("//input[@type='text']/@value")
    assert not [v for v in values if v.strip().lower() == "tbc"], where
    text = visible_text(html)
    for pattern in FORBIDDEN:
        found = pattern.search(text)
        around = text[max(0, found.start() - 80):found.end() + 80] if found else ""
        assert found is None, f"{where}: '{found.group()}' in …{around}…"


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_no_page_shows_a_key_path_yaml_a_rule_id_or_a_command(folder, name):
    web = Interview(folder)
    assert_plain(web.client.get("/").text, "start page")
    web.open(name)
    for step in STEPS:
        assert_plain(web.client.get(f"{web.base}/{step.slug}").text, f"{name} {step.slug}")
    assert_plain(web.client.get(f"{web.base}/check").text, f"{name} check")
    assert_plain(web.client.get(f"{web.base}/tasks").text, f"{name} tasks")
    for step in STEPS:
        assert_plain(web.client.get(f"{web.base}/check/{step.slug}").text, f"check {step.slug}")
    assert_plain(web.client.get(f"{web.base}/partners/0").text, f"{name} partner")
    web.submit("time-split", **{"time_split__shares__" + k: "1" for k in ("a",)})
    values = web.form("payment")
    values["payment.salary"] = ["lots"]
    assert_plain(web.client.post(f"{web.base}/payment", data=values).text, "bad salary")
    assert_plain(web.client.get(f"{web.base}/nowhere").text, "404")


def test_a_blank_post_with_mistakes_reads_plainly(folder):
    shutil.copytree(Path(__file__).parent / "data" / "organisations", folder / "organisations")
    web = Interview(folder)
    web.new()
    assert_plain(web.client.get(f"{web.base}/begin").text, "begin")
    assert_plain(web.client.post(f"{web.base}/begin", data={"csrf_token": web.token}).text,
                 "begin with mistakes")
    assert_plain(web.client.get(f"{web.base}/tasks").text, "tasks")
    response = web.submit("about")
    assert response.status_code == 422
    assert_plain(response.text, "blank about")
    assert "Enter a reference for this post" in response.text
    assert "Select whether this is a draft or the final version" in response.text
    for slug in [s.slug for s in STEPS]:
        assert_plain(web.submit(slug).text, f"blank {slug}")
    assert_plain(web.client.get(f"{web.base}/check").text, "blank check")
    assert_plain(web.client.get("/").text, "start page with a draft")


def test_help_where_the_law_is_hard(folder):
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    open_warning = text.split("\nacknowledge:")[0] + "\n"  # the VAT warning left open
    (folder / "open-warning.yaml").write_text(open_warning, encoding="utf-8")
    web = Interview(folder)
    web.open("open-warning.yaml")
    for slug, words_in_help in (("basis", "Section 113"), ("payment", "VAT adviser"),
                                ("confidentiality", "Joint controllers"),
                                ("post", "politically restricted")):
        page = lxml.html.fromstring(web.client.get(f"{web.base}/{slug}").text)
        helps = [" ".join(d.text_content().split()) for d in
                 page.xpath("//details[contains(@class, 'docgen-help')]")]
        assert any(h.startswith("Help with this question") and words_in_help in h
                   for h in helps), (slug, helps)
    check = web.client.get(f"{web.base}/check").text
    assert "Accepting a warning means the partners have considered it" in check


def test_an_integration_joint_board_outside_scotland_is_refused_in_plain_english(folder):
    """The board's keys are asked on the legal basis page only in Scotland
    (test_scotland_only.py); a file that names a board in England shows it there, and the
    rule that keeps it to Scotland speaks in the page's words, not in key paths or YAML."""
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text += "integration_joint_board: Glenmuir Integration Joint Board\n"
    (folder / "board-in-england.yaml").write_text(text, encoding="utf-8")
    web = Interview(folder)
    web.open("board-in-england.yaml")
    response = web.submit("basis", integration_joint_board_enforces="yes")
    assert response.url.path.endswith("/basis")  # not past the page with an error on it
    assert_plain(response.text, "basis with a board in England")
    summary = lxml.html.fromstring(response.text).xpath(
        "//div[contains(@class, 'govuk-error-summary')]")[0].text_content()
    assert ("An integration joint board exists only in Scotland: leave the board blank, or "
            "choose Scotland for which law applies") in " ".join(summary.split())


def test_a_scottish_post_saves_the_boards_part(folder):
    text = (folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^jurisdiction: .*$", "jurisdiction: scotland", text)
    text = re.sub(r"(?m)^legal_basis: .*$", "legal_basis: lgs_1966_s35", text)
    (folder / "scottish.yaml").write_text(text, encoding="utf-8")
    web = Interview(folder)
    web.open("scottish.yaml")
    response = web.submit("basis", integration_joint_board="Glenmuir Integration Joint Board",
                          integration_joint_board_enforces="yes")
    assert not response.url.path.endswith("/basis"), visible_text(response.text)[:600]
    assert web.save("scottish.yaml").status_code == 200
    saved = (folder / "scottish.yaml").read_text(encoding="utf-8")
    assert "integration_joint_board: Glenmuir Integration Joint Board" in saved
    assert "integration_joint_board_enforces: true" in saved


#: keys the interview leaves to the answer file, each for a reason an HR officer would accept
LEFT_TO_THE_FILE = {
    "docgen": "the file format's version, written by docgen",
    "extends": "a base file shared by many posts: set up by whoever keeps the programme",
    "version": "the documents' version in footers: set when the documents are issued",
    "date": "the agreement's date: left blank for signature",
    "currency": "always GBP",
    "documents": "which documents to write: all three unless a programme says otherwise",
    "acknowledge": "accepted warnings: the check-your-answers page accepts them",
    "agreement_style": "whose house style the agreement takes: set in organisation profiles",
    "clauses": "clause overlays: a legal team's folder",
    "integration_joint_board_party": "the board signing as a party: the legal team's drafting",
    "post.pay_range": "a pay range of two figures: the job specification shows the grade",
    "job.dimensions": "label-to-value pairs for a job specification: written in the file",
}


def test_every_key_of_the_model_is_asked_or_left_to_the_file_for_a_reason():
    asked: set[str] = set()

    def walk(questions: tuple[Q, ...], prefix: tuple[str, ...] = ()) -> None:
        for q in questions:
            path = prefix + tuple(str(p) for p in q.path if not isinstance(p, int))
            asked.add(".".join(path))
            walk(q.fields, path)

    for step in STEPS:
        walk(step.questions)
    not_asked: list[str] = []

    def keys(model: type, prefix: str = "") -> None:
        for name, info in model.model_fields.items():
            key = prefix + name
            inner = _unwrap(info.annotation)
            if key in asked:
                continue
            if inner is not None and any(a.startswith(key + ".") for a in asked):
                keys(inner, key + ".")
            else:
                not_asked.append(key)

    keys(AnswerFile)
    assert sorted(not_asked) == sorted(LEFT_TO_THE_FILE)


@pytest.mark.parametrize("message, said", [
    ("no trial: good practice is a formal review after 6 to 12 months "
     "(set review.trial_months)",
     "No trial: good practice is a formal review after 6 to 12 months (set the trial period "
     "in months)"),
    ("the employer pays all expenses; consider payment.expenses: each_party_own_business",
     "The employer pays all expenses; consider who pays expenses: each partner pays for its "
     "own business"),
    ("no review after the first: set review.then_every_months (12 or 24)",
     "No review after the first: set the months between later reviews (12 or 24)"),
])
def test_a_key_in_a_warning_reads_as_a_noun_not_a_question(message, said):
    """Before: "(set trial period in months)", "consider who pays travel and other
    expenses?: …", "set then a review every how many months? (12 or 24)"."""
    assert plain(message) == said


def test_a_rules_source_names_no_file_of_docgens():
    """Before: "Source: docgen practice notes, docs/sources.md"."""
    shown = [rule_source(r) for r in ("GP010", "GP026")]
    assert all("docs/" not in s and "docgen" not in s for s in shown), shown
    assert shown[0] == "ICO data sharing code"
