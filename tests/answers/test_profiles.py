"""Organisation profiles: a party given by id takes its facts from organisations/<id>.yaml,
the employer's profile gives its standing policy and clause wording, and every value
says where it came from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from docx_read import full_text
from yaml_text import load_yaml

import docgen
from docgen import build
from docgen.answers.organisation_schema import organisation_schema
from docgen.answers.profiles import load_post
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
PROFILES = ROOT / "inputs" / "organisations"
PROCUREMENT = ROOT / "inputs" / "shared-head-of-procurement.yaml"
#: the two councils' legal names as their profiles give them (their corporate names)
EASTWICK, WESTMERE = (load_yaml((PROFILES / f"{pid}.yaml").read_text("utf-8"))["name"]
                      for pid in ("eastwick", "westmere"))

PARTIES_FULL = HR.read_text(encoding="utf-8").split("parties:\n", 1)[1].split("\n\n", 1)[0]
#: the Head of HR example's policy, which eastwick.yaml states in the same words
POLICY_BLOCKS = [
    "  on_costs:\n    - {name: Employer pension contribution (LGPS), percent: 19.8}\n"
    "    - {name: Employer National Insurance, percent: 15, above: 5000}\n",
    "  invoicing: {frequency: quarterly, timing: arrears, payment_days: 30}\n",
    "  vat:\n    treatment: outside_scope\n    rationale: >-\n"
    "      The Post-holder is placed at the other council's disposal under section 113 of the\n"
    "      Local Government Act 1972, for the purposes of its functions as a local authority.\n",
    "  pension_scheme: Local Government Pension Scheme\n",
    "  disputes:\n    - {level: Line managers, days: 10}\n    - {level: Leaders of the councils, "
    "days: 20}\n    - {level: Independent mediation, days: 40}\n",
]


def hr_text() -> str:
    """The Head of HR example with its VAT rationale worded as Eastwick's profile words it
    (the example names Westmere; the profile speaks of any other council)."""
    text = HR.read_text(encoding="utf-8")
    start = text.index("  vat:\n")
    end = text.index("\n  #", start) + 1
    return text[:start] + POLICY_BLOCKS[2] + text[end:]


def hr_in_full() -> str:
    """The Head of HR example with each party's data-protection contact written out (the
    profiles hold one), so it states everything the profiles would give."""
    text = hr_text()
    for pid, contact in (("eastwick", "{title: Data Protection Officer, email: "
                                      "dpo@eastwick.example.gov.uk}"),
                         ("westmere", "{title: Information Governance Manager, email: "
                                      "dpo@westmere.example.gov.uk}")):
        marker = "email: legal@eastwick.example.gov.uk}\n" if pid == "eastwick" else \
            "email: monitoring.officer@westmere.example.gov.uk}\n"
        assert marker in text
        text = text.replace(marker, f"{marker}    data_protection: {contact}\n")
    return text


def hr_by_id(parties: str = "[eastwick, westmere]") -> str:
    """The Head of HR example giving its parties by id and leaving Eastwick's policy out."""
    text = hr_text().replace("parties:\n" + PARTIES_FULL,
                                                  f"parties: {parties}")
    for block in POLICY_BLOCKS:
        assert block in text, block
        text = text.replace(block, "")
    return text


def workspace(tmp_path: Path, name: str = "ws") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    shutil.copytree(PROFILES, folder / "organisations")
    return folder


