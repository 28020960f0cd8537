"""Verify knows where each fact stands (issue 22.3): documents tampered so that every
figure and name of the post is still present, but in the wrong place, fail verification
with a message naming the document and what stands where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_read import edit_paragraphs
from yaml_text import load_yaml

import docgen
from docgen.answers.yamlfile import load_answer_file
from docgen.cli import cli
from docgen.facts.parties import common_name
from docgen.pipeline import check_located
from docgen.publish.batch import build
from docgen.publish.files import MANIFEST
from docgen.publish.verify_folder import verify_folder
from docgen.word.places import joined_from
from docgen.word.verify import verify_documents

EXAMPLES = Path(docgen.__file__).parent / "data" / "examples"
HR = EXAMPLES / "shared-head-of-hr.yaml"
REF = "EWK-WSM-HR-01"
#: the two councils' legal names as the example gives them (their corporate names)
EASTWICK, WESTMERE = (p["name"] for p in load_yaml(HR.read_text("utf-8"))["parties"])


@pytest.fixture(scope="module")
def rendered() -> tuple[object, dict[str, bytes]]:
    facts = check_located(load_answer_file(HR)).facts
    return facts, docgen.render(HR).documents


def retext(data: bytes, changes: dict[str, str]) -> bytes:
    """Each paragraph whose whole text is a key of ``changes`` gets the new text (the
    first run keeps it, the others are emptied): a hand edit in Word."""
    done: set[str] = set()

    def replace(ts: list, text: str) -> None:
        if text in changes:
            _rewrite(ts, changes[text])
            done.add(text)

    out = edit_paragraphs(data, replace)
    assert done == set(changes), set(changes) - done
    return out


def _rewrite(ts: list, new: str) -> None:
    """Runs that start the new text keep theirs (and the tabs between them); the first that
    differs takes the rest, the others are emptied."""
    kept = ""
    for i, t in enumerate(ts):
        if new.startswith(kept + (t.text or "")) and i < len(ts) - 1:
            kept += t.text or ""
            continue
        t.text = new[len(kept):]
        for later in ts[i + 1:]:
            later.text = ""
        return


def problems_after(rendered: tuple, kind: str, changes: dict[str, str]) -> list[str]:
    facts, docs = rendered
    assert verify_documents(facts, {kind: docs[kind]}) == []
    return verify_documents(facts, {kind: retext(docs[kind], changes)})


def test_two_parties_shares_swapped(rendered: tuple) -> None:
    problems = problems_after(rendered, "agreement", {"Eastwick: 60%;": "Eastwick: 40%;",
                                                      "Westmere: 40%.": "Westmere: 60%."})
    assert any("40% stated as the share of Eastwick, whose share is 60%" in p
               for p in problems), problems
    assert any("60% stated as the share of Westmere" in p for p in problems), problems


def test_commencement_date_set_to_the_first_review_date(rendered: tuple) -> None:
    facts = rendered[0]
    review = facts.review.dates_text[0] if facts.review.dates_text else facts.review.first_text
    old = f"“Commencement Date” means {facts.post['start_date_text']};"
    for kind in ("agreement", "contract"):
        problems = problems_after(rendered, kind, {old: f"“Commencement Date” means {review};"})
        assert any(f"Commencement Date is defined as “{review}" in p for p in problems), \
            problems


def test_employer_replaced_by_the_other_party_on_the_contracts_title_page(
        rendered: tuple) -> None:
    problems = problems_after(rendered, "contract", {
        EASTWICK: WESTMERE})
    assert any(f"the title page names “{WESTMERE}” as the employer" in p
               for p in problems), problems


def test_the_employer_in_parties_is_the_employer(rendered: tuple) -> None:
    entry = f"(1){EASTWICK} of Town Hall, 1 High Street, London E20 1AA (the “Employer”); and"
    problems = problems_after(rendered, "contract", {
        entry: entry.replace(EASTWICK, WESTMERE)})
    assert any(f"PARTIES names “{WESTMERE}" in p and "as the Employer" in p
               for p in problems), problems


def test_the_employer_as_defined_is_the_employer(rendered: tuple) -> None:
    for kind in ("agreement", "contract"):
        problems = problems_after(rendered, kind, {
            "“Employer” means Eastwick, which employs the Post-holder;":
                "“Employer” means Westmere, which employs the Post-holder;"})
        assert any("the Employer is defined as “Westmere" in p for p in problems), problems


def test_a_body_named_that_is_in_no_answer(rendered: tuple) -> None:
    entry = f"(2){WESTMERE} of Civic Centre, Westmere Road, London W15 2BB (“Westmere”)."
    problems = problems_after(rendered, "agreement", {
        entry: entry.replace(WESTMERE, "Northshire County Council"),
        f"(2)  {WESTMERE}": "(2)  Northshire County Council"})
    assert any("PARTIES names “Northshire County Council" in p and "not a party" in p
               for p in problems), problems
    assert any("the title page names “Northshire County Council" in p for p in problems)


def test_the_job_specs_employer_row(rendered: tuple) -> None:
    facts, docs = rendered
    spec = verify_documents(facts, {"job_spec": docs["job_spec"]})
    assert spec == []

    # the job specification names each council as it is known, the employer with its
    # corporate name beside it (a legal review, 6 December 2026)
    east, west = common_name(EASTWICK), common_name(WESTMERE)
    assert east != EASTWICK
    row = f"{east} ({EASTWICK})"  # retext fails unless a paragraph is exactly ``row``
    problems = verify_documents(facts, {"job_spec": retext(docs["job_spec"], {row: west})})
    assert any(f"the Employer row says “{west}”" in p for p in problems), \
        problems


# --- the post folder: its name, strays, and the paths its manifest names ---------------


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    post = project / HR.name
    post.write_bytes(HR.read_bytes())
    monkeypatch.chdir(project)
    assert build([post], project / "out").ok
    return project / "out" / REF


def _set_answer_path(folder: Path, resolved: str) -> None:
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["answer_file"]["resolved"] = resolved
    manifest["answer_file"]["path"] = Path(resolved).name
    (folder / MANIFEST).write_text(json.dumps(manifest))


def test_folder_name_must_be_the_manifests_reference(folder: Path) -> None:
    renamed = folder.with_name("OTHER-REF")
    folder.rename(renamed)
    problems = verify_folder(renamed)
    assert any("the folder's name is not the reference" in p and REF in p
               for p in problems), problems


def test_a_stray_document_is_found_whatever_its_case(folder: Path) -> None:
    (folder / f"{REF}-AGREEMENT.DOCX").write_bytes((folder / f"{REF}-agreement.docx")
                                                  .read_bytes())
    problems = verify_folder(folder)
    assert any(f"{REF}-AGREEMENT.DOCX: not part of the set" in p for p in problems), problems


def test_a_manifest_pointing_at_etc_shadow_is_refused_without_echo(folder: Path) -> None:
    secret = Path("/etc/shadow")
    _set_answer_path(folder, str(secret))
    result = CliRunner().invoke(cli, ["verify", str(folder)])
    assert result.exit_code != 0
    if secret.is_file():
        first = secret.read_text(errors="replace").split(":", 1)[0]
        assert f"{first}:" not in result.output.replace(str(secret), "")
    assert "Traceback" not in result.output


def test_a_manifest_pointing_outside_the_project_reads_nothing_of_it(
        folder: Path, tmp_path: Path) -> None:
    """A YAML file outside the project, not the answer file the set was built from: it is
    not loaded, so nothing of it is echoed in the errors."""
    outside = tmp_path / "elsewhere" / "notes.yaml"
    outside.parent.mkdir()
    outside.write_text("docgen: 1\nreference: hunter2-secret-line\n")
    _set_answer_path(folder, str(outside))
    (folder.parent.parent / HR.name).unlink()  # nothing else to find
    result = CliRunner().invoke(cli, ["verify", str(folder)])
    assert result.exit_code != 0
    assert "hunter2" not in result.output
    assert "outside this folder and the project" in result.output


@pytest.mark.parametrize("profile_path", [None, "/organisations/x.yaml"])
def test_a_received_post_folder_cannot_widen_what_verify_reads(
        folder: Path, profile_path: str | None) -> None:
    """An answer file that came inside the post folder may ``extends`` nothing outside it:
    not a file under the current folder, and not the disk a manifest's recorded profile
    path would make a project root."""
    secret = Path("private") / "secret.yaml"  # under the current folder (the project)
    secret.parent.mkdir()
    secret.write_text("docgen: 1\nreference: '../hunter2-secret-line'\n")
    (folder / "evil.yaml").write_text(f"extends: ../../{secret}\n")
    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["answer_file"] = {"path": "evil.yaml"}
    if profile_path:
        manifest["profiles"] = [{"id": "x", "path": profile_path, "sha256": "0"}]
    (folder / MANIFEST).write_text(json.dumps(manifest))
    result = CliRunner().invoke(cli, ["verify", str(folder)])
    assert result.exit_code != 0
    assert "hunter2" not in result.output
    assert "leads outside the project folder" in " ".join(result.output.split())


def test_the_recorded_answer_file_is_still_found_from_anywhere(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its hash is the manifest's: the very file the set was built from."""
    monkeypatch.chdir(tmp_path)
    assert verify_folder(folder) == []


