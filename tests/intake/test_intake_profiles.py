"""The programme workbook and organisation profiles (issues 19 and 25): a row names its
partners by profile id, reads into answer files that give the parties by id, builds the
same documents as the posts written out in full; and `intake write` gives a folder of
posts (profiles, house styles) back as they are."""

from __future__ import annotations

import shutil
from pathlib import Path

from answers.test_profiles import EASTWICK, PROFILES, hr_by_id, hr_in_full
from click.testing import CliRunner
from intake_programme import run
from openpyxl import load_workbook
from yaml_text import load_yaml

from docgen import build
from docgen.cli import cli
from docgen.intake.run import INTAKE_DIR, build_workbook

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "inputs"
POSTS = {"EWK-WSM-A": ("Shared Head of Human Resources", 92000),
         "EWK-WSM-B": ("Shared Head of Organisational Development", 84500)}
EASTWICK_STYLE = "    house_style: styles/eastwick.docx\n"



def _workspace(tmp_path: Path) -> Path:
    """Two profiled councils; Eastwick's profile names its house style."""
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copytree(PROFILES, ws / "organisations")
    eastwick = ws / "organisations" / "eastwick.yaml"
    eastwick.write_text(eastwick.read_text(encoding="utf-8").replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nhouse_style: styles/eastwick.docx\n"),
        encoding="utf-8")
    base = hr_by_id().replace("reference: EWK-WSM-HR-01\n", "").replace(
        "parties: [eastwick, westmere]\n", "")
    (ws / "_hr.yaml").write_text(base, encoding="utf-8")
    return ws


def _in_full(folder: Path) -> list[Path]:
    """The same posts with every party and policy written out (and the same style)."""
    folder.mkdir()
    shutil.copytree(PROFILES / "styles", folder / "styles")
    files = []
    for ref, (title, salary) in POSTS.items():
        text = hr_in_full().replace("reference: EWK-WSM-HR-01", f"reference: {ref}").replace(
            "title: Shared Head of Human Resources", f"title: {title}").replace(
            "salary: 92000", f"salary: {salary}")
        marker = "dpo@eastwick.example.gov.uk}\n"
        text = text.replace(marker, marker + EASTWICK_STYLE, 1)
        (folder / f"{ref}.yaml").write_text(text, encoding="utf-8")
        files.append(folder / f"{ref}.yaml")
    return files


