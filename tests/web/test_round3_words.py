"""Round 3: good-practice warnings spoke the answer file ("Set jurisdiction: england or
jurisdiction: wales", "set registers: all partners", "keep status: draft", "cost_shares:
{Eastwick: 60, …}", "Add a list under governance objectives shared"), which the crawl for
key paths did not catch (no dot or underscore), and a value not known yet was warned about
without saying which ("This is not known yet, but the documents need it; fill it in")."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.answers.model import AnswerFile  # noqa: E402
from docgen.web.fields import _unwrap  # noqa: E402
from docgen.web.messages import plain, problem_text  # noqa: E402
from docgen.web.wording import CHOICES  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_wording import assert_plain, visible_text  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"


def _keys(model: type, out: set[str]) -> set[str]:
    for key, info in model.model_fields.items():
        out.add(key)
        inner = _unwrap(info.annotation)
        if inner is not None and inner is not model:
            _keys(inner, out)
    return out


KEYS = "|".join(sorted(_keys(AnswerFile, set()), key=len, reverse=True))
#: "key: value" as YAML writes it, for any key of the model (dotted or not)
YAML_PAIR = re.compile(rf"\b(?:[a-z_]+\.)*(?:{KEYS}): (?:\{{|[a-z0-9_]+\b)")
#: what a "key: value" could give: a choice the model has, yes or no, a number, a mapping
_VALUES = {k.rpartition(":")[2] for k in CHOICES} | {"true", "false"}


def yaml_pairs(text: str) -> list[str]:
    """Each "key: value" of the model's keys and values in ``text`` (not English that
    happens to follow a key with a colon: "not the employer: that is a change …")."""
    return [m.group() for m in YAML_PAIR.finditer(text)
            if (v := m.group().rpartition(": ")[2]) in _VALUES or v == "{" or v.isdigit()
            or "_" in v]

#: answer-file words in a message, put into the browser's words by :func:`plain`'s general
#: rules (a rule's own instruction is given as data, ``Problem.fix``, and said from the
#: question's labels: tests/web/test_message_codes.py checks every rule that gives one)
RULE_MESSAGES = [
    "“England and Wales” does not say whether the parties are in England or in Wales. "
    "Set jurisdiction: england or jurisdiction: wales",
    "integration joint boards exist only in Scotland; remove X or set jurisdiction: scotland",
    "interests are declared only in the employer's register; set registers: all_parties",
    "conflicts of interest go to Eastwick; set conflicts_of_interest.decided_by: "
    "steering_group to make that the rule",
    "Eastwick has no share; give every party a percent (0 if it bears none), e.g. "
    "cost_shares: {eastwick: 60, westmere: 40}",
    "the employer alone bears it. Confirm it with exit.prior_service: employer, or share it "
    "with exit.prior_service: shared",
    "It does not reach the board. Set legal_basis: other and name the Act in "
    "legal_basis_text",
    "the employer is neither; make a local authority or NHS body the employer, or use "
    "legal_basis: secondment",
    "which makes it politically restricted; set post.politically_restricted: true",
    "Eastwick and Westmere have no objectives. Add a list under governance.objectives for "
    "each party",
    "the right to return is uncertain. Set exit.reversion_post and exit.reversion_grade",
    "a new key; set registers: employer",
]


def test_english_with_a_colon_after_a_key_word_is_left_as_it_is():
    message = ("on exit the post-holder goes to Eastwick, which is not the employer: that is "
               "a change of employer")
    assert plain(message) == message[:1].upper() + message[1:]


@pytest.mark.parametrize("message", RULE_MESSAGES)
def test_a_rule_s_instruction_is_said_in_the_browser_s_words(message):
    said = plain(message, {"eastwick": "Eastwick", "westmere": "Westmere"})
    assert not YAML_PAIR.search(said), said
    assert not re.search(r"\b[a-z]+_[a-z_]+\b|\{|\}|GP\d+|governance objectives", said), said


def test_a_value_not_known_yet_names_its_question():
    said = problem_text("is not known yet (not given, so tbc); the documents show a "
                        "highlighted gap until it is given", ("postholder", "consulted_on"),
                        {}, "warning", code="not_known")
    assert said.startswith("Post-holder: The date they were consulted is not known yet")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "answers"
    out.mkdir()
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text = text.split("\nacknowledge:")[0] + "\n"  # every warning left open
    variants = {
        "registers.yaml": text.replace("registers: all_parties", "registers: employer"),
        "yearly.yaml": text.replace("meets: quarterly", "meets: yearly"),
        "appraisal.yaml": text.replace("appraisal: joint", "appraisal: hr_lead"),
        "no-return.yaml": re.sub(r"(?m)^  reversion_(post|grade): .*\n", "", text),
        "not-consulted.yaml": re.sub(r"(?m)^  consulted_on: .*\n", "", text),
    }
    for name, body in variants.items():
        assert body != text, name
        (out / name).write_text(body, encoding="utf-8")
    shutil.copy(EXAMPLES / "joint-director-public-health.yaml", out)
    return out


@pytest.mark.parametrize("name", ["registers.yaml", "yearly.yaml", "appraisal.yaml",
                                  "no-return.yaml", "not-consulted.yaml",
                                  "joint-director-public-health.yaml"])
def test_check_your_answers_warnings_show_no_yaml(folder, name):
    web = Interview(folder)
    web.open(name)
    html = web.client.get(f"{web.base}/check").text
    assert_plain(html, name)
    text = visible_text(html)
    found = YAML_PAIR.search(text)
    assert found is None, text[max(0, found.start() - 120):found.end() + 40]
    assert "This is not known yet, but" not in text
    if name == "not-consulted.yaml":
        assert "Post-holder: The date they were consulted is not known yet" in text


def test_check_your_answers_shows_words_for_indefinite_and_no_objectives(folder):
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    body = re.sub(r"(?ms)^  objectives:\n(?:    .*\n|      .*\n)*", "  objectives: {}\n", text)
    body = re.sub(r"(?m)^  duration_after_end: .*$", "  duration_after_end: indefinite", body)
    assert "objectives: {}" in body and "duration_after_end: indefinite" in body
    (folder / "none-yet.yaml").write_text(body, encoding="utf-8")
    web = Interview(folder)
    web.open("none-yet.yaml")
    rows = {" ".join(r.xpath("string(dt)").split()): " ".join(r.xpath("string(dd[1])").split())
            for r in lxml.html.fromstring(web.client.get(f"{web.base}/check").text).xpath(
                "//div[contains(@class, 'govuk-summary-list__row')]")}
    assert rows["Objectives"] == "None yet"
    assert rows["How long confidentiality lasts after the end"] == "Indefinitely"


def test_every_add_another_button_says_what_it_adds(folder):
    """Per-partner lists (responsibilities, objectives) had "Add another" buttons with an
    empty hidden text, so a screen reader heard several identical "Add another"s."""
    web = Interview(folder)
    web.open("registers.yaml")
    for slug in ("job", "governance", "post", "payment"):
        page = lxml.html.fromstring(web.client.get(f"{web.base}/{slug}").text)
        said = [" ".join(b.text_content().split()) for b in
                page.xpath("//button[starts-with(@value, 'add-')]")]
        assert said and all(s != "Add another" for s in said), (slug, said)
        assert len(said) == len(set(said)), (slug, said)
