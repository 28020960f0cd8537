"""GP060 compiles a post's title into a pattern only when a role holds the title's words
(every post has its own title, so the pattern was compiled once per post): the answer is
the same as asking the pattern every time, over many titles and roles."""

from __future__ import annotations

import itertools
import re

from docgen.facts.role_titles import NOT_THE_HOLDER, role_kinds
from docgen.rulebook import governance
from docgen.rulebook.governance import _names_the_post, _not_possessed, _plain_title

TITLES = ["Chief Executive", "Joint Director of Public Health", "the Shared Head of HR",
          "Head of Legal (post 7)", "Director of Finance & Resources", "Monitoring Officer",
          "C.E.O. [interim]", "Chief Officer (Finance)", "Joint", "  Director   ", "s.151 Officer",
          "Head of Paid Service", "Deputy Chief Executive", "Clerk+Treasurer?", "Chief"]
ROLES = ["the Chief Executive of each council", "Chief Executives", "Chief Executives and "
         "Leaders", "Deputy Chief Executive", "the Chief Executive's nominee", "Leader",
         "Director of Public Health", "Directors of Public Health, or deputies",
         "Head of HR Business Partnering", "HEAD OF HR", "head of legal (post 7)",
         "Head of Legal (post 7)s", "Director of Finance & Resources / s.151",
         "Acting Monitoring Officer", "monitoring officer of the other council",
         "C.E.O. [interim]", "chief officer (finance) ", "Chief Officer (Finance)s;",
         "joint", "director", "S.151 officer", "Head of Paid Service: Leader",
         "Clerk+Treasurer? or Mayor", "vice chief", "chief-executive", "xchief executive",
         "assistant chief executive & leader", "Chief Executive", "the chief"]


def _by_pattern(said: str, title: str, kinds: set[str]) -> str:
    """``_names_the_post`` as it was: the title's pattern compiled and asked every time."""
    if governance._SOMEONE_ELSE.search(said):
        return ""
    before = "".join(rf"(?<!{w} )" for w in NOT_THE_HOLDER)
    plain = _plain_title(title)
    if plain and re.search(rf"(?<![\w-]){before}{re.escape(plain)}s?"
                           f"{governance._TITLE_ENDS}", said.lower()):
        return f"the post is the {title.strip()}"
    singular = re.sub(r"\b(\w+?(?:ive|er|or|ead))s\b", r"\1", said)
    found = (role_kinds(_not_possessed(said)) | role_kinds(_not_possessed(singular))) & kinds
    return f"the post-holder is the {sorted(found)[0]}" if found else ""


def test_the_title_is_asked_only_of_roles_that_hold_it_with_the_same_answers() -> None:
    kinds = [set(), {"head of paid service", "chief executive"},
             {"monitoring officer", "chief finance officer"}]
    named = held_named = 0
    for title, said, held in itertools.product(TITLES, ROLES, kinds):
        expected = _by_pattern(said, title, held)
        assert _names_the_post(said, title, held) == expected, (title, said, held)
        named += expected.startswith("the post is")
        held_named += expected.startswith("the post-holder")
    assert named > 20 and held_named > 20  # both ways of naming the post are met
