"""The words the facts layer works out are data (docgen/data/wording/facts.yaml): it has
words for every answer the model allows; an edited word reaches the derived facts and the
documents, and rebuilds the posts; a file with a key missing, a name in braces wrong, a
format of its own or a value that is not words is refused, naming the file and the key.
(That the file's words are those the documents printed before is test_outputs_unchanged.)"""

from __future__ import annotations

import re
import shutil
import typing
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from yaml_text import load_yaml

import docgen
from docgen import resources
from docgen.answers.kinds import BY_KIND
from docgen.answers.model import Management
from docgen.answers.payment import Fee, Invoicing, Payment, Vat
from docgen.answers.terms import Confidentiality, Criterion, SteeringGroup
from docgen.api import check_files
from docgen.errors import DocgenError
from docgen.facts import wording
from docgen.facts.derive import derive
from docgen.facts.wording import KEYS, fact_wording_file, words
from docgen.ooxml.readback import read_document
from docgen.publish.incremental import inputs_hash

HR = next(p for p in EXAMPLES if p.name == "shared-head-of-hr.yaml")
LEGAL = next(p for p in EXAMPLES if p.name == "shared-legal-services-three-councils.yaml")
DPH = next(p for p in EXAMPLES if p.name == "joint-director-public-health.yaml")
DOCGENS = resources.FACT_WORDING


def _copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of docgen's file, which the facts read from now on."""
    path = tmp_path / "facts.yaml"
    shutil.copy(DOCGENS, path)
    monkeypatch.setattr(resources, "FACT_WORDING", path)
    return path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _hr(**changes: Any) -> dict[str, Any]:
    """The HR example's answers, with some sections' keys changed."""
    data: dict[str, Any] = load_yaml(HR.read_text(encoding="utf-8"))
    for section, values in changes.items():
        data[section].update(values)
    return data


def _choices(model: Any, field: str) -> set[str]:
    """The strings an answer model's field may be (``list[Literal[...]]`` too)."""
    found, todo = set(), [model.model_fields[field].annotation]
    while todo:
        kind = todo.pop()
        todo += typing.get_args(kind)
        if isinstance(kind, str):
            found.add(kind)
    return found


def _under(group: str) -> set[str]:
    return {k.removeprefix(group) for k in KEYS if k.startswith(group) and
            "." not in k.removeprefix(group)}


def test_docgens_file_has_words_for_every_answer_the_model_allows() -> None:
    said = words()
    assert set(said) == set(KEYS) and all(said.values())
    assert _under("money.mechanism.") == _choices(Payment, "mechanism")
    assert _under("money.vat.") == _choices(Vat, "treatment")
    assert _under("money.rate.") == _choices(Fee, "per")
    assert _under("money.timing.") == _choices(Invoicing, "timing")
    assert _under("steering_group.meets.") == _choices(SteeringGroup, "meets")
    assert _under("person_specification.assessed_by.") == _choices(
        Criterion, "assessed_by")
    assert _choices(Management, "appraisal") == {"joint", "hr_lead"}
    assert _choices(Confidentiality, "duration_after_end") == {"indefinite"}


