"""Verification reads the facts' words from their one home (docgen/data/wording/facts.yaml)
rather than spelling them out: with a statement's words edited there (one with a comma in
it too), a post builds, its document states the edited words, and a hand edit of the
figure in that statement is still reported (the check runs, it is not skipped because its
words were no longer found)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from docx_read import edit_text as _edit
from yaml_text import load_yaml

import docgen
from docgen import resources
from docgen.answers.yamlfile import load_answer_file
from docgen.facts.derive import derive
from docgen.ooxml.readback import read_document
from docgen.pipeline import check_located
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.stated import stated_problems
from docgen.word.verify import verify_documents
from docgen.word.wording import WORDING_FILE

EXAMPLES = Path(docgen.__file__).parent / "data" / "examples"
HR = EXAMPLES / "shared-head-of-hr.yaml"  # two parties, quarterly in arrears, indefinite
LEGAL = EXAMPLES / "shared-legal-services-three-councils.yaml"  # three, a fee by the day
INPUTS = Path(__file__).parents[2] / "inputs"


def _words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
           edits: dict[str, str]) -> None:
    """A copy of docgen's facts.yaml, with ``edits`` (old line → new line), read from now
    on."""
    path = tmp_path / "facts.yaml"
    text = resources.FACT_WORDING.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(resources, "FACT_WORDING", path)


CASES = [
    # (post, facts.yaml line, as edited, document, words it now states, a hand edit of
    #  the figure in them, what verify says of it)
    pytest.param(
        HR, {"    quarterly: at least once a quarter\n":
             "    quarterly: at least once a quarter, or more often if needed\n"},
        "agreement", "meets at least once a quarter, or more often if needed, and",
        ("meets at least once a quarter, or more often if needed",
         "meets at least once a year"),
        "says “at least once a year” for how often the Steering Group meets, but the "
        "answer file says at least once a quarter, or more often if needed",
        id="steering_group.meets"),
    pytest.param(
        HR, {"    quarterly: at least once a quarter\n":
             "    quarterly: at least once a quarter, or more often if needed\n"},
        "agreement", "meets at least once a quarter, or more often if needed, and",
        ("meets at least once a quarter, or more often if needed", "meets weekly"),
        "says “weekly” for how often the Steering Group meets, but the answer file says "
        "at least once a quarter, or more often if needed",
        id="steering_group.meets-words-not-in-the-file"),
    pytest.param(
        HR, {"  each_one: the Host Party\n": "  each_one: the Host Organisation\n",
             "    arrears: in arrears\n": "    arrears: in arrears, at the end of each "
                                          "quarter\n"},
        "agreement", "shall invoice the Host Organisation quarterly in arrears, at the end "
                     "of each quarter.",
        ("quarterly in arrears, at the end", "monthly in arrears, at the end"),
        "says “monthly in arrears, at the end of each quarter” for invoicing, but the "
        "answer file says quarterly in arrears, at the end of each quarter",
        id="hosts.each_one-money.timing"),
    pytest.param(
        LEGAL, {"  each_more: each Host Party\n": "  each_more: every Host Party, "
                                                   "separately,\n"},
        "agreement", "shall invoice every Host Party, separately, monthly in arrears.",
        ("separately, monthly in arrears", "separately, quarterly in arrears"),
        "says “quarterly in arrears” for invoicing, but the answer file says monthly in "
        "arrears", id="hosts.each_more"),
    pytest.param(
        LEGAL, {'    day_one: "{units} day a week × {weeks} weeks × {rate}"\n':
                '    day_one: "{units} day a week, for {weeks} weeks a year, at {rate}"\n',
                '    day_more: "{units} days a week × {weeks} weeks × {rate}"\n':
                '    day_more: "{units} days a week, for {weeks} weeks a year, at {rate}"\n'},
        "agreement", "days a week, for 44 weeks a year, at £",
        ("for 44 weeks a year, at", "for 40 weeks a year, at"),
        "says “40” for the working weeks a year the fee is based on, but the answer file "
        "says 44", id="money.basis"),
    pytest.param(
        LEGAL, {'  years: "for {years} years after the Arrangement ends"\n':
                '  years: "for {years} years, counted from the day the Arrangement '
                'ends"\n'},
        "contract", "continue for 6 years, counted from the day the Arrangement ends",
        ("for 6 years, counted", "for 2 years, counted"),
        "says “for 2 years, counted from the day the Arrangement ends” for how long "
        "confidentiality lasts, but the answer file says for 6 years, counted from the "
        "day the Arrangement ends", id="confidentiality.years"),
    pytest.param(  # the clauses print the words as written: no "the Arrangement" made up
        LEGAL, {'  years: "for {years} years after the Arrangement ends"\n':
                '  years: "for {years} years after this arrangement ends"\n'},
        "contract", "continue for 6 years after this arrangement ends",
        ("for 6 years after this", "for 2 years after this"),
        "says “for 2 years after this arrangement ends” for how long confidentiality "
        "lasts, but the answer file says for 6 years after this arrangement ends",
        id="confidentiality.lower-case"),
    pytest.param(
        LEGAL, {'    day_one: "{units} day a week × {weeks} weeks × {rate}"\n':
                '    day_one: "{weeks} × {units} × {rate}"\n',
                '    day_more: "{units} days a week × {weeks} weeks × {rate}"\n':
                '    day_more: "{weeks} × {units} × {rate}"\n'},
        "agreement", "44 × 1.5 × £", ("44 × 1.5 × £", "40 × 1.5 × £"),
        "says “40” for the working weeks a year the fee is based on, but the answer file "
        "says 44", id="money.basis-weeks-first"),
]


@pytest.mark.parametrize(("post", "edits", "kind", "stated", "hand_edit", "said"), CASES)
def test_a_statement_in_edited_words_is_still_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, post: Path,
        edits: dict[str, str], kind: str, stated: str, hand_edit: tuple[str, str],
        said: str) -> None:
    _words(tmp_path, monkeypatch, edits)
    docs = docgen.render(post).documents  # verified as built: it raises on a problem
    assert stated in read_document(kind, docs[kind]).text
    facts = check_located(load_answer_file(post)).facts
    assert verify_documents(facts, docs) == []
    problems = verify_documents(facts, {kind: _edit(docs[kind], *hand_edit)})
    assert any(said in p for p in problems), problems


def test_a_build_with_the_steering_group_words_edited_succeeds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reviewer's case: every post meeting quarterly failed verification."""
    _words(tmp_path, monkeypatch, {"    quarterly: at least once a quarter\n":
                                   "    quarterly: at least once a quarter, or more often "
                                   "if needed\n"})
    post = tmp_path / "post.yaml"
    shutil.copy(INPUTS / "shared-head-of-hr.yaml", post)
    report = docgen.build([post], tmp_path / "out", register=False)
    assert report.ok, report.posts[0].message


