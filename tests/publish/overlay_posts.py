"""Posts with a clause overlay of the agreement's FOI clause (standard version 2), for the
OVERLAY tests: the overlay in the post's own ``clauses`` folder, in its employer's
organisation profile's folder, or both. One home for the setting-up, which three test files
wrote out each."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
PROFILES = ROOT / "inputs" / "organisations"
FOI = ROOT / "docgen" / "data" / "clauses" / "agreement" / "1300-foi.yaml"
WELSH = ROOT / "docgen" / "data" / "clauses" / "agreement" / "1650-welsh-language.yaml"


def foi_overlay(folder: Path, replaces: int | None = 1) -> None:
    """``folder`` holding an overlay of the FOI clause (at version 2) that replaces version
    ``replaces`` (1: out of date; None: it does not say)."""
    folder.mkdir(parents=True)
    text = FOI.read_text("utf-8")
    assert "\nversion: 2\n" in text and "documents: [agreement]" in text
    said = "" if replaces is None else f"replaces_version: {replaces}\n"
    (folder / "agreement.foi.yaml").write_text(
        text.replace("\nversion: 2\n", f"\nversion: 9\n{said}", 1), "utf-8")


def welsh_overlay(folder: Path, when: str | None = None) -> None:
    """``folder`` holding an overlay of the agreement's Welsh language clause (at version
    2) that replaces version 1, with the standard clause's condition (``when:
    a.jurisdiction == 'wales'``, false for the HR post, in England and Wales) or ``when``.
    No other clause refers to it, so a post it is left out of still builds."""
    folder.mkdir(parents=True)
    text = WELSH.read_text("utf-8")
    condition = "\nwhen: a.jurisdiction == 'wales'\n"
    assert "\nversion: 2\n" in text and condition in text
    text = text.replace("\nversion: 2\n", "\nversion: 9\nreplaces_version: 1\n", 1)
    if when is not None:
        text = text.replace(condition, f"\nwhen: {when}\n", 1)
    (folder / "agreement.welsh_language.yaml").write_text(text, "utf-8")


def profiled_post(folder: Path, profile_replaces: int | None = 1,
                  status: str = "draft", overlay: Callable[[Path], None] | None = None
                  ) -> Path:
    """``folder/post.yaml``: the HR post naming its parties by id (so inputs/'s profiles,
    copied to ``folder/organisations``, apply), with ``status``; its employer Eastwick's
    profile gives the clause folder ``eastwick-clauses``, holding a FOI overlay replacing
    ``profile_replaces`` (or what ``overlay`` writes in that folder)."""
    shutil.copytree(PROFILES, folder / "organisations")
    clauses = folder / "organisations" / "eastwick-clauses"
    if overlay is None:
        foi_overlay(clauses, profile_replaces)
    else:
        overlay(clauses)
    profile = folder / "organisations" / "eastwick.yaml"
    profile.write_text(profile.read_text("utf-8").replace(
        "docgen_organisation: 1\n", "docgen_organisation: 1\nclauses: [eastwick-clauses]\n"),
        "utf-8")
    text = HR.read_text("utf-8")
    parties = text.split("parties:\n", 1)[1].split("\n\n", 1)[0]
    post = folder / "post.yaml"
    post.write_text(text.replace("parties:\n" + parties, "parties: [eastwick, westmere]")
                    .replace("\nstatus: draft\n", f"\nstatus: {status}\n", 1), "utf-8")
    return post