def _docs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*/*.docx"))}


def test_two_profiled_councils_from_a_workbook_build_the_same_bytes_as_written_in_full(
        tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    book = ws / "posts.xlsx"
    code, out = run("intake", "new", str(book))
    assert code == 0, out
    wb = load_workbook(book)
    orgs = [r[0].value for r in wb["Organisations"].iter_rows(min_row=2)]
    assert orgs == ["eastwick", "westmere"]  # the profiles, offered by id
    assert wb["Organisations"]["A2"].comment.text.startswith(
        f"{EASTWICK}, organisations/eastwick.yaml: its details and standing policy come from "
        "its organisation profile")
    posts = wb["Posts"]
    heads = [c.value for c in posts[1]]
    employer = next(dv for dv in posts.data_validations.dataValidation
                    if heads[next(iter(dv.sqref.ranges)).min_col - 1] == "Employer")
    assert employer.type == "list" and employer.formula1.startswith("Organisations!$A$2")
    for r, (ref, (title, salary)) in enumerate(POSTS.items(), start=2):
        for heading, value in (("Reference", ref), ("Job title", title),
                               ("Partners", "eastwick, westmere"), ("Employer", "eastwick"),
                               ("Salary", salary), ("Base file", "_hr.yaml")):
            posts.cell(row=r, column=heads.index(heading) + 1, value=value)
    wb.save(book)

    code, out = run("check", str(book))  # in memory, with the workbook's profiles
    assert code == 0, out
    assert "2 posts, 0 with errors" in out

    code, out = run("intake", "read", str(book))
    assert code == 0, out
    files = [ws / f"{ref}.yaml" for ref in POSTS]
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert "parties: [eastwick, westmere]" in text
        assert EASTWICK not in text and "Borough" not in text  # the profile gives it
    from_files = build(files, tmp_path / "out-files")
    _, from_book = build_workbook(book, tmp_path / "out-book")
    from_full = build(_in_full(tmp_path / "full"), tmp_path / "out-full")
    for report in (from_files, from_book, from_full):
        assert report.ok and report.count("built") == 2, report
    full = _docs(tmp_path / "out-full")
    assert len(full) == 6
    assert _docs(tmp_path / "out-files") == full
    assert _docs(tmp_path / "out-book") == full
    # the employer's house style went with the row (kept beside its staged answers)
    styles = list((tmp_path / "out-book" / INTAKE_DIR / "posts" / "styles").glob("*.docx"))
    assert [p.read_bytes() for p in styles] == [(PROFILES / "styles" / "eastwick.docx")
                                                .read_bytes()]
    # a changed profile rebuilds the rows that use it; unchanged, they are skipped
    _, again = build_workbook(book, tmp_path / "out-book")
    assert [p.status for p in again.posts] == ["skipped", "skipped"]
    westmere = ws / "organisations" / "westmere.yaml"
    westmere.write_text(westmere.read_text(encoding="utf-8").replace(
        "Thomas Okafor", "Thomas Okafor-Reid"), encoding="utf-8")
    _, changed = build_workbook(book, tmp_path / "out-book")
    assert [p.status for p in changed.posts] == ["built", "built"]
    assert sorted(p.name for p in ws.iterdir()) == [  # the build wrote nothing beside it
        ".docgen-intake.json", "EWK-WSM-A.yaml", "EWK-WSM-B.yaml", "_hr.yaml",
        "answer-file.schema.json", "organisations", "posts.xlsx"]


def _resolved(data: dict, folder: Path) -> dict:
    """``data`` with each party's house style as the file it names."""
    for party in data.get("parties", []):
        if isinstance(party, dict) and "house_style" in party:
            party["house_style"] = (folder / party["house_style"]).resolve()
    return data


def test_write_then_read_gives_every_shipped_post_back_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    shutil.copytree(INPUTS, folder, ignore=shutil.ignore_patterns("*.xlsx"))
    book = folder / "programme.xlsx"
    code, out = run("intake", "write", str(folder), str(book))
    assert code == 0, out
    originals = sorted(folder.glob("*.yaml"))
    assert f"{len(originals)} posts" in out
    back = folder / "back"
    back.mkdir()
    code, out = run("intake", "read", str(book), "--into", str(back))
    assert code == 0, out
    flat = " ".join(out.split())
    command = f"docgen build --project {folder} {back}"
    assert (f"note: EWK-WSM-HR-01-HS: its answer file uses the house styles organisations/"
            "styles/eastwick.docx and organisations/styles/westmere.docx, outside "
            f"{back}, which docgen build {back} alone cannot reach; build with the workbook's "
            f"folder as the project: {command}") in flat, flat
    assert (f"note: EWK-WSM-PROC-01: its answer file uses the organisation profiles in "
            f"{folder / 'organisations'}, outside {back}, which docgen build {back} alone "
            f"cannot reach; build with the workbook's folder as the project: {command}") \
        in flat, flat
    # the command the note gives works (`docgen build {folder}` would build each post twice)
    code, out = run(*command.split()[1:], "--out", str(tmp_path / "out-back"))
    assert code == 0 and f"{len(originals)} built" in out, out
    for original in originals:
        data = load_yaml(original.read_text(encoding="utf-8"))
        written = back / f"{data['reference']}.yaml"
        again = load_yaml(written.read_text(encoding="utf-8"))
        assert _resolved(again, back) == _resolved(data, folder), original.name
    procurement = load_yaml((back / "EWK-WSM-PROC-01.yaml").read_text(encoding="utf-8"))
    assert procurement["parties"] == ["eastwick", "westmere"]  # by id they stay ids
    # the workbook itself builds every post as its answer file does, styles and profiles too
    from_yaml = build([INPUTS], tmp_path / "out-yaml")
    _, from_book = build_workbook(book, tmp_path / "out-book")
    assert from_yaml.ok and from_book.ok and from_book.count("built") == len(originals)
    assert _docs(tmp_path / "out-book") == _docs(tmp_path / "out-yaml")


def test_a_workbook_that_would_not_give_the_posts_back_is_not_written(tmp_path: Path) -> None:
    book = tmp_path / "programme.xlsx"
    code, out = run("intake", "write", str(INPUTS), str(book))
    assert code == 1
    assert "would not give these posts back as they are, so it was not written" in out
    assert ("parties[0].house_style: 'organisations/styles/eastwick.docx' would lead outside "
            "the workbook's folder") in out
    assert "parties eastwick, westmere are given by id" in out
    assert f"docgen intake write {INPUTS} {INPUTS / 'programme.xlsx'}" in out
    assert not book.exists()


def test_docgen_new_offers_the_profiled_ids_and_leaves_their_policy_to_the_profile(
        tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copytree(PROFILES, ws / "organisations")
    post = ws / "post.yaml"
    answers = "\n".join(["", "", "Shared Head of Audit", "2027-09-01", "", "50", "50", "81000",
                         ""]) + "\n"
    result = CliRunner().invoke(cli, ["new", str(post), "--ask"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Organisation profiles here: eastwick, westmere" in result.output
    assert "[eastwick; westmere]" in result.output  # the profiled ids are the default
    assert "Employer pension contribution" not in result.output  # Eastwick's profile says
    data = load_yaml(post.read_text(encoding="utf-8"))
    assert data["parties"] == ["eastwick", "westmere"]
    for section, key in (("payment", "on_costs"), ("payment", "vat"),
                         ("exit", "notice_months"), ("governance", "disputes")):
        assert key not in data[section], (section, key)
    code, out = run("check", str(post))
    assert code == 0, out
    assert "1 answer file, 0 with errors" in out


def test_a_misspelt_partner_and_a_broken_profile_are_named_at_their_cell_and_line(
        tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    book = ws / "posts.xlsx"
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    posts = wb["Posts"]
    heads = [c.value for c in posts[1]]
    for r, (ref, partners) in enumerate((("EWK-WSM-A", "eastwick, westmeer"),
                                         ("EWK-WSM-B", "eastwick, westmere")), start=2):
        for heading, value in (("Reference", ref), ("Partners", partners),
                               ("Employer", "eastwick"), ("Base file", "_hr.yaml")):
            posts.cell(row=r, column=heads.index(heading) + 1, value=value)
    wb.save(book)
    westmere = ws / "organisations" / "westmere.yaml"
    westmere.write_text(westmere.read_text(encoding="utf-8").replace(
        "kind: local_authority", "kind: council"), encoding="utf-8")
    code, out = run("check", str(book))
    assert code == 1
    text = " ".join(out.split())
    assert ("posts.xlsx!Posts!D2 (partners, post EWK-WSM-A): there is no organisation "
            "'westmeer'; add a row for it to the Organisations sheet (or check the spelling); "
            "the organisation profiles beside the workbook are: eastwick, westmere") in text
    assert f"{westmere}:7: kind: must be" in text and "(found 'council')" in text
    assert "2 posts, 2 with errors" in text


def test_a_row_whose_employer_profile_has_clause_folders_is_not_built_from_the_workbook(
        tmp_path: Path) -> None:
    """Not yet supported: said at the row's cell, nothing built, the other rows built."""
    ws = _workspace(tmp_path)
    (ws / "organisations" / "wording").mkdir()
    westmere = ws / "organisations" / "westmere.yaml"
    westmere.write_text(westmere.read_text(encoding="utf-8").replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nclauses: [wording]\n"),
        encoding="utf-8")
    book = ws / "posts.xlsx"
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    posts = wb["Posts"]
    heads = [c.value for c in posts[1]]
    for r, (ref, employer) in enumerate((("EWK-WSM-A", "eastwick"), ("EWK-WSM-B", "westmere")),
                                        start=2):
        for heading, value in (("Reference", ref), ("Partners", "eastwick, westmere"),
                               ("Employer", employer), ("Reverts to", employer),
                               ("Base file", "_hr.yaml")):
            posts.cell(row=r, column=heads.index(heading) + 1, value=value)
    wb.save(book)
    code, out = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 1
    text = " ".join(out.split())
    assert ("posts.xlsx!Posts!D3 (partners, post EWK-WSM-B): the employer's organisation "
            "profile names clause folders") in text
    # the workbook as the command named it (its folder too: run from elsewhere, the name
    # alone would not be found)
    assert f"docgen intake read {book}" in text
    assert (tmp_path / "out" / "EWK-WSM-A").is_dir()
    assert not (tmp_path / "out" / "EWK-WSM-B").exists()


def test_a_row_naming_its_own_clause_folders_is_refused_by_a_workbook_build_at_its_cell(
        tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    (ws / "wording").mkdir()
    book = ws / "posts.xlsx"
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    posts = wb["Posts"]
    heads = [c.value for c in posts[1]]
    for heading, value in (("Reference", "EWK-WSM-A"), ("Partners", "eastwick, westmere"),
                           ("Employer", "eastwick"), ("Base file", "_hr.yaml")):
        posts.cell(row=2, column=heads.index(heading) + 1, value=value)
    other = wb["Other answers"]
    other.append(["EWK-WSM-A", "clauses", "[wording]"])
    wb.save(book)
    code, out = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 1
    assert ("posts.xlsx!'Other answers'!C2 (clauses, post EWK-WSM-A): the post names its own "
            "clause folders") in " ".join(out.split())
