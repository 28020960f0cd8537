"""A profile says what an organisation *is*: the law it is constituted under and its kind of
body. A Scottish council's profile used in a post under the law of England and Wales, or a
post calling an NHS trust a local authority, was taken without a word, so the agreement
cited section 113 of the Local Government Act 1972 for a Scottish council. Both are now
warned about, naming the profile's file and line and what to write."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docgen
from docgen import build

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "inputs" / "organisations"
PROCUREMENT = ROOT / "inputs" / "shared-head-of-procurement.yaml"


def workspace(tmp_path: Path, westmere_extra: str = "",
              parties: str = "parties: [eastwick, westmere]") -> Path:
    """The Head of Procurement example (parties by id) with Westmere's profile given
    ``westmere_extra`` lines after its kind (the law its profile states, England's, left
    out: the lines give their own)."""
    shutil.copytree(PROFILES, tmp_path / "organisations")
    profile = tmp_path / "organisations" / "westmere.yaml"
    text = profile.read_text(encoding="utf-8")
    assert text.count("\njurisdiction: england\n") == 1
    text = text.replace("\njurisdiction: england\n", "\n")
    assert "\nkind: local_authority\n" in text
    profile.write_text(text.replace("\nkind: local_authority\n",
                                    f"\nkind: local_authority\n{westmere_extra}", 1),
                       encoding="utf-8")
    post = PROCUREMENT.read_text(encoding="utf-8")
    assert "parties: [eastwick, westmere]\n" in post
    (tmp_path / "post.yaml").write_text(
        post.replace("parties: [eastwick, westmere]\n", parties + "\n", 1), encoding="utf-8")
    return tmp_path / "post.yaml"


def changed(post: Path, old: str, new: str) -> None:
    """The post's line ``old`` written as ``new``, as a person edits it."""
    text = post.read_text(encoding="utf-8")
    assert old in text
    post.write_text(text.replace(old, new, 1), encoding="utf-8")


def profile_warnings(post: Path) -> list[str]:
    report = docgen.check(post)
    assert not report.errors, [str(p) for p in report.errors]
    return [str(p) for p in report.warnings if p.rule == "PROFILE"]


def test_a_scottish_council_in_a_post_under_english_law_is_warned_about(
        tmp_path: Path) -> None:
    post = workspace(tmp_path, "jurisdiction: scotland\n")
    [warning] = profile_warnings(post)
    line = next(i for i, text in enumerate(
        (tmp_path / "organisations/westmere.yaml").read_text().splitlines(), 1)
        if text == "jurisdiction: scotland")
    assert re.match(rf"{re.escape(str(post))}:\d+: warning: jurisdiction: ", warning), warning
    assert (f"organisations/westmere.yaml:{line} says Westmere is constituted under the law "
            "of scotland (jurisdiction: scotland), but this post's jurisdiction is "
            "england_and_wales and its legal basis (lga_1972_s113) a power of that law, which "
            "Westmere cannot use") in warning
    assert "write jurisdiction: scotland and legal_basis: lgs_1966_s35 here" in warning
    assert "write legal_basis: secondment" in warning
    # a warning, not a refusal: an arrangement across the border is built, with the note
    report = build([post], tmp_path / "out", jobs=1)
    assert report.ok, [str(p) for p in report.posts[0].errors]
    assert any("Westmere is constituted under the law of scotland" in str(p)
               for p in report.posts[0].warnings)


def test_a_cross_border_secondment_is_not_warned_about(tmp_path: Path) -> None:
    """Under a secondment the parties choose the governing law: no statutory power of one
    jurisdiction is used for a body of another, so the post can be made final."""
    post = workspace(tmp_path, "jurisdiction: scotland\n")
    changed(post, "legal_basis: lga_1972_s113\n", "legal_basis: secondment\n")
    assert profile_warnings(post) == []


def test_a_welsh_council_agrees_with_a_post_under_the_law_of_england_and_wales(
        tmp_path: Path) -> None:
    assert profile_warnings(workspace(tmp_path, "jurisdiction: wales\n")) == []


def test_an_english_council_in_a_welsh_post_under_section_113_is_not_warned_about(
        tmp_path: Path) -> None:
    """Section 113 is a power of English and Welsh councils alike: an English council in a
    post under Welsh law was told it 'cannot use' it and to write the legal basis the post
    already had, a warning no one could accept, so the post could never be final."""
    post = workspace(tmp_path, "jurisdiction: england\n")
    changed(post, "jurisdiction: england_and_wales\n", "jurisdiction: wales\n")
    assert profile_warnings(post) == []


def test_a_post_may_not_quietly_make_an_nhs_trust_a_council(tmp_path: Path) -> None:
    """A post may override a standing fact (its own signatory); the kind of body is not
    one: it decides which powers apply."""
    post = workspace(tmp_path, parties="parties:\n  - eastwick\n"
                     "  - {id: westmere, kind: nhs_body, signatory: {name: Ann Lee, "
                     "title: Deputy Chief Executive}}")
    [warning] = profile_warnings(post)
    assert "parties[1].kind: this post gives Westmere the kind nhs_body, but its profile " \
        f"{tmp_path}/organisations/westmere.yaml says kind: local_authority" in warning, warning
    assert "Leave kind out of the post to take the profile's" in warning
    answers = docgen.load(post)
    assert answers.parties[1].signatory.name == "Ann Lee"  # the override itself stands


def test_a_post_overriding_the_signatory_alone_is_not_warned_about(tmp_path: Path) -> None:
    post = workspace(tmp_path, parties="parties:\n  - eastwick\n"
                     "  - {id: westmere, signatory: {name: Ann Lee, title: Deputy Chief "
                     "Executive}}")
    assert profile_warnings(post) == []


def test_a_wrong_jurisdiction_in_a_profile_says_the_allowed_values(tmp_path: Path) -> None:
    post = workspace(tmp_path, "jurisdiction: uk\n")
    errors = [str(p) for p in docgen.check(post).errors]
    assert any(re.search(r"organisations/westmere\.yaml:\d+: jurisdiction: .*'scotland'", e)
               for e in errors), errors