def test_an_unreadable_manifest_is_reported_as_unreadable(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not as documents "edited by hand" (a folder named manifest.json stands in for
    permissions, which root ignores)."""
    (folder / MANIFEST).unlink()
    (folder / MANIFEST).mkdir()
    result = build([folder.parent.parent / HR.name], folder.parent)
    message = result.posts[0].message
    assert "manifest.json cannot be read" in message and "edited" not in message.replace(
        "were edited", ""), message
    verify = CliRunner().invoke(cli, ["verify", str(folder)])
    assert verify.exit_code != 0 and "cannot be read" in verify.output


def test_a_partner_named_like_a_joining_word_passes_verification() -> None:
    """The job specification's "A, B and C" row is read as names and joints, left to right:
    taking each name out in turn took the "a" out of "and" too, and a valid post (found by
    the hostile-values test) failed verification."""
    data = load_yaml((EXAMPLES / "shared-legal-services-three-councils.yaml").read_text("utf-8"))
    data["parties"][-1]["name"] = "a"
    others = [p for p in data["parties"] if p["id"] != data["employer"]]
    assert len(others) == 2  # the row reads "… and a"
    result = docgen.render(data)  # verification on
    assert result.documents["job_spec"]


@pytest.mark.parametrize(("text", "ok"), [
    ("London Borough of Eastwick", True),
    ("Kensington and Chelsea and a", True),  # a name may hold " and "
    ("a and Kensington and Chelsea", True),
    ("B, C, a and Kensington and Chelsea", True),  # and ", "
    ("a and a", True),
    ("a and", False), ("a, Nowhere and a", False), ("nd", False), ("", False),
    ("a ,a", False),
])
def test_the_partner_row_is_names_joined_as_the_fill_joins_them(text: str, ok: bool) -> None:
    names = ["a", "Kensington and Chelsea", "B, C", "London Borough of Eastwick"]
    assert (joined_from(text, names) is not None) is ok


def test_the_partner_row_gives_the_names_it_joins() -> None:
    names = ["a", "Kensington and Chelsea", "B, C"]
    assert joined_from("B, C, a and Kensington and Chelsea", names) == [
        "B, C", "a", "Kensington and Chelsea"]


def test_a_share_changed_to_a_figure_no_party_has_is_caught(rendered: tuple) -> None:
    """Not only another party's share: any share after a party's name must be its own (a
    share edited from 40% to 15% passed while only swapped shares were looked for)."""
    problems = problems_after(rendered, "agreement", {"Westmere: 40%.": "Westmere: 15%."})
    assert any("15% stated as the share of Westmere, whose share is 40%" in p
               for p in problems), problems


def test_a_party_named_without_a_letter_takes_no_other_partys_share(tmp_path: Path) -> None:
    """A legal name of ":" (found by the hostile-values test) was looked for at every colon,
    so "Eastwick (BC): 60%" read as Westmere's share and a good build was refused."""
    data = load_yaml(HR.read_text("utf-8"))
    data["parties"][0]["short_name"] = "Eastwick (BC)"
    data["parties"][1]["name"] = ":"
    post = tmp_path / "post.yaml"
    post.write_text(json.dumps(data, default=str), encoding="utf-8")
    report = build([post], tmp_path / "out")
    assert [p.status for p in report.posts] == ["built"], [p.message for p in report.posts]
    # a real swap is still caught with such names
    rendered = check_located(load_answer_file(post)).facts, docgen.render(post).documents
    found = problems_after(rendered, "agreement", {"Eastwick (BC): 60%;": "Eastwick (BC): 40%;"})
    assert any("40% stated as the share of Eastwick (BC), whose share is 60%" in p
               for p in found), found


def test_a_party_named_as_a_lower_case_word_takes_no_share_from_the_prose(
        tmp_path: Path) -> None:
    """A short name "of" (found by the hostile-values test) was found in the contract's "a
    premium of 8% of your salary" and 8% read as that party's share: the build was refused."""
    data = load_yaml(HR.read_text("utf-8"))
    data["parties"][1]["short_name"] = "of"
    data["payment"]["premium_percent"] = 8
    post = tmp_path / "post.yaml"
    post.write_text(json.dumps(data, default=str), encoding="utf-8")
    report = build([post], tmp_path / "out")
    assert [p.status for p in report.posts] == ["built"], [p.message for p in report.posts]