def test_a_party_given_by_id_builds_the_same_bytes_as_written_in_full(tmp_path: Path) -> None:
    full = tmp_path / "full"
    full.mkdir()
    (full / "post.yaml").write_text(hr_in_full(), encoding="utf-8")
    ws = workspace(tmp_path)
    (ws / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    written = docgen.render(full / "post.yaml")
    profiled = docgen.render(ws / "post.yaml")
    assert written.documents.keys() == profiled.documents.keys() == {
        "agreement", "contract", "job_spec"}
    for kind, data in written.documents.items():
        assert profiled.documents[kind] == data, kind
    # and through build, as published files
    out_a, out_b = tmp_path / "out-a", tmp_path / "out-b"
    assert build([full / "post.yaml"], out_a).ok and build([ws / "post.yaml"], out_b).ok
    for doc in sorted((out_a / "EWK-WSM-HR-01").glob("*.docx")):
        assert (out_b / "EWK-WSM-HR-01" / doc.name).read_bytes() == doc.read_bytes()
    agreement = full_text(out_b / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx")
    assert EASTWICK in agreement and "Priya Shah" in agreement
    assert ("for Eastwick, the Data Protection Officer (dpo@eastwick.example.gov.uk); for "
            "Westmere, the Information Governance Manager (dpo@westmere.example.gov.uk).") \
        in agreement


def test_mapping_with_id_only_and_what_the_post_states_wins(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    text = hr_by_id("\n  - id: eastwick\n    signatory: {name: Jo Bloggs, title: Deputy Chief "
                    "Executive}\n  - id: westmere")
    text = text.replace("  expenses: each_party_own_business\n",
                        "  expenses: each_party_own_business\n  vat: {treatment: exempt, "
                        "rationale: Our adviser says so.}\n")
    (ws / "post.yaml").write_text(text, encoding="utf-8")
    answers = docgen.load(ws / "post.yaml")
    assert answers.parties[0].signatory.name == "Jo Bloggs"
    assert answers.parties[0].name == EASTWICK
    assert answers.payment.vat.treatment == "exempt"
    assert answers.payment.invoicing.frequency == "quarterly"  # from the profile
    where = docgen.sources(ws / "post.yaml")
    assert where["payment.vat.treatment"]["organisation"] is None
    assert where["payment.vat.treatment"]["file"].endswith("post.yaml")
    assert where["payment.invoicing.frequency"]["organisation"] == "eastwick"
    assert where["parties[0].signatory.name"]["organisation"] is None
    assert where["parties[0].address"] == {
        "file": str((ws / "organisations" / "eastwick.yaml").resolve()), "line": 10,
        "organisation": "eastwick"}


def test_a_post_being_recruited_to_stays_one(tmp_path: Path) -> None:
    """The employer's pension scheme does not invent a post-holder block."""
    ws = workspace(tmp_path)
    shutil.copy(PROCUREMENT, ws / "post.yaml")
    answers = docgen.load(ws / "post.yaml")
    assert answers.postholder is None
    assert answers.confidentiality.duration_after_end == "indefinite"  # a whole section


def test_a_folder_named_like_a_profile_is_said_to_be_a_folder(tmp_path: Path) -> None:
    """organisations/westmere.yaml made as a folder: not "no profile for 'westmere' (did
    you mean 'westmere'?)"."""
    ws = workspace(tmp_path)
    (ws / "organisations" / "westmere.yaml").unlink()
    (ws / "organisations" / "westmere.yaml").mkdir()
    (ws / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    [problem] = docgen.check(ws / "post.yaml").errors
    assert problem.key == "parties[1]"
    assert problem.message == (
        f"{ws / 'organisations' / 'westmere.yaml'} is a folder, not a profile file; rename "
        "the folder and write the profile in a file of that name, or write the party out "
        "in full")


def test_a_missing_profile_names_the_id_the_folder_and_the_profiles_there(
        tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    (ws / "post.yaml").write_text(hr_by_id("[eastwick, westmeer]"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(ws / "post.yaml")])
    assert result.exit_code == 1
    assert "there is no organisation profile for 'westmeer'" in " ".join(result.output.split())
    [problem] = docgen.check(ws / "post.yaml").errors
    assert (problem.file.name, problem.line, problem.key) == ("post.yaml", 20, "parties[1]")
    assert problem.message.startswith(
        f"there is no organisation profile for 'westmeer' in {ws / 'organisations'} (did you "
        "mean 'westmere'? the profiles there are: eastwick, westmere)")
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    problems = docgen.check(bare / "post.yaml").errors
    assert [p.key for p in problems] == ["parties[0]", "parties[1]"]
    assert f"party 'eastwick' is given by its id alone, but there is no organisations/ folder " \
           f"in {bare}" in problems[0].message


@pytest.mark.parametrize("line, replacement, key, message", [
    ("kind: local_authority", "kind: council", "kind",
     "must be 'local_authority', 'nhs_body' or 'other_public_body' (found 'council')"),
    ("short_name: Westmere", "short_nme: Westmere", "short_nme",
     "unknown key 'short_nme' in an organisation profile; did you mean 'short_name'?"),
    ("    notice_months: 6", "    notice_months: 6\n    postholder_reverts_to: westmere",
     "policy.exit.postholder_reverts_to", "unknown key 'postholder_reverts_to'"),
    ("    invoicing: {frequency: monthly, timing: arrears, payment_days: 28}",
     "    invoicing: {frequency: weekly, timing: arrears, payment_days: 28}",
     "policy.payment.invoicing.frequency", "must be 'monthly' or 'quarterly'"),
])
def test_a_bad_profile_is_reported_with_file_line_and_key(
        tmp_path: Path, line: str, replacement: str, key: str, message: str) -> None:
    ws = workspace(tmp_path)
    profile = ws / "organisations" / "westmere.yaml"
    text = profile.read_text(encoding="utf-8")
    assert line in text
    profile.write_text(text.replace(line, replacement, 1), encoding="utf-8")
    expected_line = text.split(line)[0].count("\n") + 1
    (ws / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    problems = docgen.check(ws / "post.yaml").errors
    problem = next(p for p in problems if p.key == key)  # short_nme: also short_name missing
    assert (problem.file.resolve(), problem.line, problem.key) == (
        profile.resolve(), expected_line + (1 if "\n" in replacement else 0), key)
    assert message in problem.message
    listed = {o["id"]: o for o in docgen.organisations(ws)}
    assert listed["westmere"]["problems"] and not listed["eastwick"]["problems"]


def test_changing_a_profile_rebuilds_exactly_the_posts_that_use_it(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    (ws / "uses-profiles.yaml").write_text(hr_by_id(), encoding="utf-8")
    (ws / "in-full.yaml").write_text(hr_in_full().replace("EWK-WSM-HR-01", "EWK-WSM-HR-02"),
                                     encoding="utf-8")
    out = tmp_path / "out"
    first = build([ws], out)
    assert [p.status for p in first.posts] == ["built", "built"]
    manifest = json.loads((out / "EWK-WSM-HR-01" / "manifest.json").read_text())
    assert [p["id"] for p in manifest["profiles"]] == ["eastwick", "westmere"]
    assert json.loads((out / "EWK-WSM-HR-02" / "manifest.json").read_text())["profiles"] == []
    assert {p.reference: p.status for p in build([ws], out).posts} == {
        "EWK-WSM-HR-01": "skipped", "EWK-WSM-HR-02": "skipped"}
    profile = ws / "organisations" / "westmere.yaml"
    profile.write_text(profile.read_text().replace("London W15 2BB", "London W15 2BC"))
    again = {p.reference: p.status for p in build([ws], out).posts}
    assert again == {"EWK-WSM-HR-01": "built", "EWK-WSM-HR-02": "skipped"}
    agreement = full_text(out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx")
    assert "London W15 2BC" in agreement and "London W15 2BB" not in agreement


def test_check_verbose_says_where_each_value_came_from(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ws = workspace(tmp_path)
    (ws / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    monkeypatch.chdir(ws)
    result = CliRunner().invoke(cli, ["check", "-v", "post.yaml"])
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.output.splitlines()]
    assert "parties[0].name organisations/eastwick.yaml:7 (profile eastwick)" in lines
    assert "parties[1].signatory.name organisations/westmere.yaml:9 (profile westmere)" in lines
    assert "payment.vat.treatment organisations/eastwick.yaml:26 (profile eastwick)" in lines
    assert "every other value: post.yaml" in lines
    assert not any(line.startswith("payment.salary") for line in lines)
    # a warning about a value from a profile points at the profile's line (the example
    # acknowledges it, with its VAT adviser's view)
    assert "ack'd GP014 organisations/eastwick.yaml:26 payment.vat.treatment" in lines


def test_profiles_stay_inside_the_workspace(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(PROFILES / "westmere.yaml", outside / "westmere.yaml")
    ws = workspace(tmp_path)
    (ws / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    linked = ws / "organisations" / "westmere.yaml"
    linked.unlink()
    linked.symlink_to(outside / "westmere.yaml")
    [problem] = docgen.check(ws / "post.yaml").errors
    assert "leads outside the workspace" in problem.message and problem.key == "parties[1]"
    linked.unlink()
    shutil.copy(PROFILES / "westmere.yaml", linked)
    eastwick = ws / "organisations" / "eastwick.yaml"
    eastwick.write_text(eastwick.read_text().replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nclauses: [../../outside]\n"))
    [problem] = docgen.check(ws / "post.yaml").errors
    assert problem.key == "clauses[0]" and problem.file.name == "eastwick.yaml"
    assert "leads outside the project folder" in problem.message


def test_the_workspace_is_searched_upwards_only_inside_the_project(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    (ws / "posts").mkdir()
    post = ws / "posts" / "post.yaml"
    post.write_text(hr_by_id(), encoding="utf-8")
    # named alone, the post's own folder is the project: organisations/ above it is not used
    assert "no organisations/ folder" in docgen.check(post).errors[0].message
    # named through the folder above, the nearest ancestor holding organisations/ is used
    report = docgen.build([ws], tmp_path / "out")
    assert report.ok and report.posts[0].status == "built" and not report.not_posts


def test_the_employers_profile_clauses_apply_to_its_posts(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    words = ws / "organisations" / "eastwick-clauses"
    words.mkdir()
    notices = load_yaml((ROOT / "docgen" / "data" / "clauses" / "agreement" /
                              "2100-notices.yaml").read_text())
    notices["replaces_version"] = notices["version"]
    notices["text"] = notices["text"].replace("A notice under this Agreement must be in writing",
                                              "Every Eastwick notice must be in writing")
    (words / "notices.yaml").write_text(yaml.safe_dump(notices, sort_keys=False))
    eastwick = ws / "organisations" / "eastwick.yaml"
    eastwick.write_text(eastwick.read_text().replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nclauses: [eastwick-clauses]\n"))
    (ws / "employed-by-eastwick.yaml").write_text(hr_by_id(), encoding="utf-8")
    by_westmere = hr_by_id().replace("employer: eastwick", "employer: westmere").replace(
        "EWK-WSM-HR-01", "EWK-WSM-HR-03").replace("  hr_lead: eastwick\n", "").replace(
        "  # Ordered escalation steps, each level and days.\n",
        "  # Ordered escalation steps, each level and days.\n" + POLICY_BLOCKS[-1])
    (ws / "employed-by-westmere.yaml").write_text(by_westmere, encoding="utf-8")
    mine = docgen.render(ws / "employed-by-eastwick.yaml")
    assert "Every Eastwick notice must be in writing" in full_text_of(
        mine.documents["agreement"], tmp_path)
    assert [c["id"] for c in mine.manifest["agreement"]["clauses"]
            if c["source"] == "overlay"] == ["agreement.notices"]
    other = docgen.render(ws / "employed-by-westmere.yaml")
    assert "Every Eastwick notice" not in full_text_of(other.documents["agreement"], tmp_path)
    assert {c["source"] for c in other.manifest["agreement"]["clauses"]} == {"standard"}


def full_text_of(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.docx"
    path.write_bytes(data)
    return full_text(path)


def test_new_organisation_writes_a_starter_that_validates(tmp_path: Path) -> None:
    folder = tmp_path / "organisations"
    folder.mkdir()
    target = folder / "northfield.yaml"
    result = CliRunner().invoke(cli, ["new", "--organisation", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert "# Legal name: The party's full legal name" in text
    assert (folder / "organisation.schema.json").is_file()
    listed = docgen.organisations(tmp_path)
    assert [{k: v for k, v in o.items() if k not in ("party", "policy")} for o in listed] == [
        {"id": "northfield", "name": "tbc", "short_name": "tbc", "kind": "local_authority",
         "file": str(target), "problems": [], "jurisdiction": None}]
    assert listed[0]["party"]["signatory"] == {"name": "tbc", "title": "tbc"}
    assert listed[0]["policy"] == {}  # commented out in the starter
    # the policy, commented out, validates once a person removes the '# '
    head, tail = text.split("# policy:\n")
    opened = head + "policy:\n" + "\n".join(line[2:] for line in tail.splitlines())
    data = load_yaml(opened)
    assert set(data["policy"]) == {"postholder", "payment", "confidentiality",
                                   "conflicts_of_interest", "governance", "exit"}
    target.write_text(opened)
    assert docgen.organisations(tmp_path)[0]["problems"] == []
    again = CliRunner().invoke(cli, ["new", "--organisation", str(target)])
    assert again.exit_code == 2 and "already exists" in again.output
    bad = CliRunner().invoke(cli, ["new", "--organisation", str(folder / "North Field.yaml")])
    assert bad.exit_code == 2 and "named by its id" in bad.output
    # in a workspace without organisations/ yet, a bad name leaves no empty folder behind
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    bad = CliRunner().invoke(cli, ["new", "--organisation",
                                   str(fresh / "organisations" / "North Field.yaml")])
    assert bad.exit_code == 2 and "named by its id" in bad.output
    assert list(fresh.iterdir()) == []


def test_organisation_schema_is_current_and_the_examples_validate() -> None:
    committed = json.loads((ROOT / "docs" / "organisation.schema.json").read_text())
    assert committed == organisation_schema(), (
        "docs/organisation.schema.json is stale: run `docgen schema --organisation --out "
        "docs/organisation.schema.json --force`")
    result = CliRunner().invoke(cli, ["schema", "--organisation"])
    assert json.loads(result.output) == committed
    validator = jsonschema.Draft202012Validator(committed)
    for profile in sorted(PROFILES.glob("*.yaml")):
        assert not list(validator.iter_errors(load_yaml(profile.read_text()))), profile
    wrong = load_yaml((PROFILES / "eastwick.yaml").read_text())
    wrong["policy"]["payment"]["salary"] = 1
    assert any("salary" in e.message for e in validator.iter_errors(wrong))


def test_shipped_example_builds_from_its_profiles(tmp_path: Path) -> None:
    report = build([ROOT / "inputs"], tmp_path)
    assert report.ok and not report.not_posts
    folder = tmp_path / "EWK-WSM-PROC-01"
    agreement = full_text(folder / "EWK-WSM-PROC-01-agreement.docx")
    for fact in (EASTWICK, WESTMERE, "Thomas Okafor",
                 "monitoring.officer@westmere.example.gov.uk", "Independent mediation"):
        assert fact in agreement, fact
    listed = docgen.organisations(ROOT / "inputs")
    assert [(o["id"], o["short_name"], o["kind"]) for o in listed] == [
        ("eastwick", "Eastwick", "local_authority"), ("westmere", "Westmere", "local_authority")]


def test_house_style_is_carried_as_a_path_inside_the_workspace(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    (ws / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    westmere = ws / "organisations" / "westmere.yaml"
    westmere.write_text(westmere.read_text().replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nhouse_style: style/westmere.docx\n"))
    located = load_post(ws / "post.yaml")
    assert located.house_styles == {"westmere": ws / "organisations" / "style" / "westmere.docx"}
    westmere.write_text(westmere.read_text().replace("style/westmere.docx", "../../w.docx"))
    with pytest.raises(docgen.AnswerFileError) as caught:
        load_post(ws / "post.yaml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.key) == (westmere, 4, "house_style")
    assert "leads outside the project folder" in problem.message


def test_a_missing_house_style_in_a_profile_is_reported_at_the_profile(tmp_path: Path) -> None:
    """Audit: it was reported at the answer file's parties line, as if written there."""
    ws = workspace(tmp_path)
    (ws / "post.yaml").write_text(hr_by_id(), encoding="utf-8")
    eastwick = ws / "organisations" / "eastwick.yaml"
    eastwick.write_text(eastwick.read_text().replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nhouse_style: style/missing.docx\n"))
    line = eastwick.read_text().splitlines().index("house_style: style/missing.docx") + 1
    [problem] = [p for p in docgen.check(ws / "post.yaml").problems if p.severity == "error"]
    assert "the house style file does not exist" in problem.message
    assert (problem.file, problem.line, problem.key) == (eastwick, line, "parties[0].house_style")


def test_a_profile_named_to_check_is_checked_as_a_profile(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    good = CliRunner().invoke(cli, ["check", str(ws / "organisations" / "eastwick.yaml")])
    assert good.exit_code == 0, good.output
    westmere = ws / "organisations" / "westmere.yaml"
    westmere.write_text(westmere.read_text().replace("kind: local_authority", "kind: council"))
    bad = CliRunner().invoke(cli, ["check", "--json", str(westmere)])
    assert bad.exit_code == 1
    [record] = json.loads(bad.output)
    [error] = record["problems"]
    assert (error["line"], error["key"]) == (7, "kind") and "council" in error["message"]


def test_parties_by_id_in_an_extends_base(tmp_path: Path) -> None:
    """A batch's base file names the partners by id; its posts extend it."""
    ws = workspace(tmp_path)
    post = hr_by_id()
    head, rest = post.split("parties: [eastwick, westmere]\n", 1)
    (ws / "_partners.yaml").write_text("docgen: 1\nparties: [eastwick, westmere]\n"
                                       "employer: eastwick\n", encoding="utf-8")
    (ws / "post.yaml").write_text("extends: _partners.yaml\n" + head + rest.replace(
        "employer: eastwick\n", ""), encoding="utf-8")
    report = build([ws], tmp_path / "out")
    assert report.ok and [p.reference for p in report.posts] == ["EWK-WSM-HR-01"]
    where = docgen.sources(ws / "post.yaml")
    assert where["employer"]["file"].endswith("_partners.yaml")
    assert where["parties[1].name"]["organisation"] == "westmere"
    assert where["payment.salary"]["file"].endswith("post.yaml")


def test_answers_in_memory_use_the_workspace_they_are_given(tmp_path: Path) -> None:
    """The web interview and the spreadsheet intake hold answers as text or a mapping."""
    ws = workspace(tmp_path)
    text = hr_by_id()
    (ws / "post.yaml").write_text(text, encoding="utf-8")
    from_file = docgen.render(ws / "post.yaml").documents
    assert docgen.render(text, workspace=ws).documents == from_file
    assert docgen.render(load_yaml(text), workspace=ws).documents == from_file
    assert docgen.sources(text, workspace=ws)["parties[0].name"]["organisation"] == "eastwick"
    without = docgen.check(text)
    assert not without.ok and "eastwick" in without.errors[0].message
