"""The interview names the documents a recruit's post makes final first (all but the
contract) from the one table of kinds, ``docgen/answers/kinds.py``, not by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.answers.kinds import BY_KIND, KINDS  # noqa: E402
from docgen.web.before_final import WITHOUT_CONTRACT, WITHOUT_CONTRACT_NAMES  # noqa: E402
from docgen.web.final_now import FINAL_NOW_SAID, NAMED_SINCE  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def test_the_interview_names_what_a_recruit_makes_final_first_from_the_table() -> None:
    assert [k.kind for k in KINDS if k.kind != "contract"] == WITHOUT_CONTRACT
    names = " and ".join(BY_KIND[k].noun for k in WITHOUT_CONTRACT)
    assert WITHOUT_CONTRACT_NAMES == names == "agreement and job specification"
    assert names in FINAL_NOW_SAID and names in NAMED_SINCE
    for module in ("final_now.py", "before_final.py"):
        text = (ROOT / "docgen" / "web" / module).read_text(encoding="utf-8")
        assert "agreement and job specification final" not in text, module
