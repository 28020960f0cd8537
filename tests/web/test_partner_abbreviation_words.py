"""A partner's id (what links its answers inside the post's file, such as ``eastwick``) was
called its "short code" on the pages: a word an HR officer does not use, beside the "Short
name" the documents print. It is now its abbreviation, the same in the label, its hint, the
summary it waits behind, and each message about it (a malformed one, one another partner
has, one no partner has: test_message_codes, test_partner_code_renamed, test_partner_clash,
test_check_rows_whole); the words are problem_words.yaml's and question_words.yaml's. Their
example is the id docgen makes from the short name (``eastwick`` for Eastwick, never
``ewk``, which the box never showed), and they say what the id may hold: lower-case letters,
numbers and underscores (_), starting with a letter (the answer-file model's pattern), in
GOV.UK's words: numbers, not digits."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from source_strings import docstrings  # noqa: E402

from docgen.answers.party_ids import party_id  # noqa: E402
from docgen.web.fields import model_field  # noqa: E402

from .conftest import EASTWICK  # noqa: E402
from .helpers import Shown  # noqa: E402
from .test_hr_review_a_words import _four  # noqa: E402

LABEL = "Abbreviation for this partner"
#: the id docgen makes for Eastwick from its short name, as the example says it
MADE = party_id(EASTWICK, [], "Eastwick")
MALFORMED = "An abbreviation must only include lower-case letters, numbers and underscores " \
    f"(_), and start with a letter, for example {MADE}"


def _no_code(page: Shown) -> None:
    said = page.text("//body").lower()
    assert "short code" not in said and "the code that" not in said, said


def test_the_partner_page_asks_for_its_abbreviation(tmp_path: Path) -> None:
    web = _four(tmp_path)
    page = web.go(f"{web.base}/partners/2")
    box = page.by_id("f-parties-2-id")
    assert page.label(box) == LABEL
    hint = page.text("//div[@id='f-parties-2-id-hint']")
    assert f"for example {MADE} for Eastwick" in hint and "abbreviation" in hint, hint
    assert hint.endswith("Use lower-case letters, numbers and underscores (_), starting "
                         "with a letter"), hint
    assert hint.startswith("Not the short name, and never shown in the documents."), hint
    assert page.text("//details[@id='change-short-code']/summary") == \
        "Change the abbreviation that links this partner's answers (rarely needed)"
    _no_code(page)



def test_a_malformed_abbreviation_is_asked_for_again(tmp_path: Path) -> None:
    """In a folder of organisation profiles docgen refuses such an id before it reads the
    partner, in the command line's words ("A party given by its id alone needs a short
    lower-case id such as eastwick; or write the party out in full (id, name, short_name,
    ...)", with a partner's name put for "eastwick"): the page said that. It now asks for
    the abbreviation at its box, as without profiles, and check your answers says the same."""
    web = _four(tmp_path)
    sent = web.press(web.go(f"{web.base}/partners/2"), **{"parties.2.id": "North Town"})
    assert sent.status == 422 and sent.path.endswith("/partners/2"), sent.url
    assert sent.errors() == [[MALFORMED, "#f-parties-2-id"]]
    assert sent.text("//p[@id='f-parties-2-id-error']") == f"Error: {MALFORMED}"
    assert sent.by_id("change-short-code").get("open") is not None  # opened at the error
    _no_code(sent)
    check = web.go(f"{web.base}/check")
    said = [text for text, _ in check.errors()]
    assert f"Partners: {MALFORMED}" in said, said
    for words in ("id alone", "signatory, notices", "Mayor and Burgesses"):
        assert words not in check.text("//div[@class='govuk-error-summary']"), words


def test_the_words_say_what_the_form_allows() -> None:
    """The words' example and what they allow are what the answer-file model allows: an id
    of the letters, numbers and underscores they name, starting with a letter; not a
    number or underscore first, a capital or a space."""
    assert MADE == "eastwick"
    pattern = next(m.pattern for m in model_field(("parties", 0, "id")).metadata
                   if getattr(m, "pattern", None))
    for allowed in (MADE, "north_town_2", "a"):
        assert re.fullmatch(pattern, allowed), allowed
    for refused in ("2north", "_north", "North", "north town"):
        assert not re.fullmatch(pattern, refused), refused


def _said_strings(path: Path) -> list[str]:
    """The string literals of a module, its docstrings left out (they speak to developers)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = docstrings(tree)
    return [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
            and isinstance(node.value, str) and id(node) not in docs]


def test_the_pages_say_numbers_and_hyphens_never_digits_or_dashes() -> None:
    """The reference, the file name and the abbreviation say "numbers" and "hyphens"
    (GOV.UK's words) wherever the browser may show them: the words files, the templates,
    the scripts and every message the web modules and the interview's API write."""
    root = Path(__file__).resolve().parents[2] / "docgen"
    web = root / "web"
    texts = [line for p in [*web.glob("*_words.yaml"), *(web / "templates").rglob("*.html"),
                            *(web / "static").glob("*.js")]
             for line in p.read_text(encoding="utf-8").splitlines()
             if not line.lstrip().startswith(("#", "//"))]
    texts += [t for p in [*web.rglob("*.py"), root / "api" / "interview.py"]
              for t in _said_strings(p)]
    said = [t.strip() for t in texts if re.search(r"\b(digits?|dash(es)?)\b", t, re.I)]
    assert said == []
