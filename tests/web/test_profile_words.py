"""The organisation-profile warnings in the browser's words: a partner whose profile is
under another country's law, or another kind of body, was shown the command line's text
("organisations/westmere.yaml:4 says ... write jurisdiction: scotland and legal_basis:
lgs_1966_s35") with its file, line and YAML."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.messages import BY_CODE  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_wording import assert_plain, visible_text  # noqa: E402

INPUTS = Path(__file__).resolve().parents[2] / "inputs"
POST = "shared-head-of-procurement.yaml"  # both partners from their profiles


def _folder(tmp_path: Path, profile_line: str, post_change: tuple[str, str] = ("", "")) -> Path:
    shutil.copytree(INPUTS / "organisations", tmp_path / "organisations")
    profile = tmp_path / "organisations" / "westmere.yaml"
    text = profile.read_text(encoding="utf-8")
    if profile_line.startswith("jurisdiction:"):  # in place of the law the profile states
        assert text.count("\njurisdiction: england\n") == 1
        text = text.replace("\njurisdiction: england\n", "\n")
    profile.write_text(text + profile_line, encoding="utf-8")
    text = (INPUTS / POST).read_text(encoding="utf-8")
    old, new = post_change
    assert old in text
    (tmp_path / POST).write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("profile_line", "post_change", "code"), [
    ("jurisdiction: scotland\n", ("", ""), "profile_law"),
    ("", ("parties: [eastwick, westmere]",
          "parties: [eastwick, {id: westmere, kind: nhs_body}]"), "profile_kind"),
])
def test_a_profile_warning_is_in_plain_words(tmp_path: Path, profile_line: str,
                                              post_change: tuple[str, str], code: str) -> None:
    web = Interview(_folder(tmp_path, profile_line, post_change))
    web.open(POST)
    check = web.client.get(f"{web.base}/check").text
    assert BY_CODE[code] in visible_text(check), visible_text(check)[:3000]
    assert "westmere.yaml" not in visible_text(check)
    assert_plain(check, f"{code}: check your answers")


def test_an_employers_profile_not_read_is_said_in_plain_words(tmp_path: Path) -> None:
    """A reviewer's finding: the Head of HR post, its employer written out in full and its
    on-costs left out, in a folder holding Eastwick's profile: check your answers showed
    docgen's own message ("organisations/eastwick.yaml gives … (- The Mayor and Burgesses …
    in parties, in place of its keys) … (on costs: [] for none)")."""
    shutil.copytree(INPUTS / "organisations", tmp_path / "organisations")
    hr = (INPUTS / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    on_costs = hr[hr.index("  on_costs:\n"):hr.index("\n", hr.index("above: 5000}")) + 1]
    (tmp_path / "head-of-hr.yaml").write_text(hr.replace(on_costs, ""), encoding="utf-8")
    web = Interview(tmp_path)
    web.open("head-of-hr.yaml")
    check = web.client.get(f"{web.base}/check").text
    assert BY_CODE["profile_unread"] in visible_text(check), visible_text(check)[:3000]
    assert "eastwick.yaml" not in visible_text(check)
    assert_plain(check, "profile_unread: check your answers")
