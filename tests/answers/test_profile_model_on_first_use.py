"""The model of an organisation profile (docgen/answers/organisation_model.py, two models
made from the answer file's) loads only for a post that gives a party by its profile:
a post whose parties are all written in its answer file never makes it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _loaded_after_checking(post: str) -> set[str]:
    probe = ("import json, sys\nimport docgen\n"
             f"report = docgen.check({str(ROOT / 'inputs' / post)!r})\n"
             "assert report.ok, report.problems\n"
             "print(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_a_post_without_profiles_never_makes_the_profile_model() -> None:
    loaded = _loaded_after_checking("shared-head-of-hr.yaml")
    assert "docgen.answers.organisation" in loaded  # the keys a profile may give
    assert "docgen.answers.organisation_model" not in loaded


def test_a_post_with_profiles_loads_it() -> None:
    assert "docgen.answers.organisation_model" in _loaded_after_checking(
        "shared-head-of-procurement.yaml")