def test_edited_words_reach_the_derived_facts(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = _copy(tmp_path, monkeypatch)
    for old, new in [("exempt: exempt from VAT", "exempt: exempt from value added tax"),
                     ("fixed_fee: fixed annual contributions", "fixed_fee: set sums a year"),
                     ("quarterly: at least once a quarter", "quarterly: four times a year"),
                     ('"{parties} jointly"', '"{parties}, together"'),
                     ("Pay review", "Review of pay"),
                     ('"for {years} years after', '"for {years} full years after'),
                     ("other_one: the other Party", "other_one: the other party"),
                     ("date consulted", "date the post-holder was consulted"),
                     ("post returned to", "post the post-holder returns to"),
                     ("decides_conflicts: the Steering Group", "decides_conflicts: the Board"),
                     ("interview: Interview", "interview: Panel interview")]:
        _edit(path, old, new)
    data = _hr(confidentiality={"duration_after_end": 3},
               conflicts_of_interest={"decided_by": "steering_group"})
    data["payment"]["vat"]["treatment"] = "exempt"
    data["postholder"].pop("consulted_on", None)
    facts = derive(docgen.load(data))
    assert facts.money.vat_text == "exempt from value added tax"
    assert facts.steering_group["meets_text"] == "four times a year"
    appraisal = next(r for r in facts.matrix if r["matter"] == "Appraisal")
    assert appraisal["acts"].endswith(", together")
    assert [r["matter"] for r in facts.matrix][2] == "Review of pay"
    assert facts.confidentiality_text == "for 3 full years after the Arrangement ends"
    assert facts.other_parties == "the other party"
    assert facts.conflict_decider_text == "the Board"
    assert str(facts.postholder["consulted_on_text"]) == "[date the post-holder was consulted]"
    assert facts.exit and str(facts.exit.reversion_post) == "[post the post-holder returns to]"
    assert "Panel interview" in {x for c in facts.person_spec
                                 for x in c["assessed_by"].split(" and ")}


@pytest.mark.parametrize(("old", "new", "said"), [
    ("    exempt: exempt from VAT\n", "", "money.vat.exempt must be words, e.g. `exempt: "),
    ("    exempt: exempt from VAT\n", "    exempt: 3\n", "money.vat.exempt must be words"),
    ("  nobody_consulted: \"—\"\n", "  nobody_consulted: \"\"\n",
     "management.nobody_consulted must be words"),
    ("  vat:  # payment: vat: treatment\n", "  vat: [exempt]\n  old:\n",
     "money.vat.outside_scope must be words"),
    ('"{parties} jointly"', '"{party} jointly"', "management.jointly must use {parties}"),
    ('"{parties} jointly"', '"{parties:>9999} jointly"', "management.jointly must use"),
    ('"{parties} jointly"', '"{parties!r} jointly"', "management.jointly must use"),
    ('"for {years} years', '"for {years.real} years', "confidentiality.years must use"),
    ("date consulted", "date {consulted}", "placeholders.date_consulted must use no name"),
    ("test: Test", "test: Test {", "person_specification.assessed_by.test"),
])
def test_a_wrong_file_is_refused_naming_the_file_and_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str,
        said: str) -> None:
    path = _copy(tmp_path, monkeypatch)
    _edit(path, old, new)
    with pytest.raises(DocgenError) as caught:
        words()
    assert str(path) in str(caught.value) and said in str(caught.value)
    with pytest.raises(DocgenError, match="money.vat|management|confidentiality|placeh"
                                          "olders|person_spec"):
        derive(docgen.load(_hr()))


def test_a_check_or_build_with_a_wrong_file_fails_saying_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Said as the file's fault, not as an unexpected error to report."""
    path = _copy(tmp_path, monkeypatch)
    _edit(path, '"{parties} jointly"', '"{parties} {jointly}"')
    for report in (check_files([HR]), docgen.build([HR], out=tmp_path / "out", jobs=1)):
        message = report.posts[0].message
        assert not report.ok and message.startswith(f"{path}: management.jointly must use "
                                                    "{parties}"), message
    assert not (tmp_path / "out" / "EWK-WSM-HR-01").exists()  # nothing written


def test_a_missing_or_oversized_file_is_an_error_naming_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "FACT_WORDING", tmp_path / "none.yaml")
    with pytest.raises(DocgenError, match="none.yaml is missing; reinstall docgen"):
        words()
    path = _copy(tmp_path, monkeypatch)
    path.write_text("#" * (wording.MAX_BYTES + 1), encoding="utf-8")
    with pytest.raises(DocgenError, match="the facts' wording is at most"):
        words()