def test_confidentiality_without_limit_in_edited_words_is_still_checked(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No figure in these words to edit by hand: the answer file says otherwise instead."""
    _words(tmp_path, monkeypatch, {"  indefinite: without limit of time\n":
                                   "  indefinite: without limit, whatever happens\n"})
    docs = docgen.render(HR).documents
    assert "continue without limit, whatever happens." in read_document(
        "agreement", docs["agreement"]).text
    data = load_yaml(HR.read_text(encoding="utf-8"))
    data["confidentiality"]["duration_after_end"] = 3
    problems = verify_documents(derive(docgen.load(data)), {"agreement": docs["agreement"]})
    assert any("says “without limit, whatever happens” for how long confidentiality lasts, "
               "but the answer file says for 3 years after the Arrangement ends" in p
               for p in problems), problems


def _templates(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of docgen's templates folder, its schedules.yaml with ``old`` made ``new``."""
    folder = tmp_path / "templates"
    shutil.copytree(BUILTIN_TEMPLATES, folder)
    path = folder / WORDING_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder


SCHEDULE_CASES = [
    # (schedules.yaml line, as edited, words a document now states, a hand edit of them,
    #  what verify says of it)
    pytest.param("  open_ended: Open-ended\n", "  open_ended: Open-ended (no fixed term)\n",
                 "End date | Open-ended (no fixed term)",
                 ("Open-ended (no fixed term)", "31 March 2030"),
                 "says “31 March 2030” for the end date, but the answer file says Open-ended "
                 "(no fixed term)", id="open_ended"),
    pytest.param('  restricted_yes: "Yes"\n', '  restricted_yes: "Yes (LGHA 1989)"\n',
                 "Politically restricted | Yes (LGHA 1989)", ("Yes (LGHA 1989)", "No"),
                 "says “No” for whether the post is politically restricted, but the answer "
                 "file says Yes (LGHA 1989)", id="restricted_yes"),
    pytest.param('  hours_value: "{hours} hours a week over {days} days"\n',
                 '  hours_value: "{hours} hours a week, over {days} days"\n',
                 "Hours | 37 hours a week, over 5 days", (", over 5 days", ", over 4 days"),
                 "says “37 hours a week, over 4 days” for the working hours, but the answer "
                 "file says 37 hours a week, over 5 days", id="hours_value"),
]


def _built_with(tmp_path: Path, old: str, new: str) -> tuple[Path, Any, Any]:
    """The HR example built, verification on, with a templates folder whose schedules.yaml
    has ``old`` edited to ``new``: the folder, the build's report and the post's facts."""
    folder = _templates(tmp_path, old, new)
    post = tmp_path / "post.yaml"
    shutil.copy(INPUTS / "shared-head-of-hr.yaml", post)
    report = docgen.build([post], tmp_path / "out", template_dir=folder, register=False)
    assert report.ok, report.posts[0].message
    return folder, report, check_located(load_answer_file(post)).facts


@pytest.mark.parametrize(("old", "new", "stated", "hand_edit", "said"), SCHEDULE_CASES)
def test_a_schedule_row_in_edited_words_is_still_checked(
        tmp_path: Path, old: str, new: str, stated: str, hand_edit: tuple[str, str],
        said: str) -> None:
    """A templates folder's own schedules.yaml: the build verifies (it failed, "says
    Open-ended (no fixed term) … but the answer file says Open-ended"), and a hand edit of
    the row is reported (an edited hours value was not checked at all)."""
    folder, report, facts = _built_with(tmp_path, old, new)
    checked = []
    for path in report.posts[0].outputs:  # the agreement and job spec (a contract has none)
        docs = {path.name: path.read_bytes()}
        if not any(stated in seg for seg in read_document(path.name, docs[path.name]).segments):
            continue
        checked.append(path.name.removeprefix("EWK-WSM-HR-01-"))
        assert verify_documents(facts, docs, template_dir=folder) == []
        edited = {path.name: _edit(docs[path.name], *hand_edit)}
        problems = verify_documents(facts, edited, template_dir=folder)
        assert any(said in p for p in problems), (path.name, problems)
    assert checked == ["agreement.docx", "job-spec.docx"], checked


@pytest.mark.parametrize(("old", "new", "row", "said"), [
    pytest.param("  politically_restricted: Politically restricted\n",
                 "  politically_restricted: Politically restricted post\n",
                 "Politically restricted post | No",
                 "says “No” for whether the post is politically restricted, but the answer "
                 "file says Yes", id="politically_restricted"),
    pytest.param("  end_date: End date\n", "  end_date: Fixed term ends\n",
                 "Fixed term ends | 31 March 2030",
                 "says “31 March 2030” for the end date, but the answer file says Open-ended",
                 id="end_date"),
])
def test_a_schedule_row_under_an_edited_label_is_still_checked(
        tmp_path: Path, old: str, new: str, row: str, said: str) -> None:
    """An edited label hid the row from its check (the reviewer's "Politically restricted
    post | No" was not reported); the build with it verifies."""
    folder, _, facts = _built_with(tmp_path, old, new)
    for kind in ("agreement", "contract", "job_spec"):
        problems = stated_problems(facts, kind, "x", [row], folder)
        assert any(said in p for p in problems), (kind, problems)


def test_a_post_not_restricted_is_checked_against_the_edited_no(tmp_path: Path) -> None:
    """``restricted_no`` edited: a post that is not restricted builds, stating it, and a
    hand edit to "Yes" is reported."""
    folder = _templates(tmp_path, '  restricted_no: "No"\n',
                        '  restricted_no: "No (not restricted)"\n')
    post = tmp_path / "post.yaml"
    text = (INPUTS / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert text.count("  politically_restricted: true\n") == 1
    post.write_text(text.replace("  politically_restricted: true\n",
                                 "  politically_restricted: false\n"), encoding="utf-8")
    report = docgen.build([post], tmp_path / "out", template_dir=folder, register=False)
    assert report.ok, report.posts[0].message
    agreement = next(p for p in report.posts[0].outputs if p.name.endswith("-agreement.docx"))
    docs = {agreement.name: agreement.read_bytes()}
    assert "Politically restricted | No (not restricted)" in read_document(
        agreement.name, docs[agreement.name]).segments
    facts = check_located(load_answer_file(post)).facts
    edited = {agreement.name: _edit(docs[agreement.name], "No (not restricted)", "Yes")}
    problems = verify_documents(facts, edited, template_dir=folder)
    assert any("says “Yes” for whether the post is politically restricted, but the answer "
               "file says No (not restricted)" in p for p in problems), problems
