"""What GP055 and GP056 read of a statutory role that names section 151 of the Local
Government Act 1972 by its number: an English or Welsh council's chief finance officer
("Chief Finance Officer (section 151)"). ``facts/role_titles.role_kinds`` names it the chief finance
officer, which is a Scottish council's (its s.95 officer) and a Northern Irish council's (its
chief financial officer) too, so only the number says that the role is England and Wales'
office: GP055 flags it for a body that is not a council, GP056 for a council in Scotland or
Northern Ireland, with the office that country's law gives instead."""

from __future__ import annotations

import re

from docgen.facts.role_titles import NOT_HELD

#: a role naming section 151 by its number (compiled as the module loads: docgen._codecache)
SECTION_151 = re.compile(r"\b151\b")

_S151 = ("names section 151 of the Local Government Act 1972, which applies in England and "
         "Wales only; ")
_IF_ENGLISH_OR_WELSH = ("; if the post is in England or Wales, set jurisdiction: england or "
                        "jurisdiction: wales")
#: by the post's law, what GP056 writes of a council's role naming section 151 there
ELSEWHERE: dict[str, str] = {
    "scotland": (
        f"{_S151}a Scottish council's officer responsible for the proper administration of its "
        "financial affairs is its proper officer under section 95 of the Local Government "
        "(Scotland) Act 1973. Write the role as 'Section 95 Officer' or 'Chief Finance Officer "
        f"(Section 95 Officer)'{_IF_ENGLISH_OR_WELSH}"),
    "northern_ireland": (
        f"{_S151}in Northern Ireland a council designates an officer as its chief financial "
        "officer, under whose supervision its financial affairs are administered (section 1 of "
        "the Local Government Finance Act (Northern Ireland) 2011), an officer of that council "
        "(section 1(2)). Write the role as 'Chief Financial Officer' for the council that "
        f"employs the post-holder{_IF_ENGLISH_OR_WELSH}"),
}


def section_151_words(role: str, jurisdiction: str) -> str | None:
    """GP056's words for ``role``, given to a council, where it names section 151 under the
    law of a country the section does not extend to (:data:`ELSEWHERE`), else None (a
    deputy's or assistant's role holds no office: ``facts/role_titles.NOT_HELD``)."""
    words = ELSEWHERE.get(jurisdiction)
    return words if words and SECTION_151.search(role) and not NOT_HELD.search(role) else None