def test_an_edit_changes_the_inputs_hash_and_rebuilds_the_post(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, out = _copy(tmp_path, monkeypatch), tmp_path / "out"
    assert fact_wording_file() == path
    first = inputs_hash([HR], [], resources.BUILTIN_TEMPLATES)
    assert docgen.build([HR], out=out, jobs=1).posts[0].status == "built"
    assert docgen.build([HR], out=out, jobs=1).posts[0].status == "skipped"
    _edit(path, "outside_scope: outside the scope of VAT",
          "outside_scope: outside the scope of value added tax")
    assert inputs_hash([HR], [], resources.BUILTIN_TEMPLATES) != first
    again = docgen.build([HR], out=out, jobs=1)
    assert again.posts[0].status == "built"
    agreement = next(o for o in again.posts[0].outputs if o.name.endswith("-agreement.docx"))
    text = read_document(agreement.name, agreement.read_bytes()).text
    assert "outside the scope of value added tax" in text


def _answers(example: Path, shares: dict[str, int] | None = None, **payment: Any) -> Any:
    """An example's answers, with its time split's shares or some payment keys changed."""
    data: dict[str, Any] = load_yaml(example.read_text(encoding="utf-8"))
    data["payment"].update(payment)
    data["time_split"]["shares"] = shares or data["time_split"]["shares"]
    return docgen.load(data)


def _text(answers: Any, kind: str) -> str:
    """The text of one of the post's documents, made in memory (and verified)."""
    return read_document(f"{kind}.docx", docgen.render(answers).documents[kind]).text


def test_edited_money_words_reach_the_facts_and_the_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each party's basis and instalment, the fee's rate, when invoices are raised."""
    path = _copy(tmp_path, monkeypatch)
    for old, new in [('day: "{rate} a day"', 'day: "{rate} per day"'),
                     ('hour: "{rate} an hour"', 'hour: "{rate} per hour"'),
                     ('"{percent} of the Cost Base"', '"{percent} of the Cost Base total"'),
                     ("fixed_fee: fixed annual contribution\n", "fixed_fee: agreed yearly sum\n"),
                     ("balance: the balance of the Cost Base", "balance: the rest of the cost"),
                     ('day_one: "{units} day a week', 'day_one: "{units} working day a week'),
                     ('hour_more: "{units} hours a week', 'hour_more: "{units} hours weekly'),
                     ("not_invoiced: not invoiced", "not_invoiced: no invoice (employer)"),
                     ('"{each} (the last {last})"', '"{each} (final instalment {last})"'),
                     ("advance: in advance", "advance: beforehand"),
                     ("arrears: in arrears", "arrears: after the period")]:
        _edit(path, old, new)
    shares = derive(_answers(HR, salary=92000.07)).parties  # 60% and 40%: odd pence
    assert [p.basis_text for p in shares] == ["60% of the Cost Base total",
                                              "40% of the Cost Base total"]
    assert shares[0].per_invoice_text == "no invoice (employer)"
    assert shares[1].per_invoice_text == "£13,284.44 (final instalment £13,284.45)"
    legal = _answers(LEGAL, {"ashby": 3, "brookfield": 1, "coldharbour": 1})  # 1 day each
    by_day = derive(legal)
    assert by_day.money.rate_text == "£520.00 per day"
    assert by_day.money.timing_text == "after the period"
    assert [p.basis_text for p in by_day.parties] == [
        "the rest of the cost", *["1 working day a week × 44 weeks × £520.00"] * 2]
    by_hour = derive(_answers(LEGAL, fee={"rate": 65.5, "per": "hour", "weeks_per_year": 44}))
    assert by_hour.money.rate_text == "£65.50 per hour"
    assert by_hour.parties[1].basis_text == "11.1 hours weekly × 44 weeks × £65.50"
    fixed = derive(_answers(DPH))
    assert fixed.money.timing_text == "beforehand"
    assert [p.basis_text for p in fixed.parties] == ["the rest of the cost", "agreed yearly sum"]
    text = _text(legal, "agreement")
    for said in ["£520.00 per day", "monthly after the period", "no invoice (employer)",
                 "1 working day a week × 44 weeks × £520.00", "the rest of the cost",
                 "(final instalment £1,906.63)"]:
        assert said in text, said


def test_edited_contract_and_host_words_reach_the_documents(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The contract's cover, opening and acceptance (a variation, or a new contract when
    recruiting), its drafting note, "Host Party" and a criterion's requirement; the
    contract's title stays the one table of documents' (docgen/answers/kinds.py)."""
    path = _copy(tmp_path, monkeypatch)
    for old, new in [("cover: CONTRACT VARIATION", "cover: VARIATION OF CONTRACT"),
                     ("opening: THIS VARIATION", "opening: THIS DEED OF VARIATION"),
                     ("I accept the terms of this variation.", "I agree to this variation."),
                     ("cover: CONTRACT OF EMPLOYMENT", "cover: NEW CONTRACT OF EMPLOYMENT"),
                     ("I accept the terms of this contract.", "I agree to this contract."),
                     ("name and address of the person appointed", "appointee's name and address"),
                     ("term_one: Host Party\n", "term_one: Receiving Party\n"),
                     ("possessive_one: Host Party's", "possessive_one: Receiving Party's"),
                     ("each_sentence_start_one: The Host Party",
                      "each_sentence_start_one: The Receiving Party"),
                     ("essential: Essential", "essential: Must have")]:
        _edit(path, old, new)
    named = docgen.load(_hr())
    facts = derive(named)
    assert facts.individual and facts.individual.cover == "VARIATION OF CONTRACT"
    assert facts.contract_title == BY_KIND["contract"].title
    assert facts.hosts == {"term": "Receiving Party", "possessive": "Receiving Party's",
                           "each": "the Host Party", "Each": "The Receiving Party",
                           "one": True}
    assert "Must have" in {c["requirement"] for c in facts.person_spec}
    text = _text(named, "contract")
    for said in ["VARIATION OF CONTRACT", "THIS DEED OF VARIATION is dated",
                 "I agree to this variation."]:
        assert said in text, said
    assert "Receiving Party" in _text(named, "agreement")
    data = _hr()
    del data["postholder"]
    recruiting = docgen.load(data)
    facts = derive(recruiting)
    assert facts.contract_title == BY_KIND["contract"].recruit_title
    assert facts.placeholders == ["the appointee's name and address (in the contract)"]
    text = _text(recruiting, "contract")
    for said in ["NEW CONTRACT OF EMPLOYMENT", "THIS CONTRACT is dated",
                 "I agree to this contract.", "the appointee's name and address"]:
        assert said in text, said



@pytest.mark.parametrize(("old", "new", "example"), [
    ('    day: "{rate} a day"\n', '    day: ""\n', "day: '{rate} a day'"),
    ('    last: "{each} (the last {last})"\n', "    last:\n",
     "last: '{each} (the last {last})'"),
    ("  quarterly: at least once a quarter\n", '  quarterly: ""\n',
     "quarterly: at least once a quarter"),
    ("  term_more: Host Parties\n", "  term_more: \n", "term_more: Host Parties"),
    ("  term_more: Host Parties\n", "  term_more: yes\n", "term_more: Host Parties"),
])
def test_a_key_without_words_is_shown_docgen_s_own_words_for_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str,
        example: str) -> None:
    """Each key its own example (it was "outside the scope of VAT" for every key, and
    following it for a key that needs a {name} gave a second error); pasted into the file
    as the message prints it (YAML: "{rate} a day" unquoted is a mapping), it works."""
    path = _copy(tmp_path, monkeypatch)
    _edit(path, old, new)
    with pytest.raises(DocgenError, match=f"e.g. `{re.escape(example)}`; it is ") as caught:
        words()
    assert str(path) in str(caught.value)
    assert ("put them in quotes" in str(caught.value)) == new.endswith(" yes\n")
    pasted = re.search(r"e\.g\. `(.*?)`; it is ", str(caught.value))
    assert pasted is not None
    _edit(path, new, new[:len(new) - len(new.lstrip())] + pasted.group(1) + "\n")
    key = example.split(": ", 1)[0]
    assert words()[next(k for k in KEYS if k.endswith(f".{key}"))] == \
        old.split(": ", 1)[1].strip().strip('"')


def test_a_key_docgen_s_own_file_lacks_is_shown_words_with_its_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An example built from the names the key needs, where docgen's own file has none."""
    path = _copy(tmp_path, monkeypatch)
    _edit(path, '    day: "{rate} a day"\n', '    day: ""\n')
    _edit(path, '    last: "{each} (the last {last})"\n', '    last: ""\n')
    older = tmp_path / "older.yaml"
    shutil.copy(path, older)
    monkeypatch.setattr(wording, "SHIPPED", older)
    with pytest.raises(DocgenError, match=re.escape("e.g. `day: words with {rate}`")):
        words()
    _edit(path, '    day: ""\n', '    day: "{rate} a day"\n')
    with pytest.raises(DocgenError,
                       match=re.escape("e.g. `last: words with {each} and {last}`")):
        words()
