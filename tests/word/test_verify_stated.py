"""Verify checks the figures a document states in words (docgen/word/stated.py): a hand
edit of the trial period, the invoice frequency, the days of a dispute step, the notice
period and the other periods and counts the answer file sets is caught, with one line
naming the document and what differs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx_read import edit_text as edit
from yaml_text import load_yaml

import docgen
from docgen.answers.yamlfile import load_answer_file
from docgen.cli import cli
from docgen.ooxml.readback import read_document
from docgen.pipeline import check_located
from docgen.publish.batch import build
from docgen.word.stated import STATEMENTS
from docgen.word.verify import verify_documents

EXAMPLES = Path(docgen.__file__).parent / "data" / "examples"
HR = EXAMPLES / "shared-head-of-hr.yaml"
LEGAL = EXAMPLES / "shared-legal-services-three-councils.yaml"
DPH = EXAMPLES / "joint-director-public-health.yaml"


_rendered: dict[Path, tuple[object, dict[str, bytes]]] = {}


def rendered(path: Path) -> tuple[object, dict[str, bytes]]:
    if path not in _rendered:
        _rendered[path] = (check_located(load_answer_file(path)).facts,
                           docgen.render(path).documents)
    return _rendered[path]


def problems_after(path: Path, kind: str, old: str, new: str) -> list[str]:
    facts, docs = rendered(path)
    assert verify_documents(facts, {kind: docs[kind]}) == []
    return verify_documents(facts, {kind: edit(docs[kind], old, new)})


CASES = [
    # (answer file, document, text as built, text as edited, what verify says)
    (HR, "agreement", "Trial Period of 12 months", "Trial Period of 3 months",
     "says “3 months” for the trial period, but the answer file says 12 months"),
    (DPH, "contract", "means the first 6 months", "means the first 3 months",
     "says “3 months” for the trial period, but the answer file says 6 months"),
    (HR, "agreement", "takes effect 3 months after", "takes effect 1 month after",
     "says “1 month” for the notice of a withdrawal at the end of the trial"),
    (HR, "agreement", "quarterly in arrears", "monthly in arrears",
     "says “monthly in arrears” for invoicing, but the answer file says quarterly in "
     "arrears"),
    (DPH, "agreement", "quarterly in advance", "quarterly in arrears",
     "says “quarterly in arrears” for invoicing, but the answer file says quarterly in "
     "advance"),
    (LEGAL, "agreement", "payable in 12 monthly instalments", "payable in 4 quarterly "
     "instalments", "says “4 quarterly” for the number of instalments, but the answer "
     "file says 12 monthly"),
    (HR, "agreement", "within 20 Working Days;", "within 10 Working Days;",
     "says “10 Working Days” for the time allowed at step 2 of the dispute procedure, "
     "but the answer file says 20 Working Days"),
    (HR, "agreement", "within 20 Working Days;", "within 20 calendar days;",
     "says “20 calendar days” for the time allowed at step 2 of the dispute procedure"),
    (HR, "agreement", "step 1: Line managers", "step 1: Chief Executives",
     "says “Chief Executives” for step 1 of the dispute procedure, but the answer file "
     "says Line managers"),
    (HR, "agreement", "step 3: Independent mediation, within 40 Working Days.",
     "step 3: Independent mediation, within 40 Working Days; step 4: Arbitration, within 10 "
     "Working Days.", "the dispute procedure has a step 4, but the answer file has 3"),
    (HR, "agreement", "not less than 6 months' written notice",
     "not less than 3 months' written notice",
     "says “3 months” for the notice period, but the answer file says 6 months"),
    (LEGAL, "contract", "Organisations 12 months' notice", "Organisations 6 months' notice",
     "says “6 months” for the notice period, but the answer file says 12 months"),
    (HR, "contract", "intervals of 24 months", "intervals of 12 months",
     "says “12 months” for the interval between reviews, but the answer file says "
     "24 months"),
    (HR, "agreement", "allow it 5 Working Days", "allow it 10 Working Days",
     "says “10 Working Days” for the days to comment on a freedom of information "
     "request, but the answer file says 5 Working Days"),
    (DPH, "contract", "within 28 calendar days", "within 14 calendar days",
     "says “14 calendar days” for the days to declare an interest, but the answer file "
     "says 28 calendar days"),
    (HR, "agreement", "meets at least once a quarter", "meets at least once a year",
     "says “at least once a year” for how often the Steering Group meets, but the "
     "answer file says at least once a quarter"),
    (HR, "job_spec", "The post is for 37 hours", "The post is for 35 hours",
     "says “35 hours a week over 5 days” for the working hours, but the answer file "
     "says 37 hours a week over 5 days"),
    (LEGAL, "contract", "continue for 6 years", "continue for 2 years",
     "says “for 2 years after the Arrangement ends” for how long confidentiality lasts, "
     "but the answer file says for 6 years after the Arrangement ends"),
    (HR, "agreement", "continue without limit of time", "continue for 5 years after the "
     "Arrangement ends", "says “for 5 years after the Arrangement ends” for how long "
     "confidentiality lasts, but the answer file says without limit of time"),
    (HR, "agreement", "within 12 months after the relevant Exit Date",
     "within 6 months after the relevant Exit Date",
     "says “6 months” for the months after an Exit Date in which exit costs are shared"),
    (LEGAL, "agreement", "44 working weeks a year", "46 working weeks a year",
     "says “46” for the working weeks a year the fee is based on, but the answer file "
     "says 44"),
    (HR, "job_spec", "Open-ended", "Fixed term",
     "says “Fixed term” for the end date, but the answer file says Open-ended"),
]


@pytest.mark.parametrize(("path", "kind", "old", "new", "said"), CASES,
                         ids=[f"{c[0].stem[:6]}-{c[1]}-{c[3][:30]}" for c in CASES])
def test_a_figure_edited_by_hand_is_caught(path: Path, kind: str, old: str, new: str,
                                           said: str) -> None:
    problems = problems_after(path, kind, old, new)
    assert any(said in p for p in problems), problems
    assert all("\n" not in p for p in problems)


def test_the_same_figure_in_words_is_not_a_difference() -> None:
    assert problems_after(HR, "agreement", "Trial Period of 12 months",
                          "Trial Period of twelve months") == []


def variant(tmp_path: Path, base: Path, **changes: dict[str, object]) -> Path:
    """A copy of an example with some sections' keys changed."""
    data = load_yaml(base.read_text())
    for section, keys in changes.items():
        data[section].update(keys)
    path = tmp_path / base.name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    return path


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Posts that state what the shipped examples do not: a probation period (a post
    being recruited to), a pay protection period, payments that pause in an absence."""
    tmp = tmp_path_factory.mktemp("variants")
    (tmp / "legal").mkdir()
    (tmp / "hr").mkdir()
    return {
        "legal": variant(tmp / "legal", LEGAL, post={"probation_months": 6}),
        "hr": variant(tmp / "hr", HR, exit={"pay_protection_months": 12},
                      payment={"during_absence": "pauses", "pause_after_weeks": 6}),
    }


@pytest.mark.parametrize(("which", "kind", "old", "new", "said"), [
    ("legal", "contract", "probation period of 6 months", "probation period of 3 months",
     "says “3 months” for the probation period, but the answer file says 6 months"),
    ("hr", "contract", "protect the difference for 12 months",
     "protect the difference for 24 months", "says “24 months” for the pay "
     "protection period, but the answer file says 12 months"),
    ("hr", "agreement", "more than 6 consecutive weeks", "more than 8 consecutive weeks",
     "says “8” for the weeks of absence after which payments stop, but the answer file "
     "says 6"),
])
def test_figures_only_some_posts_state(variants: dict[str, Path], which: str, kind: str,
                                       old: str, new: str, said: str) -> None:
    problems = problems_after(variants[which], kind, old, new)
    assert any(said in p for p in problems), problems


def test_every_statement_is_found_in_a_built_document(variants: dict[str, Path]) -> None:
    """A change to the standard clauses' wording that hides a statement from
    stated.py (so that its figure is no longer checked) fails here."""
    seen: set[str] = set()
    for path in (HR, LEGAL, DPH, *variants.values()):
        facts, docs = rendered(path)
        assert verify_documents(facts, docs) == [], path
        for kind, data in docs.items():
            doc = read_document(kind, data)
            text = "\n".join(doc.segments)
            seen |= {s.what for s in STATEMENTS if kind in s.kinds and s.cue in text
                     and any(s.pattern.search(seg) for seg in doc.segments)}
    assert [s.what for s in STATEMENTS if s.what not in seen] == []


def test_docgen_verify_names_the_document_and_what_differs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(HR, project / HR.name)
    monkeypatch.chdir(project)
    assert build([project / HR.name], project / "out").ok
    agreement = project / "out" / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx"
    data = edit(agreement.read_bytes(), "quarterly in arrears", "monthly in arrears")
    agreement.write_bytes(edit(data, "within 20 Working Days;", "within 10 Working Days;"))
    result = CliRunner().invoke(cli, ["verify", str(project / "out" / "EWK-WSM-HR-01")])
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())
    assert ("EWK-WSM-HR-01-agreement.docx: says “monthly in arrears” for invoicing, but the "
            "answer file says quarterly in arrears") in out, result.output
    assert ("EWK-WSM-HR-01-agreement.docx: says “10 Working Days” for the time allowed at "
            "step 2 of the dispute procedure, but the answer file says 20 Working Days") in out
