"""The profile listing carries each profile's law (``jurisdiction``), so the browser's
start page takes a new post's law from the one read of each profile it already makes."""

from __future__ import annotations

from pathlib import Path

import docgen
from docgen.answers.profile_files import list_organisations


def _write(folder: Path, pid: str, extra: str) -> None:
    (folder / "organisations").mkdir(exist_ok=True)
    (folder / "organisations" / f"{pid}.yaml").write_text(
        f"docgen_organisation: 1\nname: {pid.title()} Council\nshort_name: {pid.title()}\n"
        f"kind: local_authority\n{extra}address: 1 High Street\n"
        "signatory: {name: Alex Reid, title: Chief Executive}\n"
        "notices: {title: Monitoring Officer, email: mo@example.gov.uk}\n", encoding="utf-8")


def test_the_listing_gives_each_profiles_stated_law_or_none(tmp_path: Path) -> None:
    _write(tmp_path, "kelvin", "jurisdiction: scotland\n")
    _write(tmp_path, "alder", "")
    _write(tmp_path, "broken", "jurisdiction: mars\n")  # invalid: no law taken from it
    listed = {o["id"]: o for o in list_organisations(tmp_path)}
    assert listed["kelvin"]["jurisdiction"] == "scotland"
    assert listed["alder"]["jurisdiction"] is None
    assert listed["broken"]["problems"] and listed["broken"]["jurisdiction"] is None
    assert [o["jurisdiction"] for o in docgen.organisations(tmp_path)] == [
        None, None, "scotland"]

