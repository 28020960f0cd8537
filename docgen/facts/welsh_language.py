"""Which person-specification criteria are on Welsh language skills: one list of words and
one pattern, read by the facts (``LegalFacts.welsh_criteria``: the job specification's
special conditions and the agreement's Welsh-language clause) and by GP058."""

from __future__ import annotations

import re

from docgen.answers.model import AnswerFile

#: words that make a person-specification criterion one on Welsh language skills ("Welsh"
#: alone, or "in Welsh", does not: "leadership in Welsh local government"). The job
#: specification's special conditions and the agreement's Welsh-language clause read
#: ``LegalFacts.welsh_criteria``, and GP058 (rulebook/job.py) calls ``welsh_criteria``
WELSH_WORDS = ("welsh language", "welsh-language", "welsh speak", "welsh-speak", "speak welsh",
               "speaking welsh", "welsh skills", "welsh at level", "level of welsh",
               "welsh to level", "fluent welsh", "fluency in welsh", "communicate in welsh",
               "medium of welsh", "learn welsh", "cymraeg")


#: the other ways a criterion is written: "Welsh" followed by a level or skill ("Welsh level
#: 3 (desirable)", "Welsh: Level 4 essential", "Welsh speaker"), a skill followed by "(in)
#: Welsh" ("Ability to converse in Welsh", "read and write Welsh", "level of Welsh"), or
#: "bilingual" ("Bilingual in Welsh and English"). A skill word must sit next to "Welsh",
#: and "Welsh" must not begin the name of a body or field: "leadership in Welsh local
#: government" and "able to read Welsh Government papers" are not criteria on the language
_NOT_LANGUAGE = (r"(?!\s+(?:government|local|public|assembly|ministers?|parliament|senedd|"
                 r"nhs|health|devolution|context|polic\w*|legislation|law|authorit\w*|"
                 r"councils?|sector))")
WELSH_PATTERN = re.compile(
    r"\bwelsh\b[\s:,;()\u2013-]*(?:(?:to|at|of)\s+)?(?:level|speak\w*|spoken|"
    r"language|skills?|fluen\w*|conversation\w*|oral|written|writing|reading)\b"
    r"|\b(?:(?:speak\w*|write|writing|read|reading|learn\w*|conversational)\s+(?:in\s+)?"
    r"|(?:converse|conversing|communicat\w*|fluen\w*|proficien\w*|"
    r"competen\w*)\s+in\s+|level\s+of\s+)(?:the\s+)?welsh\b" + _NOT_LANGUAGE +
    r"|\bbilingual\w*", re.IGNORECASE)


def welsh_criteria(a: AnswerFile) -> list[str]:
    """The person specification's criteria on Welsh language skills."""
    return [c.criterion for c in a.job.person_specification
            if any(w in c.criterion.lower() for w in WELSH_WORDS)
            or WELSH_PATTERN.search(c.criterion)]


__all__ = ["WELSH_PATTERN", "WELSH_WORDS", "welsh_criteria"]
